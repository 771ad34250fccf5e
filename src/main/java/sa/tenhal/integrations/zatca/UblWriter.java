package sa.tenhal.integrations.zatca;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sa.tenhal.clinics.CentreDetails;
import sa.tenhal.finance.InvoiceView;
import sa.tenhal.finance.Payer;

/**
 * Writes an issued invoice, credit note or debit note as the UBL 2.1 document ZATCA takes (XML-STD; the element order
 * of the SDK's samples), with placeholders where the stamp goes: the signature in {@code ext:UBLExtensions} and the QR
 * code — both outside what the invoice hash covers, so filling them in later changes nothing the hash sees.
 *
 * <p>A patient's document is simplified ({@code 0200000}), the insurer's standard ({@code 0100000}). Lines carry
 * their net amount after their own discount ({@code cbc:LineExtensionAmount}, BT-131) with the discount as a line
 * allowance, and the line VAT and amount with VAT ZATCA asks for (KSA-11, KSA-12: BT-131 × rate); the invoice-wide
 * discount is a document allowance per VAT category. The VAT breakdown and the totals are finance's own, exact to the
 * halala: {@code TaxExclusiveAmount} is the taxable amount, {@code PayableAmount} the total.
 */
final class UblWriter {

    static final String DIGEST = "@@INVOICE_DIGEST@@";
    static final String PROPERTIES_DIGEST = "@@PROPERTIES_DIGEST@@";
    static final String SIGNATURE = "@@SIGNATURE@@";
    static final String CERTIFICATE = "@@CERTIFICATE@@";
    static final String SIGNING_TIME = "@@SIGNING_TIME@@";
    static final String CERT_DIGEST = "@@CERT_DIGEST@@";
    static final String ISSUER = "@@ISSUER@@";
    static final String SERIAL = "@@SERIAL@@";
    static final String QR = "@@QR@@";

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    /** What a document is written from besides finance's view of it. */
    record Input(
            InvoiceView document,
            InvoiceView original,
            CentreDetails seller,
            Buyer buyer,
            long icv,
            String pih,
            LocalDateTime issuedLocal) {

        boolean simplified() {
            return document.payer() == Payer.PATIENT;
        }
    }

    /** The buyer: a patient (a citizen's national id, scheme NAT) or an insurer with its address, if known. */
    record Buyer(
            String name,
            String idScheme,
            String id,
            String vatNumber,
            String street,
            String buildingNumber,
            String district,
            String city,
            String postalCode) {}

    private UblWriter() {}

    static String transactionCode(boolean simplified) {
        return simplified ? "0200000" : "0100000";
    }

    static String write(Input in) {
        InvoiceView doc = in.document();
        StringBuilder x = new StringBuilder(12_000);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"")
                .append(" xmlns:cac=\"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2\"")
                .append(" xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2\"")
                .append(" xmlns:ext=\"urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2\">");
        extensions(x);
        x.append("\n    <cbc:CustomizationID>urn:cen.eu:en16931:2017</cbc:CustomizationID>");
        el(x, 1, "cbc:ProfileID", "reporting:1.0");
        el(x, 1, "cbc:ID", doc.number());
        el(x, 1, "cbc:UUID", doc.id().value().toString());
        el(x, 1, "cbc:IssueDate", in.issuedLocal().toLocalDate().toString());
        el(x, 1, "cbc:IssueTime", in.issuedLocal().format(TIME));
        if (doc.dueDate() != null) {
            el(x, 1, "cbc:DueDate", doc.dueDate().toString());
        }
        x.append("\n    <cbc:InvoiceTypeCode name=\"")
                .append(transactionCode(in.simplified()))
                .append("\">")
                .append(doc.kind().typeCode())
                .append("</cbc:InvoiceTypeCode>");
        el(x, 1, "cbc:DocumentCurrencyCode", "SAR");
        el(x, 1, "cbc:TaxCurrencyCode", "SAR");
        if (in.original() != null) {
            x.append("\n    <cac:BillingReference>\n        <cac:InvoiceDocumentReference>");
            el(x, 3, "cbc:ID", in.original().number());
            if (in.original().issueDate() != null) {
                el(x, 3, "cbc:IssueDate", in.original().issueDate().toString());
            }
            x.append("\n        </cac:InvoiceDocumentReference>\n    </cac:BillingReference>");
        }
        x.append("\n    <cac:AdditionalDocumentReference>");
        el(x, 2, "cbc:ID", "ICV");
        el(x, 2, "cbc:UUID", Long.toString(in.icv()));
        x.append("\n    </cac:AdditionalDocumentReference>");
        x.append("\n    <cac:AdditionalDocumentReference>");
        el(x, 2, "cbc:ID", "PIH");
        x.append("\n        <cac:Attachment>\n            <cbc:EmbeddedDocumentBinaryObject mimeCode=\"text/plain\">")
                .append(in.pih())
                .append("</cbc:EmbeddedDocumentBinaryObject>\n        </cac:Attachment>");
        x.append("\n    </cac:AdditionalDocumentReference>");
        x.append("\n    <cac:AdditionalDocumentReference>");
        el(x, 2, "cbc:ID", "QR");
        x.append("\n        <cac:Attachment>\n            <cbc:EmbeddedDocumentBinaryObject mimeCode=\"text/plain\">")
                .append(QR)
                .append("</cbc:EmbeddedDocumentBinaryObject>\n        </cac:Attachment>");
        x.append("\n    </cac:AdditionalDocumentReference>");
        x.append("\n    <cac:Signature>");
        el(x, 2, "cbc:ID", "urn:oasis:names:specification:ubl:signature:Invoice");
        el(x, 2, "cbc:SignatureMethod", "urn:oasis:names:specification:ubl:dsig:enveloped:xades");
        x.append("\n    </cac:Signature>");
        seller(x, in.seller());
        buyer(x, in.buyer());
        if (doc.serviceDate() != null) {
            x.append("\n    <cac:Delivery>");
            el(x, 2, "cbc:ActualDeliveryDate", doc.serviceDate().toString());
            x.append("\n    </cac:Delivery>");
        }
        x.append("\n    <cac:PaymentMeans>");
        el(x, 2, "cbc:PaymentMeansCode", doc.payer() == Payer.INSURER ? "42" : "10");
        if (in.original() != null) {
            el(x, 2, "cbc:InstructionNote", doc.reason() == null ? doc.kind().name() : doc.reason());
        }
        x.append("\n    </cac:PaymentMeans>");

