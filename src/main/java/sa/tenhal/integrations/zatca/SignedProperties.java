package sa.tenhal.integrations.zatca;

import java.nio.charset.StandardCharsets;

/**
 * The digest of {@code xades:SignedProperties} as ZATCA's SDK computes it: base64(hex(SHA-256)) of a fixed text (the
 * reference's appendix: its indentation and a namespace declaration on every {@code ds:} element), not of the element
 * as it stands in the document. Reproduces the digest of all 19 SDK samples.
 */
final class SignedProperties {

    private static final String TEMPLATE = "<xades:SignedProperties xmlns:xades=\"http://uri.etsi.org/01903/v1.3.2#\""
            + " Id=\"xadesSignedProperties\">\n"
            + " ".repeat(36) + "<xades:SignedSignatureProperties>\n"
            + " ".repeat(40) + "<xades:SigningTime>%s</xades:SigningTime>\n"
            + " ".repeat(40) + "<xades:SigningCertificate>\n"
            + " ".repeat(44) + "<xades:Cert>\n"
            + " ".repeat(48) + "<xades:CertDigest>\n"
            + " ".repeat(52) + "<ds:DigestMethod xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\""
            + " Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/>\n"
            + " ".repeat(52) + "<ds:DigestValue xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\">%s</ds:DigestValue>\n"
            + " ".repeat(48) + "</xades:CertDigest>\n"
            + " ".repeat(48) + "<xades:IssuerSerial>\n"
            + " ".repeat(52)
            + "<ds:X509IssuerName xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\">%s</ds:X509IssuerName>\n"
            + " ".repeat(52)
            + "<ds:X509SerialNumber xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\">%s</ds:X509SerialNumber>\n"
            + " ".repeat(48) + "</xades:IssuerSerial>\n"
            + " ".repeat(44) + "</xades:Cert>\n"
            + " ".repeat(40) + "</xades:SigningCertificate>\n"
            + " ".repeat(36) + "</xades:SignedSignatureProperties>\n"
            + " ".repeat(32) + "</xades:SignedProperties>";

    private SignedProperties() {}

    static String digest(String signingTime, String certDigest, String issuerName, String serialNumber) {
        String text = String.format(TEMPLATE, signingTime, certDigest, issuerName, serialNumber);
        return Ubl.base64OfHex(text.getBytes(StandardCharsets.UTF_8));
    }
}
