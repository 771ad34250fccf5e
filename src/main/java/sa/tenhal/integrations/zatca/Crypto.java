package sa.tenhal.integrations.zatca;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The cryptography ZATCA asks for, from Bouncy Castle (the JDK dropped secp256k1): ECDSA with SHA-256 on secp256k1,
 * X.509 certificates whose keys are on that curve. The signature of a document is over the 32 raw bytes of its
 * invoice hash (SEC-STD; verified on the SDK's samples), not over {@code ds:SignedInfo}.
 */
public final class Crypto {

    public static final Provider BC = new BouncyCastleProvider();

    private Crypto() {}

    public static X509Certificate certificate(String base64) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509", BC)
                    .generateCertificate(
                            new ByteArrayInputStream(Base64.getMimeDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new Ubl.NotUbl("the certificate cannot be read: " + e.getMessage());
        }
    }

    public static PrivateKey privateKey(byte[] pkcs8) {
        try {
            return KeyFactory.getInstance("EC", BC).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a PKCS#8 EC private key", e);
        }
    }

    public static byte[] sign(PrivateKey key, byte[] hash) {
        try {
            Signature signature = Signature.getInstance("SHA256withECDSA", BC);
            signature.initSign(key);
            signature.update(hash);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing failed", e);
        }
    }

    public static boolean verify(PublicKey key, byte[] hash, byte[] signatureBytes) {
        try {
            Signature signature = Signature.getInstance("SHA256withECDSA", BC);
            signature.initVerify(key);
            signature.update(hash);
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}
