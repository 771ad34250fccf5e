package sa.tenhal.integrations.zatca;

import java.util.List;

/**
 * What the inspector found in a UBL document: its identity in the chain, the hash it computes and the one embedded,
 * whether the stamp verifies against the embedded certificate, and each QR tag compared with the document.
 */
public record Inspection(
        String kind,
        String typeCode,
        String transactionCode,
        String profile,
        String number,
        String uuid,
        String issueDate,
        String issueTime,
        String icv,
        String pih,
        String computedHash,
        String embeddedHash,
        boolean hashMatches,
        String signatureValue,
        boolean signatureValid,
        String signedPropertiesDigest,
        Boolean signedPropertiesMatch,
        Certificate certificate,
        List<QrTag> qr,
        boolean qrMatches,
        List<String> problems) {

    /** The certificate embedded in {@code ds:X509Certificate}. */
    public record Certificate(String subject, String issuer, String serialNumber, String notBefore, String notAfter) {}

    /**
     * One QR tag: its value as text (tags 1–7) or base64 (8, 9), what the document says it should be, and whether
     * they agree (null when the document has nothing to compare with).
     */
    public record QrTag(int tag, String name, String value, String expected, Boolean matches) {}

    /** The document's kind: 388 invoice, 381 credit note, 383 debit note; 01… standard, 02… simplified. */
    static String kindOf(String typeCode, String transactionCode) {
        String type =
                switch (typeCode == null ? "" : typeCode) {
                    case "388" -> "invoice";
                    case "381" -> "credit note";
                    case "383" -> "debit note";
                    default -> "unknown type " + typeCode;
                };
        String flavour = transactionCode == null
                ? ""
                : transactionCode.startsWith("02")
                        ? "simplified "
                        : transactionCode.startsWith("01") ? "standard " : "";
        return flavour + type;
    }
}