        Map<String, Category> categories = categories(doc.lines());
        for (Category c : categories.values()) {
            if (c.documentAllowance.signum() > 0) {
                x.append("\n    <cac:AllowanceCharge>");
                el(x, 2, "cbc:ChargeIndicator", "false");
                el(x, 2, "cbc:AllowanceChargeReason", reason(doc.invoiceDiscountReason()));
                amount(x, 2, "cbc:Amount", c.documentAllowance);
                taxCategory(x, 2, "cac:TaxCategory", c.line, false);
                x.append("\n    </cac:AllowanceCharge>");
            }
        }
        x.append("\n    <cac:TaxTotal>");
        amount(x, 2, "cbc:TaxAmount", doc.vatTotal());
        x.append("\n    </cac:TaxTotal>");
        x.append("\n    <cac:TaxTotal>");
        amount(x, 2, "cbc:TaxAmount", doc.vatTotal());
        for (Category c : categories.values()) {
            x.append("\n        <cac:TaxSubtotal>");
            amount(x, 3, "cbc:TaxableAmount", c.taxable);
            amount(x, 3, "cbc:TaxAmount", c.vat);
            taxCategory(x, 3, "cac:TaxCategory", c.line, true);
            x.append("\n        </cac:TaxSubtotal>");
        }
        x.append("\n    </cac:TaxTotal>");
        BigDecimal lineExtension = doc.lines().stream()
                .map(l -> l.gross().subtract(l.discount()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal allowances = doc.lines().stream()
                .map(InvoiceView.Line::invoiceDiscountShare)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        x.append("\n    <cac:LegalMonetaryTotal>");
        amount(x, 2, "cbc:LineExtensionAmount", lineExtension);
        amount(x, 2, "cbc:TaxExclusiveAmount", doc.taxableAmount());
        amount(x, 2, "cbc:TaxInclusiveAmount", doc.total());
        amount(x, 2, "cbc:AllowanceTotalAmount", allowances);
        amount(x, 2, "cbc:PrepaidAmount", BigDecimal.ZERO);
        amount(x, 2, "cbc:PayableAmount", doc.total());
        x.append("\n    </cac:LegalMonetaryTotal>");
        for (InvoiceView.Line line : doc.lines()) {
            line(x, line);
        }
        x.append("\n</Invoice>\n");
        return x.toString();
    }

    /** The VAT categories of the lines: taxable amount, VAT and the invoice discount's share, per category and rate. */
    private static Map<String, Category> categories(List<InvoiceView.Line> lines) {
        Map<String, Category> byKey = new LinkedHashMap<>();
        for (InvoiceView.Line line : lines) {
            String key = line.vatCategory() + "/" + line.vatRate().setScale(2) + "/" + line.exemptionCode();
            Category c = byKey.computeIfAbsent(key, k -> new Category(line));
            c.taxable = c.taxable.add(line.net());
            c.vat = c.vat.add(line.vat());
            c.documentAllowance = c.documentAllowance.add(line.invoiceDiscountShare());
        }
        return byKey;
    }

    private static final class Category {
        final InvoiceView.Line line;
        BigDecimal taxable = BigDecimal.ZERO;
        BigDecimal vat = BigDecimal.ZERO;
        BigDecimal documentAllowance = BigDecimal.ZERO;

        Category(InvoiceView.Line line) {
            this.line = line;
        }
    }

    private static void line(StringBuilder x, InvoiceView.Line line) {
        BigDecimal net = line.gross().subtract(line.discount());
        BigDecimal vat = net.multiply(line.vatRate()).divide(new BigDecimal("100"), 2, RoundingMode.HALF_UP);
        x.append("\n    <cac:InvoiceLine>");
        el(x, 2, "cbc:ID", Integer.toString(line.position()));
        x.append("\n        <cbc:InvoicedQuantity unitCode=\"H87\">")
                .append(line.quantity())
                .append(".000000</cbc:InvoicedQuantity>");
        amount(x, 2, "cbc:LineExtensionAmount", net);
        if (line.discount().signum() > 0) {
            x.append("\n        <cac:AllowanceCharge>");
            el(x, 3, "cbc:ChargeIndicator", "false");
            el(x, 3, "cbc:AllowanceChargeReason", reason(line.discountReason()));
            amount(x, 3, "cbc:Amount", line.discount());
            amount(x, 3, "cbc:BaseAmount", line.gross());
            x.append("\n        </cac:AllowanceCharge>");
        }
        x.append("\n        <cac:TaxTotal>");
        amount(x, 3, "cbc:TaxAmount", vat);
        amount(x, 3, "cbc:RoundingAmount", net.add(vat));
        x.append("\n        </cac:TaxTotal>");
        x.append("\n        <cac:Item>");
        el(
                x,
                3,
                "cbc:Name",
                line.descriptionAr() == null || line.descriptionAr().isBlank()
                        ? line.descriptionEn()
                        : line.descriptionEn() + " | " + line.descriptionAr());
        taxCategory(x, 3, "cac:ClassifiedTaxCategory", line, false);
        x.append("\n        </cac:Item>");
        x.append("\n        <cac:Price>");
        amount(x, 3, "cbc:PriceAmount", line.unitPrice());
        x.append("\n        </cac:Price>");
        x.append("\n    </cac:InvoiceLine>");
    }

    private static void taxCategory(
            StringBuilder x, int depth, String element, InvoiceView.Line line, boolean withExemption) {
        String pad = "\n" + "    ".repeat(depth);
        x.append(pad).append('<').append(element).append('>');
        el(x, depth + 1, "cbc:ID", line.vatCategory());
        el(x, depth + 1, "cbc:Percent", line.vatRate().setScale(2).toPlainString());
        if (withExemption && line.exemptionCode() != null) {
            el(x, depth + 1, "cbc:TaxExemptionReasonCode", line.exemptionCode());
            el(x, depth + 1, "cbc:TaxExemptionReason", line.exemptionReason());
        }
        x.append(pad).append("    <cac:TaxScheme>");
        el(x, depth + 2, "cbc:ID", "VAT");
        x.append(pad).append("    </cac:TaxScheme>");
        x.append(pad).append("</").append(element).append('>');
    }

    private static void seller(StringBuilder x, CentreDetails c) {
        x.append("\n    <cac:AccountingSupplierParty>\n        <cac:Party>");
        if (c.crNumber() != null) {
            x.append("\n            <cac:PartyIdentification>\n                <cbc:ID schemeID=\"CRN\">")
                    .append(escape(c.crNumber()))
                    .append("</cbc:ID>\n            </cac:PartyIdentification>");
        }
        x.append("\n            <cac:PostalAddress>");
        optional(x, 4, "cbc:StreetName", c.street());
        optional(x, 4, "cbc:BuildingNumber", c.buildingNumber());
        optional(x, 4, "cbc:CitySubdivisionName", c.district());
        optional(x, 4, "cbc:CityName", c.city());
        optional(x, 4, "cbc:PostalZone", c.postalCode());
        x.append("\n                <cac:Country>");
        el(x, 5, "cbc:IdentificationCode", "SA");
        x.append("\n                </cac:Country>\n            </cac:PostalAddress>");
        x.append("\n            <cac:PartyTaxScheme>");
        el(x, 4, "cbc:CompanyID", c.vatNumber());
        x.append("\n                <cac:TaxScheme>");
        el(x, 5, "cbc:ID", "VAT");
        x.append("\n                </cac:TaxScheme>\n            </cac:PartyTaxScheme>");
        x.append("\n            <cac:PartyLegalEntity>");
        el(x, 4, "cbc:RegistrationName", sellerName(c));
        x.append("\n            </cac:PartyLegalEntity>\n        </cac:Party>\n    </cac:AccountingSupplierParty>");
    }

    /** The seller's registered name as QR tag 1 and {@code RegistrationName} carry it: Arabic if the centre has it. */
    static String sellerName(CentreDetails c) {
        return c.nameAr() != null && !c.nameAr().isBlank() ? c.nameAr() : c.nameEn();
    }

    private static void buyer(StringBuilder x, Buyer b) {
        x.append("\n    <cac:AccountingCustomerParty>\n        <cac:Party>");
        if (b.id() != null && !b.id().isBlank()) {
            x.append("\n            <cac:PartyIdentification>\n                <cbc:ID schemeID=\"")
                    .append(escape(b.idScheme()))
                    .append("\">")
                    .append(escape(b.id()))
                    .append("</cbc:ID>\n            </cac:PartyIdentification>");
        }
        x.append("\n            <cac:PostalAddress>");
        optional(x, 4, "cbc:StreetName", b.street());
        optional(x, 4, "cbc:BuildingNumber", b.buildingNumber());
        optional(x, 4, "cbc:CitySubdivisionName", b.district());
        optional(x, 4, "cbc:CityName", b.city());
        optional(x, 4, "cbc:PostalZone", b.postalCode());
        x.append("\n                <cac:Country>");
        el(x, 5, "cbc:IdentificationCode", "SA");
        x.append("\n                </cac:Country>\n            </cac:PostalAddress>");
        if (b.vatNumber() != null && !b.vatNumber().isBlank()) {
            x.append("\n            <cac:PartyTaxScheme>");
            el(x, 4, "cbc:CompanyID", b.vatNumber());
            x.append("\n                <cac:TaxScheme>");
            el(x, 5, "cbc:ID", "VAT");
            x.append("\n                </cac:TaxScheme>\n            </cac:PartyTaxScheme>");
        }
        x.append("\n            <cac:PartyLegalEntity>");
        el(x, 4, "cbc:RegistrationName", b.name());
        x.append("\n            </cac:PartyLegalEntity>\n        </cac:Party>\n    </cac:AccountingCustomerParty>");
    }

    private static void extensions(StringBuilder x) {
        x.append("<ext:UBLExtensions>\n"
                + "    <ext:UBLExtension>\n"
                + "        <ext:ExtensionURI>urn:oasis:names:specification:ubl:dsig:enveloped:xades</ext:ExtensionURI>\n"
                + "        <ext:ExtensionContent>\n"
                + "            <sig:UBLDocumentSignatures"
                + " xmlns:sig=\"urn:oasis:names:specification:ubl:schema:xsd:CommonSignatureComponents-2\""
                + " xmlns:sac=\"urn:oasis:names:specification:ubl:schema:xsd:SignatureAggregateComponents-2\""
                + " xmlns:sbc=\"urn:oasis:names:specification:ubl:schema:xsd:SignatureBasicComponents-2\">\n"
                + "                <sac:SignatureInformation>\n"
                + "                    <cbc:ID>urn:oasis:names:specification:ubl:signature:1</cbc:ID>\n"
                + "                    <sbc:ReferencedSignatureID>urn:oasis:names:specification:ubl:signature:Invoice"
                + "</sbc:ReferencedSignatureID>\n"
                + "                    <ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\" Id=\"signature\">\n"
                + "                        <ds:SignedInfo>\n"
                + "                            <ds:CanonicalizationMethod"
                + " Algorithm=\"http://www.w3.org/2006/12/xml-c14n11\"/>\n"
                + "                            <ds:SignatureMethod"
                + " Algorithm=\"http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256\"/>\n"
                + "                            <ds:Reference Id=\"invoiceSignedData\" URI=\"\">\n"
                + "                                <ds:Transforms>\n"
                + "                                    <ds:Transform"
                + " Algorithm=\"http://www.w3.org/TR/1999/REC-xpath-19991116\">\n"
                + "                                        <ds:XPath>not(//ancestor-or-self::ext:UBLExtensions)</ds:XPath>\n"
                + "                                    </ds:Transform>\n"
                + "                                    <ds:Transform"
                + " Algorithm=\"http://www.w3.org/TR/1999/REC-xpath-19991116\">\n"
                + "                                        <ds:XPath>not(//ancestor-or-self::cac:Signature)</ds:XPath>\n"
                + "                                    </ds:Transform>\n"
                + "                                    <ds:Transform"
                + " Algorithm=\"http://www.w3.org/TR/1999/REC-xpath-19991116\">\n"
                + "                                        <ds:XPath>not(//ancestor-or-self::cac:AdditionalDocumentReference"
                + "[cbc:ID='QR'])</ds:XPath>\n"
                + "                                    </ds:Transform>\n"
                + "                                    <ds:Transform Algorithm=\"http://www.w3.org/2006/12/xml-c14n11\"/>\n"
                + "                                </ds:Transforms>\n"
                + "                                <ds:DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/>\n"
                + "                                <ds:DigestValue>" + DIGEST + "</ds:DigestValue>\n"
                + "                            </ds:Reference>\n"
                + "                            <ds:Reference Type=\"http://www.w3.org/2000/09/xmldsig#SignatureProperties\""
                + " URI=\"#xadesSignedProperties\">\n"
                + "                                <ds:DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/>\n"
                + "                                <ds:DigestValue>" + PROPERTIES_DIGEST + "</ds:DigestValue>\n"
                + "                            </ds:Reference>\n"
                + "                        </ds:SignedInfo>\n"
                + "                        <ds:SignatureValue>" + SIGNATURE + "</ds:SignatureValue>\n"
                + "                        <ds:KeyInfo>\n"
                + "                            <ds:X509Data>\n"
                + "                                <ds:X509Certificate>" + CERTIFICATE + "</ds:X509Certificate>\n"
                + "                            </ds:X509Data>\n"
                + "                        </ds:KeyInfo>\n"
                + "                        <ds:Object>\n"
                + "                            <xades:QualifyingProperties"
                + " xmlns:xades=\"http://uri.etsi.org/01903/v1.3.2#\" Target=\"signature\">\n"
                + "                                <xades:SignedProperties Id=\"xadesSignedProperties\">\n"
                + "                                    <xades:SignedSignatureProperties>\n"
                + "                                        <xades:SigningTime>" + SIGNING_TIME
                + "</xades:SigningTime>\n"
                + "                                        <xades:SigningCertificate>\n"
                + "                                            <xades:Cert>\n"
                + "                                                <xades:CertDigest>\n"
                + "                                                    <ds:DigestMethod"
                + " Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/>\n"
                + "                                                    <ds:DigestValue>" + CERT_DIGEST
                + "</ds:DigestValue>\n"
                + "                                                </xades:CertDigest>\n"
                + "                                                <xades:IssuerSerial>\n"
                + "                                                    <ds:X509IssuerName>" + ISSUER
                + "</ds:X509IssuerName>\n"
                + "                                                    <ds:X509SerialNumber>" + SERIAL
                + "</ds:X509SerialNumber>\n"
                + "                                                </xades:IssuerSerial>\n"
                + "                                            </xades:Cert>\n"
                + "                                        </xades:SigningCertificate>\n"
                + "                                    </xades:SignedSignatureProperties>\n"
                + "                                </xades:SignedProperties>\n"
                + "                            </xades:QualifyingProperties>\n"
                + "                        </ds:Object>\n"
                + "                    </ds:Signature>\n"
                + "                </sac:SignatureInformation>\n"
                + "            </sig:UBLDocumentSignatures>\n"
                + "        </ext:ExtensionContent>\n"
                + "    </ext:UBLExtension>\n"
                + "</ext:UBLExtensions>");
    }

    private static String reason(String reason) {
        return reason == null || reason.isBlank() ? "discount" : reason;
    }

    private static void amount(StringBuilder x, int depth, String name, BigDecimal value) {
        x.append('\n')
                .append("    ".repeat(depth))
                .append('<')
                .append(name)
                .append(" currencyID=\"SAR\">")
                .append(value.setScale(2, RoundingMode.HALF_UP).toPlainString())
                .append("</")
                .append(name)
                .append('>');
    }

    private static void optional(StringBuilder x, int depth, String name, String value) {
        if (value != null && !value.isBlank()) {
            el(x, depth, name, value);
        }
    }

    private static void el(StringBuilder x, int depth, String name, String value) {
        x.append('\n')
                .append("    ".repeat(depth))
                .append('<')
                .append(name)
                .append('>')
                .append(escape(value))
                .append("</")
                .append(name)
                .append('>');
    }

    static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\r' -> out.append("&#13;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        out.append(' ');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
