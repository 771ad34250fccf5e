package sa.tenhal.integrations.zatca;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/**
 * An EGS unit's cryptographic stamp: its private key and the CSID certificate ZATCA issued for it, with the values
 * the XAdES signature and the QR code take from them.
 */
public record StampKey(PrivateKey privateKey, String certificateBase64, X509Certificate certificate) {

    public static StampKey of(PrivateKey privateKey, String certificateBase64) {
        String text = certificateBase64.replaceAll("\\s", "");
        return new StampKey(privateKey, text, Crypto.certificate(text));
    }

    /** base64(hex(SHA-256(the base64 text of the certificate))), as the SDK writes xades:CertDigest. */
    public String certDigest() {
        return Ubl.base64OfHex(certificateBase64.getBytes(StandardCharsets.US_ASCII));
    }

    /** Most specific component first, joined by ", ", e.g. {@code CN=PRZEINVOICESCA4-CA, DC=extgazt, ...}. */
    public String issuerName() {
        return certificate.getIssuerX500Principal().toString();
    }

    public String serialNumber() {
        return certificate.getSerialNumber().toString();
    }

    /** QR tag 8: the DER SubjectPublicKeyInfo. */
    public byte[] publicKeyDer() {
        return certificate.getPublicKey().getEncoded();
    }

    /** QR tag 9: the CA's signature of the certificate. */
    public byte[] certificateSignature() {
        return certificate.getSignature();
    }

    public byte[] sign(byte[] hash) {
        return Crypto.sign(privateKey, hash);
    }
}
