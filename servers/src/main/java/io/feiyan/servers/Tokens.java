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
import java.util.Map;
import java.util.UUID;

/**
 * Signs bearer tokens (RS256 JWTs) for a service's tests, with a key pair kept in a folder: the service under test
 * verifies them with the public key ({@code mp.jwt.verify.publickey.location}). Everywhere else Keycloak issues them
 * ({@link KeycloakTokens}); the claims are the same.
 */
public final class Tokens implements TokenIssuer {
    public static final String ISSUER = "https://feiyan.io/local";
    private static final ObjectMapper JSON = new ObjectMapper();

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

    /** A token valid for an hour. */
    @Override
    public String tokenFor(Identity who) {
        return sign(who, Duration.ofHours(1));
    }

    public String sign(Identity who, Duration validFor) {
        return sign(ISSUER, who, validFor);
    }

    /** A token as another issuer would name itself (tests of what the services refuse). */
    public String sign(String issuer, Identity who, Duration validFor) {
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("sub", who.subject());
        claims.put("upn", who.subject());
        claims.put("groups", who.roles());
        claims.putAll(who.actingFor());
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
