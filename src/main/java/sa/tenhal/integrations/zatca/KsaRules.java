package sa.tenhal.integrations.zatca;

import static sa.tenhal.integrations.zatca.Ubl.CAC;
import static sa.tenhal.integrations.zatca.Ubl.CBC;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The KSA business rules of ZATCA's XML implementation standard (BR-KSA-…, reference §A1–§A4) that apply to the
 * documents a clinic issues, by name: the simulator answers with them as ZATCA does, and the tests break each one on
 * purpose. Errors reject a document; warnings ({@link Level#WARNING}) let it through and are kept.
 */
public final class KsaRules {

    public enum Level {
        ERROR,
        WARNING
    }

    /** A broken rule: its id (e.g. {@code BR-KSA-25}), what is wrong, and whether it rejects the document. */
    public record Violation(String code, String message, Level level) {}

    private KsaRules() {}

    public static List<Violation> check(Document document) {
        List<Violation> v = new ArrayList<>();
        Element root = document.getDocumentElement();
        if (!"reporting:1.0".equals(Ubl.childText(root, CBC, "ProfileID"))) {
            v.add(error("BR-KSA-EN16931-01", "ProfileID must be reporting:1.0"));
        }
        Element typeCode = Ubl.child(root, CBC, "InvoiceTypeCode");
        String type = typeCode == null ? null : typeCode.getTextContent().strip();
        if (type == null || !List.of("388", "381", "383", "386").contains(type)) {
            v.add(error("BR-KSA-05", "InvoiceTypeCode must be 388, 381, 383 or 386, not " + type));
        }
        String name = typeCode == null ? "" : typeCode.getAttribute("name");
        if (!name.matches("0[12][01]{5}")) {
            v.add(error("BR-KSA-06", "the transaction code (InvoiceTypeCode/@name) must be 01xxxxx or 02xxxxx"));
        }
        boolean simplified = name.startsWith("02");
        boolean note = "381".equals(type) || "383".equals(type);
        if (name.length() == 7 && name.charAt(4) == '1' && name.charAt(6) == '1') {
            v.add(error("BR-KSA-07", "a self-billed document cannot be an export"));
        }
        if (simplified && name.length() == 7 && (name.charAt(4) == '1' || name.charAt(6) == '1')) {
            v.add(error("BR-KSA-31", "a simplified document may set only positions 3, 4 and 6"));
        }
        Element icv = Ubl.additionalReference(document, "ICV");
        String counter = icv == null ? null : Ubl.childText(icv, CBC, "UUID");
        if (counter == null) {
            v.add(error("BR-KSA-33", "the invoice counter value (ICV) is missing"));
        } else if (!counter.strip().matches("[0-9]+")) {
            v.add(error("BR-KSA-34", "the invoice counter value (ICV) must be digits only"));
        }
        Element pih = Ubl.additionalReference(document, "PIH");
        String previous =
                pih == null ? null : Ubl.pathText(pih, CAC, "Attachment", CBC, "EmbeddedDocumentBinaryObject");
        if (previous == null || previous.isBlank()) {
            v.add(error("BR-KSA-61", "the previous invoice hash (PIH) is missing"));
        } else if (!base64OfSha256(previous.strip())) {
            v.add(error("BR-KSA-26", "the previous invoice hash (PIH) must be base64 of a SHA-256 hash"));
        }
        if (Ubl.additionalReference(document, "QR") == null) {
            v.add(error("BR-KSA-27", "the QR code is missing"));
        }
        if (simplified && Ubl.child(root, Ubl.EXT, "UBLExtensions") == null) {
            v.add(error("BR-KSA-60", "a simplified document must carry the cryptographic stamp"));
        }
        if (!"SAR".equals(Ubl.childText(root, CBC, "TaxCurrencyCode"))) {
            v.add(error("BR-KSA-68", "the tax currency code must be SAR"));
        }
        if (note) {
            String reference = Ubl.pathText(root, CAC, "BillingReference", CAC, "InvoiceDocumentReference", CBC, "ID");
            if (reference == null || reference.isBlank()) {
                v.add(error("BR-KSA-56", "a credit or debit note must name the invoice it corrects"));
            }
            String reason = Ubl.pathText(root, CAC, "PaymentMeans", CBC, "InstructionNote");
            if (reason == null || reason.isBlank()) {
                v.add(error("BR-KSA-17", "a credit or debit note must give its reason (PaymentMeans/InstructionNote)"));
            }
        }
        Element seller = Ubl.path(root, CAC, "AccountingSupplierParty", CAC, "Party");
        String vat = seller == null ? null : Ubl.pathText(seller, CAC, "PartyTaxScheme", CBC, "CompanyID");
        if (vat == null || !vat.strip().matches("[0-9]{15}")) {
            v.add(error("BR-KSA-39", "the seller's VAT number must be 15 digits"));
        } else if (vat.charAt(0) != '3' || vat.charAt(14) != '3') {
            v.add(error("BR-KSA-40", "the seller's VAT number must start and end with 3"));
        }
        Element sellerAddress = seller == null ? null : Ubl.child(seller, CAC, "PostalAddress");
        String building = sellerAddress == null ? null : Ubl.childText(sellerAddress, CBC, "BuildingNumber");
        if (building == null || !building.strip().matches("[0-9]{4}")) {
            v.add(warning("BR-KSA-37", "the seller's building number must be 4 digits"));
        }
        String postal = sellerAddress == null ? null : Ubl.childText(sellerAddress, CBC, "PostalZone");
        if (postal == null || !postal.strip().matches("[0-9]{5}")) {
            v.add(error("BR-KSA-66", "the seller's postal code must be 5 digits"));
        }
        Element buyer = Ubl.path(root, CAC, "AccountingCustomerParty", CAC, "Party");
        String buyerName = buyer == null ? null : Ubl.pathText(buyer, CAC, "PartyLegalEntity", CBC, "RegistrationName");
        if (!simplified && "388".equals(type) && blank(buyerName)) {
            v.add(error("BR-KSA-42", "a standard tax invoice must name the buyer"));
        }
        if (!simplified && "388".equals(type)) {
            if (blank(Ubl.pathText(root, CAC, "Delivery", CBC, "ActualDeliveryDate"))) {
                v.add(error("BR-KSA-15", "a standard tax invoice must give the supply date"));
            }
            Element address = buyer == null ? null : Ubl.child(buyer, CAC, "PostalAddress");
            String country = address == null ? null : Ubl.pathText(address, CAC, "Country", CBC, "IdentificationCode");
            if ("SA".equals(country)
                    && (blank(Ubl.childText(address, CBC, "StreetName"))
                            || blank(Ubl.childText(address, CBC, "BuildingNumber"))
                            || blank(Ubl.childText(address, CBC, "PostalZone"))
                            || blank(Ubl.childText(address, CBC, "CityName"))
                            || blank(Ubl.childText(address, CBC, "CitySubdivisionName")))) {
                v.add(warning(
                        "BR-KSA-63",
                        "a Saudi buyer's address needs street, building, postal code, city and" + " district"));
            }
        }
        boolean healthcare = false;
        for (Element category : descendants(root, CAC, "TaxCategory")) {
            String categoryId = Ubl.childText(category, CBC, "ID");
            String code = Ubl.childText(category, CBC, "TaxExemptionReasonCode");
            String reason = Ubl.childText(category, CBC, "TaxExemptionReason");
            boolean subtotal =
                    category.getParentNode() instanceof Element parent && "TaxSubtotal".equals(parent.getLocalName());
            if (categoryId == null || !List.of("S", "Z", "E", "O").contains(categoryId.strip())) {
                v.add(error("BR-KSA-18", "the VAT category must be S, Z, E or O, not " + categoryId));
            }
            if (subtotal && !"S".equals(categoryId) && (blank(code) || blank(reason))) {
                v.add(error("BR-KSA-69", "a " + categoryId + " breakdown needs its exemption reason code and text"));
            }
            if (code != null && code.strip().startsWith("VATEX-SA-HEA")) {
                healthcare = true;
            }
        }
        if (healthcare) {
            if (blank(buyerName)) {
                v.add(error("BR-KSA-25", "zero-rated private healthcare to a citizen (VATEX-SA-HEA) names the buyer"));
            }
            Element id = buyer == null ? null : Ubl.path(buyer, CAC, "PartyIdentification", CBC, "ID");
            if (id == null || !"NAT".equals(id.getAttribute("schemeID")) || blank(id.getTextContent())) {
                v.add(error(
                        "BR-KSA-49",
                        "zero-rated private healthcare to a citizen carries the buyer's national id"
                                + " (schemeID NAT)"));
            }
        }
        List<Element> taxTotals = children(root, CAC, "TaxTotal");
        long withSubtotals = taxTotals.stream()
                .filter(t -> Ubl.child(t, CAC, "TaxSubtotal") != null)
                .count();
        if (taxTotals.size() != 2 || withSubtotals != 1) {
            v.add(error("BR-KSA-EN16931-08", "two TaxTotal elements, exactly one with the VAT breakdown"));
        }
        for (Element line : children(root, CAC, "InvoiceLine")) {
            String lineId = Ubl.childText(line, CBC, "ID");
            Element tax = Ubl.child(line, CAC, "TaxTotal");
            BigDecimal net = decimal(Ubl.childText(line, CBC, "LineExtensionAmount"));
            String vatText = tax == null ? null : Ubl.childText(tax, CBC, "TaxAmount");
            String withVat = tax == null ? null : Ubl.childText(tax, CBC, "RoundingAmount");
            if (!simplified && (vatText == null || withVat == null)) {
                v.add(error("BR-KSA-52", "line " + lineId + ": line VAT and amount with VAT are mandatory"));
                continue;
            }
            Element category = Ubl.path(line, CAC, "Item", CAC, "ClassifiedTaxCategory");
            BigDecimal rate = category == null ? null : decimal(Ubl.childText(category, CBC, "Percent"));
            if (vatText != null && net != null && rate != null) {
                BigDecimal expected = net.multiply(rate).divide(new BigDecimal("100"), 2, RoundingMode.HALF_UP);
                if (expected.compareTo(decimal(vatText)) != 0) {
                    v.add(error("BR-KSA-50", "line " + lineId + ": VAT " + vatText + " is not " + expected));
                }
                if (withVat != null && net.add(decimal(vatText)).compareTo(decimal(withVat)) != 0) {
                    v.add(error("BR-KSA-51", "line " + lineId + ": amount with VAT " + withVat + " is not net + VAT"));
                }
            }
        }
        for (Element amount : descendants(root, CBC, null)) {
            if (amount.hasAttribute("currencyID") && decimals(amount.getTextContent()) > 2) {
                v.add(error("BR-KSA-DEC-01", amount.getLocalName() + " has more than two decimals"));
                break;
            }
        }
        return v;
    }

    private static boolean base64OfSha256(String text) {
        try {
            return java.util.Base64.getDecoder().decode(text).length == 32
                    || java.util.Base64.getDecoder().decode(text).length == 64;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int decimals(String text) {
        int dot = text.strip().indexOf('.');
        return dot < 0 ? 0 : text.strip().length() - dot - 1;
    }

    private static BigDecimal decimal(String text) {
        try {
            return text == null ? null : new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static Violation error(String code, String message) {
        return new Violation(code, message, Level.ERROR);
    }

    private static Violation warning(String code, String message) {
        return new Violation(code, message, Level.WARNING);
    }

    private static List<Element> children(Element parent, String ns, String name) {
        List<Element> result = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                result.add(e);
            }
        }
        return result;
    }

    private static List<Element> descendants(Element root, String ns, String name) {
        var list = root.getElementsByTagNameNS(ns, name == null ? "*" : name);
        List<Element> result = new ArrayList<>(list.getLength());
        for (int i = 0; i < list.getLength(); i++) {
            result.add((Element) list.item(i));
        }
        return result;
    }
}
