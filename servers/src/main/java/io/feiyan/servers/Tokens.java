package io.feiyan.servers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Signs bearer tokens (RS256 JWTs) for the local run and the tests, with a key pair kept in a folder: the
 * services verify them with the public key ({@code mp.jwt.verify.publickey.location}). In production an
 * OIDC provider signs them instead; nothing else changes.
 */
public final class Tokens {
    public static final String ISSUER = "https://feiyan.io/local";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Who a token speaks for: the user, their roles, and where and for whom they act. */
    public record Identity(String subject, List<String> roles, String region, String team, UUID resident) {
        public static Identity resident(UUID residentId) {
            return new Identity("resident-" + residentId, List.of("resident"), null, null, residentId);
        }

        /** A village volunteer (飞燕) of that village. */
        public static Identity volunteer(String id, String villageCode) {
            return new Identity(id, List.of("volunteer"), villageCode, null, null);
        }

        /** An operator of the station, institute or centre of that village, town or county. */
        public static Identity operator(String id, String regionCode) {
            return new Identity(id, List.of("operator"), regionCode, null, null);
        }

        public static Identity teamMember(String id, String teamCode) {
            return new Identity(id, List.of("team-member"), null, teamCode, null);
        }

        public static Identity teamLead(String id, String teamCode) {
            return new Identity(id, List.of("team-member", "team-lead"), null, teamCode, null);
        }

        public static Identity analyst(String id) {
            return new Identity(id, List.of("analyst"), null, null, null);
        }

        public static Identity admin(String id) {
            return new Identity(id, List.of("admin"), null, null, null);
        }
    }

    private final PrivateKey privateKey;

    private Tokens(PrivateKey privateKey) {
        this.privateKey = privateKey;
    }

    /** The signer whose key pair is in the folder, made there the first time. */
    public static Tokens in(Path folder) {
        try {
            Path privatePem = folder.resolve("private.pem");
            if (!Files.exists(privatePem)) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                Files.createDirectories(folder);
                Files.writeString(publicKey(folder), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
                Files.writeString(privatePem, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            }
            String base64 = Files.readString(privatePem).replaceAll("-----[A-Z ]+-----|\\s", "");
            return new Tokens(KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make or read the token signing key in " + folder, e);
        }
    }

    /** The public key the services verify with, as PEM. */
    public static Path publicKey(Path folder) {
        return folder.resolve("public.pem");
    }

    public String sign(Identity who, Duration validFor) {
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("sub", who.subject());
        claims.put("upn", who.subject());
        claims.put("groups", who.roles());
        if (who.region() != null) {
            claims.put("region", who.region());
        }
        if (who.team() != null) {
            claims.put("team", who.team());
        }
        if (who.resident() != null) {
            claims.put("resident", who.resident().toString());
        }
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(validFor).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        try {
            String unsigned = base64Url(JSON.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT")))
                    + "." + base64Url(JSON.writeValueAsBytes(claims));
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(privateKey);
            rs256.update(unsigned.getBytes(StandardCharsets.US_ASCII));
            return unsigned + "." + base64Url(rs256.sign());
        } catch (JsonProcessingException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
