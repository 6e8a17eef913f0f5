package io.feiyan.notification.push;

import com.zerodeplibs.webpush.VAPIDKeyPair;
import com.zerodeplibs.webpush.VAPIDKeyPairs;
import com.zerodeplibs.webpush.key.PrivateKeySources;
import com.zerodeplibs.webpush.key.PublicKeySources;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPrivateKeySpec;
import java.util.Base64;

/**
 * The server's VAPID key pair (RFC 8292), from the configuration, as every Web Push library takes it: base64url raw
 * P-256 keys, the public one uncompressed (65 bytes, what the app gives {@code pushManager.subscribe}), the private one
 * its 32-byte scalar ({@code npx web-push generate-vapid-keys} prints such a pair; the local run makes one per data
 * folder). Checked at start: without keys, or with keys that are not a pair, the service does not start.
 */
@Startup
@ApplicationScoped
public class VapidKeys {
    private static final String KEYS = "feiyan.notification.push.vapid.public-key and .private-key";

    private final VAPIDKeyPair pair;

    VapidKeys(PushSettings settings) {
        PushSettings.Vapid vapid = settings.vapid();
        if (vapid.publicKey().isEmpty() || vapid.privateKey().isEmpty()) {
            throw new IllegalStateException("Web Push has no VAPID keys: set " + KEYS + " (FEIYAN_NOTIFICATION_PUSH_"
                    + "VAPID_PUBLIC_KEY and _PRIVATE_KEY), base64url raw P-256 keys such as `npx web-push "
                    + "generate-vapid-keys` prints; the local run makes them in <data>/push/vapid.properties");
        }
        try {
            ECPrivateKey privateKey = privateKey(decode(vapid.privateKey().get()));
            pair = new ReusedVapidTokens(VAPIDKeyPairs.of(PrivateKeySources.ofECPrivateKey(privateKey),
                    PublicKeySources.ofUncompressedBytes(decode(vapid.publicKey().get()))));
            requireAPair(privateKey);
        } catch (RuntimeException | GeneralSecurityException e) {
            throw new IllegalStateException("Web Push's VAPID keys in " + KEYS + " are not a P-256 key pair in "
                    + "base64url raw form: " + e.getMessage(), e);
        }
    }

    public VAPIDKeyPair pair() {
        return pair;
    }

    /** The public key as the app subscribes with it: uncompressed, base64url. */
    public String publicKey() {
        return pair.extractPublicKeyInUncompressedFormAsString();
    }

    private static byte[] decode(String base64url) {
        return Base64.getUrlDecoder().decode(base64url.trim());
    }

    private static ECPrivateKey privateKey(byte[] scalar) throws GeneralSecurityException {
        AlgorithmParameters curve = AlgorithmParameters.getInstance("EC");
        curve.init(new ECGenParameterSpec("secp256r1"));
        return (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(
                new ECPrivateKeySpec(new BigInteger(1, scalar), curve.getParameterSpec(ECParameterSpec.class)));
    }

    /** Keys of two different pairs would sign tokens no push service accepts: found now rather than at each send. */
    private void requireAPair(ECPrivateKey privateKey) throws GeneralSecurityException {
        byte[] probe = "vapid".getBytes();
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(privateKey);
        signer.update(probe);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(PublicKeySources.ofUncompressedBytes(pair.extractPublicKeyInUncompressedForm()).extract());
        verifier.update(probe);
        if (!verifier.verify(signature)) {
            throw new GeneralSecurityException("the public key is not the private key's");
        }
    }
}
