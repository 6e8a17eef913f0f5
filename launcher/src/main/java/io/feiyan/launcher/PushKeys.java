package io.feiyan.launcher;

import io.feiyan.servers.P256;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.List;
import java.util.Properties;

/**
 * The local run's VAPID key pair (Web Push's server identity, RFC 8292), made at the first start and kept beside the
 * data, readable by its owner only, as Keycloak's secrets are: the browsers' subscriptions are bound to this public key,
 * so it lasts as long as the data folder does. Base64url raw P-256 keys, as notification-service takes them.
 */
public record PushKeys(String publicKey, String privateKey) {
    private static final String PUBLIC = "public-key";
    private static final String PRIVATE = "private-key";

    public static Path file(Path dataDir) {
        return dataDir.resolve("push/vapid.properties");
    }

    /** The keys kept in the data folder, made there the first time. */
    public static PushKeys in(Path dataDir) {
        Path file = file(dataDir);
        try {
            Properties properties = new Properties();
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    properties.load(in);
                }
            } else {
                KeyPair pair = P256.generate();
                properties.setProperty(PUBLIC, P256.base64url(P256.uncompressed((ECPublicKey) pair.getPublic())));
                properties.setProperty(PRIVATE, P256.base64url(P256.scalar((ECPrivateKey) pair.getPrivate())));
                Files.createDirectories(file.getParent());
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                try (OutputStream out = Files.newOutputStream(file)) {
                    properties.store(out, "notification-service's VAPID keys for this data folder (Web Push): never "
                            + "commit them; a new pair makes every browser subscribe again");
                }
            }
            return new PushKeys(properties.getProperty(PUBLIC), properties.getProperty(PRIVATE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or make the VAPID keys in " + file, e);
        }
    }

    /** What notification-service is told. */
    List<String> wiring() {
        return List.of("-Dfeiyan.notification.push.vapid.public-key=" + publicKey,
                "-Dfeiyan.notification.push.vapid.private-key=" + privateKey);
    }
}
