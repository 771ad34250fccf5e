package sa.tenhal.integrations.zatca;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stamps a written document as ZATCA's SDK does: the invoice hash over the document without its signature and QR
 * (C14N 1.1), the ECDSA signature of the hash, the XAdES signed properties (signing time, certificate digest, issuer
 * and serial) and the QR code with tags 1–8, and 9 on simplified documents. The document's bytes outside the
 * signature and the QR are never touched after hashing, so the hash holds for the bytes that are kept and sent.
 */
final class Stamper {

    /** A stamped document: the exact bytes to keep and submit, its hash (the next PIH), QR text and signature. */
    record Stamped(byte[] xml, String hash, String qr, String signature) {}

    private Stamper() {}

    static Stamped stamp(UblWriter.Input input, StampKey key) {
        String unsigned = UblWriter.write(input);
        String hash = Ubl.hash(unsigned.getBytes(StandardCharsets.UTF_8));
        byte[] signatureBytes = key.sign(Base64.getDecoder().decode(hash));
        String signature = Base64.getEncoder().encodeToString(signatureBytes);
        String signingTime = input.issuedLocal().format(UblWriter.DATE_TIME);
        String certDigest = key.certDigest();
        String issuer = key.issuerName();
        String serial = key.serialNumber();
        String propertiesDigest = SignedProperties.digest(signingTime, certDigest, issuer, serial);

        Map<Integer, byte[]> tags = new LinkedHashMap<>();
        tags.put(1, Qr.text(UblWriter.sellerName(input.seller())));
        tags.put(2, Qr.text(input.seller().vatNumber()));
        tags.put(3, Qr.text(input.issuedLocal().format(UblWriter.DATE_TIME)));
        tags.put(4, Qr.text(amount(input.document().total())));
        tags.put(5, Qr.text(amount(input.document().vatTotal())));
        tags.put(6, Qr.text(hash));
        tags.put(7, Qr.text(signature));
        tags.put(8, key.publicKeyDer());
        if (input.simplified()) {
            tags.put(9, key.certificateSignature());
        }
        String qr = Qr.encode(tags);

        String signed = unsigned.replace(UblWriter.DIGEST, hash)
                .replace(UblWriter.PROPERTIES_DIGEST, propertiesDigest)
                .replace(UblWriter.SIGNATURE, signature)
                .replace(UblWriter.CERTIFICATE, key.certificateBase64())
                .replace(UblWriter.SIGNING_TIME, signingTime)
                .replace(UblWriter.CERT_DIGEST, certDigest)
                .replace(UblWriter.ISSUER, UblWriter.escape(issuer))
                .replace(UblWriter.SERIAL, serial)
                .replace(UblWriter.QR, qr);
        return new Stamped(signed.getBytes(StandardCharsets.UTF_8), hash, qr, signature);
    }

    static String amount(java.math.BigDecimal value) {
        return value.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
