package io.feiyan.servers;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * P-256 keys in Web Push's raw forms, base64url: a public key uncompressed (0x04, x, y: 65 bytes), as browsers give
 * their subscription's key and take the server's; a private key as its 32-byte scalar. For the local run's VAPID keys
 * and the tests' push service and browsers.
 */
public final class P256 {
    private static final int COORDINATE = 32;

    private P256() {
    }

    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no P-256", e);
        }
    }

    public static byte[] uncompressed(ECPublicKey key) {
        byte[] bytes = new byte[1 + 2 * COORDINATE];
        bytes[0] = 0x04;
        fixed(key.getW().getAffineX(), bytes, 1);
        fixed(key.getW().getAffineY(), bytes, 1 + COORDINATE);
        return bytes;
    }

    public static byte[] scalar(ECPrivateKey key) {
        byte[] bytes = new byte[COORDINATE];
        fixed(key.getS(), bytes, 0);
        return bytes;
    }

    /** The public key of an uncompressed point. */
    public static ECPublicKey publicKey(byte[] uncompressed) {
        if (uncompressed.length != 1 + 2 * COORDINATE || uncompressed[0] != 0x04) {
            throw new IllegalArgumentException("not an uncompressed P-256 point: " + uncompressed.length + " bytes");
        }
        ECPoint point = new ECPoint(new BigInteger(1, Arrays.copyOfRange(uncompressed, 1, 1 + COORDINATE)),
                new BigInteger(1, Arrays.copyOfRange(uncompressed, 1 + COORDINATE, uncompressed.length)));
        try {
            AlgorithmParameters curve = AlgorithmParameters.getInstance("EC");
            curve.init(new ECGenParameterSpec("secp256r1"));
            return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(
                    new ECPublicKeySpec(point, curve.getParameterSpec(ECParameterSpec.class)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a P-256 public key", e);
        }
    }

    public static String base64url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static byte[] fromBase64url(String text) {
        return Base64.getUrlDecoder().decode(text);
    }

    /** A non-negative number as exactly {@code COORDINATE} big-endian bytes (BigInteger's own may be 31 or 33). */
    private static void fixed(BigInteger number, byte[] into, int offset) {
        byte[] bytes = number.toByteArray();
        int length = Math.min(bytes.length, COORDINATE);
        System.arraycopy(bytes, bytes.length - length, into, offset + COORDINATE - length, length);
    }
}
