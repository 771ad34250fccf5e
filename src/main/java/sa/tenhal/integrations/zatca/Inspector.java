package sa.tenhal.integrations.zatca;

import static sa.tenhal.integrations.zatca.Ubl.CAC;
import static sa.tenhal.integrations.zatca.Ubl.CBC;
import static sa.tenhal.integrations.zatca.Ubl.DS;
import static sa.tenhal.integrations.zatca.Ubl.EXT;
import static sa.tenhal.integrations.zatca.Ubl.XADES;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads a UBL document as ZATCA would check it: recomputes the invoice hash and compares it with the embedded
 * {@code ds:DigestValue}, verifies the ECDSA stamp against the embedded certificate, recomputes the SignedProperties
 * digest and decodes the QR code tag by tag against the document. Reproduces all 19 of ZATCA's SDK samples.
 */
public final class Inspector {

    private static final String[] TAG_NAMES = {
        "",
        "seller name",
        "VAT number",
        "time stamp",
        "total with VAT",
        "VAT total",
        "invoice hash",
        "signature",
        "public key",
        "certificate signature"
    };

    private Inspector() {}

    public static Inspection inspect(byte[] xml) {
        return inspect(Ubl.parse(xml));
    }

    public static Inspection inspect(Document document) {
        Element root = document.getDocumentElement();
        List<String> problems = new ArrayList<>();
        Element typeCode = Ubl.child(root, CBC, "InvoiceTypeCode");
        String icv = text(Ubl.additionalReference(document, "ICV"), CBC, "UUID");
        String pih = Ubl.pathText(
                orEmpty(Ubl.additionalReference(document, "PIH"), document),
                CAC,
                "Attachment",
                CBC,
                "EmbeddedDocumentBinaryObject");
        String qrText = Ubl.pathText(
                orEmpty(Ubl.additionalReference(document, "QR"), document),
                CAC,
                "Attachment",
                CBC,
                "EmbeddedDocumentBinaryObject");
        String computed = Ubl.hash(document);

        Element signature = signature(root);
        String embeddedHash = null;
        String signatureValue = null;
        String certificateText = null;
        String signedPropertiesDigest = null;
        String signingTime = null;
        if (signature == null) {
            problems.add("no ds:Signature in ext:UBLExtensions");
        } else {
            for (Element reference : elements(signature, DS, "Reference")) {
                if ("invoiceSignedData".equals(reference.getAttribute("Id"))) {
                    embeddedHash = Ubl.childText(reference, DS, "DigestValue");
                } else if ("#xadesSignedProperties".equals(reference.getAttribute("URI"))) {
                    signedPropertiesDigest = Ubl.childText(reference, DS, "DigestValue");
                }
            }
            signatureValue = strip(Ubl.childText(signature, DS, "SignatureValue"));
            certificateText = strip(Ubl.pathText(signature, DS, "KeyInfo", DS, "X509Data", DS, "X509Certificate"));
            List<Element> times = elements(signature, XADES, "SigningTime");
            signingTime = times.isEmpty() ? null : times.get(0).getTextContent();
        }
        embeddedHash = strip(embeddedHash);
        boolean hashMatches = computed.equals(embeddedHash);
        if (!hashMatches) {
            problems.add("the computed hash " + computed + " is not the embedded " + embeddedHash);
        }

        X509Certificate certificate = null;
        Inspection.Certificate certificateView = null;
        if (certificateText != null && !certificateText.isEmpty()) {
            try {
                certificate = Crypto.certificate(certificateText);
                certificateView = new Inspection.Certificate(
                        certificate.getSubjectX500Principal().toString(),
                        certificate.getIssuerX500Principal().toString(),
                        certificate.getSerialNumber().toString(),
                        certificate.getNotBefore().toInstant().toString(),
                        certificate.getNotAfter().toInstant().toString());
            } catch (Ubl.NotUbl e) {
                problems.add(e.getMessage());
            }
        }
        boolean signatureValid = false;
        if (certificate != null && signatureValue != null) {
            try {
                signatureValid = Crypto.verify(
                        certificate.getPublicKey(),
                        Base64.getDecoder().decode(computed),
                        Base64.getDecoder().decode(signatureValue));
            } catch (IllegalArgumentException e) {
                problems.add("ds:SignatureValue is not base64");
            }
            if (!signatureValid) {
                problems.add("the signature does not verify against the embedded certificate");
            }
        }
        Boolean signedPropertiesMatch = null;
        if (certificate != null && signingTime != null && signedPropertiesDigest != null) {
            String expected = SignedProperties.digest(
                    signingTime,
                    Ubl.base64OfHex(certificateText.getBytes(StandardCharsets.US_ASCII)),
                    certificate.getIssuerX500Principal().toString(),
                    certificate.getSerialNumber().toString());
            signedPropertiesMatch = expected.equals(strip(signedPropertiesDigest));
            if (!signedPropertiesMatch) {
                problems.add("the SignedProperties digest is not " + expected);
            }
        }

        String transactionCode = typeCode == null ? null : typeCode.getAttribute("name");
        boolean simplified = transactionCode != null && transactionCode.startsWith("02");
        String issueDate = Ubl.childText(root, CBC, "IssueDate");
        String issueTime = Ubl.childText(root, CBC, "IssueTime");
        Element supplier = Ubl.path(root, CAC, "AccountingSupplierParty", CAC, "Party");
        Element firstTaxTotal = Ubl.child(root, CAC, "TaxTotal");
        String[] expected = {
            null,
            supplier == null ? null : Ubl.pathText(supplier, CAC, "PartyLegalEntity", CBC, "RegistrationName"),
            supplier == null ? null : Ubl.pathText(supplier, CAC, "PartyTaxScheme", CBC, "CompanyID"),
            issueDate + "T" + issueTime,
            Ubl.pathText(root, CAC, "LegalMonetaryTotal", CBC, "PayableAmount"),
            firstTaxTotal == null ? null : Ubl.childText(firstTaxTotal, CBC, "TaxAmount"),
            embeddedHash,
            signatureValue,
            certificate == null ? null : base64(certificate.getPublicKey().getEncoded()),
            certificate == null ? null : base64(certificate.getSignature())
        };
        List<Inspection.QrTag> tags = new ArrayList<>();
        boolean qrMatches = qrText != null;
        if (qrText == null) {
            problems.add("no QR code (AdditionalDocumentReference QR)");
        } else {
            Map<Integer, byte[]> decoded;
            try {
                decoded = Qr.decode(qrText);
            } catch (Ubl.NotUbl e) {
                problems.add(e.getMessage());
                decoded = Map.of();
                qrMatches = false;
            }
            int last = simplified ? 9 : 8;
            for (int tag = 1;
                    tag
                            <= Math.max(
                                    last,
                                    decoded.keySet().stream()
                                            .max(Integer::compare)
                                            .orElse(0));
                    tag++) {
                byte[] raw = decoded.get(tag);
                String value = raw == null ? null : tag >= 8 ? base64(raw) : new String(raw, StandardCharsets.UTF_8);
                String want = tag < expected.length && tag <= last ? expected[tag] : null;
                Boolean matches = want == null ? (raw == null ? null : Boolean.FALSE) : want.equals(value);
                if (tag <= last && raw == null) {
                    matches = false;
                }
                if (Boolean.FALSE.equals(matches)) {
                    qrMatches = false;
                    problems.add("QR tag " + tag + " (" + name(tag) + ") is " + value + ", the document says " + want);
                }
                tags.add(new Inspection.QrTag(tag, name(tag), value, want, matches));
            }
        }

        String type = typeCode == null ? null : typeCode.getTextContent();
        return new Inspection(
                Inspection.kindOf(type, transactionCode),
                type,
                transactionCode,
                Ubl.childText(root, CBC, "ProfileID"),
                Ubl.childText(root, CBC, "ID"),
                Ubl.childText(root, CBC, "UUID"),
                issueDate,
                issueTime,
                icv,
                strip(pih),
                computed,
                embeddedHash,
                hashMatches,
                signatureValue,
                signatureValid,
                strip(signedPropertiesDigest),
                signedPropertiesMatch,
                certificateView,
                tags,
                qrMatches,
                problems);
    }

    private static String name(int tag) {
        return tag < TAG_NAMES.length ? TAG_NAMES[tag] : "unknown";
    }

    private static Element signature(Element root) {
        Element extensions = Ubl.child(root, EXT, "UBLExtensions");
        if (extensions == null) {
            return null;
        }
        List<Element> found = elements(extensions, DS, "Signature");
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> elements(Element under, String ns, String name) {
        NodeList list = under.getElementsByTagNameNS(ns, name);
        List<Element> result = new ArrayList<>(list.getLength());
        for (int i = 0; i < list.getLength(); i++) {
            result.add((Element) list.item(i));
        }
        return result;
    }

    private static Element orEmpty(Element element, Document document) {
        return element == null ? document.createElementNS(CAC, "Empty") : element;
    }

    private static String text(Element parent, String ns, String name) {
        return parent == null ? null : Ubl.childText(parent, ns, name);
    }

    private static String strip(String value) {
        return value == null ? null : value.replaceAll("\\s", "");
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    static boolean sameBytes(byte[] a, byte[] b) {
        return Arrays.equals(a, b);
    }
}
