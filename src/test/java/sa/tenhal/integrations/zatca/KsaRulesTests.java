package sa.tenhal.integrations.zatca;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each KSA rule of the reference that applies to a clinic's documents, by name: Tenhal's documents keep it, and a
 * document broken on purpose is caught with the rule's id (the simulator answers ZATCA's way with these).
 */
class KsaRulesTests {

    static final StampKey KEY = ZatcaSamples.sdkKey();
    static final List<UblWriter.Input> KINDS = ZatcaSamples.everyKind();

    static String xml(int kind) {
        return new String(Stamper.stamp(KINDS.get(kind), KEY).xml(), StandardCharsets.UTF_8);
    }

    static List<KsaRules.Violation> check(String xml) {
        return KsaRules.check(Ubl.parse(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void everyKindTenhalIssuesKeepsEveryRule() {
        for (int i = 0; i < KINDS.size(); i++) {
            assertThat(check(xml(i))).as(KINDS.get(i).document().number()).isEmpty();
        }
    }

    // indices into ZatcaSamples.everyKind(): 0 citizen (Z, HEA), 1 resident (S, discounts), 2 insurer (standard),
    // 3 mixed, 4 credit note, 5 debit note, 6 insurer credit note, 7 insurer debit note
    static Stream<Arguments> brokenOnPurpose() {
        return Stream.of(
                rule("BR-KSA-EN16931-01", 1, x -> x.replace("reporting:1.0", "clearance:1.0")),
                rule("BR-KSA-05", 1, x -> x.replace("\">388</cbc:InvoiceTypeCode>", "\">380</cbc:InvoiceTypeCode>")),
                rule("BR-KSA-06", 1, x -> x.replace("name=\"0200000\"", "name=\"0300000\"")),
                rule("BR-KSA-07", 2, x -> x.replace("name=\"0100000\"", "name=\"0100101\"")),
                rule("BR-KSA-31", 1, x -> x.replace("name=\"0200000\"", "name=\"0200100\"")),
                rule("BR-KSA-33", 1, x -> x.replace("<cbc:ID>ICV</cbc:ID>", "<cbc:ID>XCV</cbc:ID>")),
                rule("BR-KSA-34", 1, x -> x.replaceFirst("<cbc:UUID>2</cbc:UUID>", "<cbc:UUID>2a</cbc:UUID>")),
                rule("BR-KSA-61", 1, x -> x.replace("<cbc:ID>PIH</cbc:ID>", "<cbc:ID>XIH</cbc:ID>")),
                rule("BR-KSA-26", 1, x -> x.replace(Ubl.FIRST_PIH, "bm90IGEgaGFzaA==")),
                rule("BR-KSA-27", 1, x -> x.replace("<cbc:ID>QR</cbc:ID>", "<cbc:ID>QX</cbc:ID>")),
                rule("BR-KSA-60", 1, x -> x.replaceAll("(?s)<ext:UBLExtensions>.*</ext:UBLExtensions>", "")),
                rule(
                        "BR-KSA-68",
                        1,
                        x -> x.replace(
                                "<cbc:TaxCurrencyCode>SAR</cbc:TaxCurrencyCode>",
                                "<cbc:TaxCurrencyCode>USD</cbc:TaxCurrencyCode>")),
                rule("BR-KSA-56", 4, x -> x.replaceAll("(?s)<cac:BillingReference>.*</cac:BillingReference>", "")),
                rule("BR-KSA-17", 5, x -> x.replaceAll("<cbc:InstructionNote>[^<]*</cbc:InstructionNote>", "")),
                rule(
                        "BR-KSA-39",
                        1,
                        x -> x.replace("310122393500003</cbc:CompanyID>", "31012239350003</cbc:CompanyID>")),
                rule(
                        "BR-KSA-40",
                        1,
                        x -> x.replace("310122393500003</cbc:CompanyID>", "410122393500003</cbc:CompanyID>")),
                rule(
                        "BR-KSA-37",
                        1,
                        x -> x.replace(
                                "<cbc:BuildingNumber>1234</cbc:BuildingNumber>",
                                "<cbc:BuildingNumber>12</cbc:BuildingNumber>")),
                rule(
                        "BR-KSA-66",
                        1,
                        x -> x.replace(
                                "<cbc:PostalZone>12211</cbc:PostalZone>", "<cbc:PostalZone>122</cbc:PostalZone>")),
                rule(
                        "BR-KSA-42",
                        2,
                        x -> x.replace(
                                "<cbc:RegistrationName>Bupa Arabia</cbc:RegistrationName>", "<cbc:RegistrationName/>")),
                rule("BR-KSA-15", 2, x -> x.replaceAll("(?s)<cac:Delivery>.*</cac:Delivery>", "")),
                rule("BR-KSA-63", 2, x -> x.replace("<cbc:StreetName>Olaya Street</cbc:StreetName>", "")),
                rule("BR-KSA-18", 1, x -> x.replace("<cbc:ID>S</cbc:ID>", "<cbc:ID>X</cbc:ID>")),
                rule("BR-KSA-69", 0, x -> x.replaceAll("<cbc:TaxExemptionReason>[^<]*</cbc:TaxExemptionReason>", "")),
                rule(
                        "BR-KSA-25",
                        0,
                        x -> x.replace(
                                "<cbc:RegistrationName>محمد العتيبي</cbc:RegistrationName>",
                                "<cbc:RegistrationName/>")),
                rule("BR-KSA-49", 0, x -> x.replace("schemeID=\"NAT\"", "schemeID=\"IQA\"")),
                rule(
                        "BR-KSA-EN16931-08",
                        1,
                        x -> x.replaceFirst(
                                "(?s)<cac:TaxTotal>\\s*<cbc:TaxAmount currencyID=\"SAR\">[0-9.]+</cbc:TaxAmount>\\s*"
                                        + "</cac:TaxTotal>",
                                "")),
                rule(
                        "BR-KSA-50",
                        2,
                        x -> x.replaceFirst(
                                "(?s)(<cac:InvoiceLine>.*?<cac:TaxTotal>\\s*<cbc:TaxAmount currencyID=\"SAR\">)[0-9.]+",
                                "$11.00")),
                rule(
                        "BR-KSA-51",
                        2,
                        x -> x.replaceFirst(
                                "(?s)(<cac:InvoiceLine>.*?<cbc:RoundingAmount currencyID=\"SAR\">)[0-9.]+", "$11.00")),
                rule(
                        "BR-KSA-52",
                        2,
                        x -> x.replaceFirst(
                                "(?s)(<cac:InvoiceLine>.*?)<cbc:RoundingAmount currencyID=\"SAR\">[0-9.]+</cbc:RoundingAmount>",
                                "$1")),
                rule(
                        "BR-KSA-DEC-01",
                        1,
                        x -> x.replaceFirst(
                                "<cbc:PriceAmount currencyID=\"SAR\">([0-9]+)\\.([0-9]+)</cbc:PriceAmount>",
                                "<cbc:PriceAmount currencyID=\"SAR\">$1.$2$2</cbc:PriceAmount>")));
    }

    static Arguments rule(String code, int kind, UnaryOperator<String> breakIt) {
        return Arguments.of(code, kind, breakIt);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenOnPurpose")
    void aBrokenRuleIsCaughtByItsName(String code, int kind, UnaryOperator<String> breakIt) {
        String good = xml(kind);
        String broken = breakIt.apply(good);
        assertThat(broken).as("the test changes the document").isNotEqualTo(good);
        assertThat(check(good)).extracting(KsaRules.Violation::code).doesNotContain(code);
        assertThat(check(broken)).extracting(KsaRules.Violation::code).contains(code);
    }
}
