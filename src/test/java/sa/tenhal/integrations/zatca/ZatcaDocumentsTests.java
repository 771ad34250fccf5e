package sa.tenhal.integrations.zatca;

import static org.assertj.core.api.Assertions.assertThat;

import com.helger.phive.api.execute.ValidationExecutionManager;
import com.helger.phive.api.executorset.IValidationExecutorSet;
import com.helger.phive.api.executorset.ValidationExecutorSetRegistry;
import com.helger.phive.api.result.ValidationResultList;
import com.helger.phive.api.validity.IValidityDeterminator;
import com.helger.phive.en16931.EN16931Validation;
import com.helger.phive.xml.source.IValidationSourceXML;
import com.helger.phive.xml.source.ValidationSourceXML;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

/**
 * Documents Tenhal signs with the SDK's test key and certificate: the inspector finds each hash, stamp and QR right,
 * and each validates against the UBL 2.1 schema and the EN 16931 business rules (phive, CEN's rules as published).
 */
class ZatcaDocumentsTests {

    /**
     * EN 16931 rules that ZATCA's own standard overrides for Saudi documents, each with the KSA rule that wins. Only
     * these may fire, and only where ZATCA demands the opposite.
     */
    static final Set<String> ZATCA_OVERRIDES = Set.of(
            // BR-KSA-39/40: the VAT number is 15 digits, first and last 3 — no ISO country prefix
            "BR-CO-09",
            // BR-KSA-69/83: a zero-rated breakdown carries its exemption code and text (VATEX-SA-HEA)
            "BR-Z-10",
            // BR-KSA-05: a debit note is 383, which CEN's UNTDID 1001 subset lacks
            "BR-CL-01",
            // BR-KSA-08, BR-KSA-14, BR-KSA-49: party ids carry ZATCA's schemes (CRN, NAT, ...), not ISO 6523 ICDs
            "BR-CL-10",
            // XML-STD code list: VATEX-SA-HEA and the other VATEX-SA codes are ZATCA's, not CEF's VATEX list
            "BR-CL-22",
            // BR-KSA-33/61, SEC-STD: PIH and QR are EmbeddedDocumentBinaryObject mimeCode="text/plain", no file name
            "BR-CL-24",
            "UBL-DT-07",
            // BR-KSA-EN16931-08/09 with BR-KSA-68: two cac:TaxTotal in SAR (the tax currency is the document's)
            "BR-CO-15");

    static IValidationExecutorSet<IValidationSourceXML> en16931;

    @BeforeAll
    static void rules() {
        var registry = new ValidationExecutorSetRegistry<IValidationSourceXML>();
        EN16931Validation.initEN16931(registry);
        en16931 = registry.getOfID(EN16931Validation.VID_UBL_INVOICE_1312);
    }

    static Stream<UblWriter.Input> everyKind() {
        return ZatcaSamples.everyKind().stream();
    }

    @ParameterizedTest
    @MethodSource("everyKind")
    void signedWithTheSdkKeyPassesTheInspector(UblWriter.Input input) {
        Stamper.Stamped stamped = Stamper.stamp(input, ZatcaSamples.sdkKey());
        Inspection inspection = Inspector.inspect(stamped.xml());

        assertThat(inspection.problems()).isEmpty();
        assertThat(inspection.computedHash()).isEqualTo(stamped.hash());
        assertThat(inspection.hashMatches()).isTrue();
        assertThat(inspection.signatureValid()).isTrue();
        assertThat(inspection.signedPropertiesMatch()).isTrue();
        assertThat(inspection.qrMatches()).isTrue();
        assertThat(inspection.qr()).hasSize(input.simplified() ? 9 : 8);
        assertThat(inspection.number()).isEqualTo(input.document().number());
        assertThat(inspection.uuid()).isEqualTo(input.document().id().value().toString());
        assertThat(inspection.icv()).isEqualTo(Long.toString(input.icv()));
        assertThat(inspection.typeCode()).isEqualTo(input.document().kind().typeCode());
    }

    @ParameterizedTest
    @MethodSource("everyKind")
    void validatesAgainstUbl21AndEn16931WithZeroErrors(UblWriter.Input input) {
        Stamper.Stamped stamped = Stamper.stamp(input, ZatcaSamples.sdkKey());
        Document document = Ubl.parse(stamped.xml());
        ValidationResultList results = ValidationExecutionManager.executeValidation(
                IValidityDeterminator.createDefault(),
                en16931,
                ValidationSourceXML.create(input.document().number(), document),
                Locale.ENGLISH);
        List<String> errors = new ArrayList<>();
        results.forEachFlattened(error -> {
            if (error.isError() && !ZATCA_OVERRIDES.contains(error.getErrorID())) {
                errors.add(error.getErrorID() + " " + error.getErrorText(Locale.ENGLISH) + " at "
                        + error.getErrorFieldName());
            }
        });
        assertThat(errors)
                .as(new String(stamped.xml(), java.nio.charset.StandardCharsets.UTF_8))
                .isEmpty();
        // both steps ran: the UBL 2.1 schema and the EN 16931 schematron
        assertThat(results).hasSizeGreaterThanOrEqualTo(2);
    }
}
