package sa.tenhal.visits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sa.tenhal.platform.FieldProblem;
import sa.tenhal.platform.InvalidFieldsException;

/** Each vital has its unit and a plausible range; a value outside it is refused with a problem naming the field. */
class VitalsTests {

    /** Vitals with one measurement set, by field name. */
    static Vitals with(String field, String value) {
        BigDecimal d = new BigDecimal(value);
        Integer i = d.stripTrailingZeros().scale() <= 0 ? d.intValueExact() : null;
        return switch (field) {
            case "weightKg" -> new Vitals(d, null, null, null, null, null, null, null, null);
            case "heightCm" -> new Vitals(null, d, null, null, null, null, null, null, null);
            case "headCircumferenceCm" -> new Vitals(null, null, d, null, null, null, null, null, null);
            case "temperatureC" -> new Vitals(null, null, null, d, null, null, null, null, null);
            case "heartRate" -> new Vitals(null, null, null, null, i, null, null, null, null);
            case "respiratoryRate" -> new Vitals(null, null, null, null, null, i, null, null, null);
            case "systolic" -> new Vitals(null, null, null, null, null, null, i, 10, null);
            case "diastolic" -> new Vitals(null, null, null, null, null, null, 300, i, null);
            case "spo2" -> new Vitals(null, null, null, null, null, null, null, null, i);
            default -> throw new IllegalArgumentException(field);
        };
    }

    @ParameterizedTest(name = "{0}: {1} and {2} accepted, {3} and {4} refused")
    @CsvSource({
        "weightKg,            0.3, 300, 0.29, 301",
        "heightCm,            25,  250, 24.9, 250.1",
        "headCircumferenceCm, 20,  70,  19.9, 70.1",
        "temperatureC,        30,  45,  29.9, 45.1",
        "heartRate,           20,  250, 19,   251",
        "respiratoryRate,     4,   100, 3,    101",
        "spo2,                50,  100, 49,   101",
    })
    void eachVitalHasAPlausibleRange(String field, String min, String max, String below, String above) {
        assertThat(with(field, min).measured()).containsExactly(field);
        assertThat(with(field, max).measured()).containsExactly(field);
        for (String wrong : new String[] {below, above}) {
            assertThatThrownBy(() -> with(field, wrong))
                    .as(field + " " + wrong)
                    .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.errors())
                            .extracting(FieldProblem::field)
                            .containsExactly(field));
        }
    }

    @Test
    void theRefusalNamesTheUnitAndTheRange() {
        assertThatThrownBy(() -> with("temperatureC", "48"))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.errors())
                        .singleElement()
                        .satisfies(p -> assertThat(p.reason()).isEqualTo("must be between 30 and 45 °C")));
    }

    @Test
    void bloodPressureComesAsBothNumbersSystolicAboveDiastolic() {
        Vitals bp = new Vitals(null, null, null, null, null, null, 110, 70, null);
        assertThat(bp.measured()).containsExactly("systolic", "diastolic");
        assertThatThrownBy(() -> new Vitals(null, null, null, null, null, null, 110, null, null))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.errors())
                        .extracting(FieldProblem::field)
                        .containsExactly("diastolic"));
        assertThatThrownBy(() -> new Vitals(null, null, null, null, null, null, 70, 90, null))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.errors())
                        .extracting(FieldProblem::field)
                        .containsExactly("diastolic"));
        assertThatThrownBy(() -> with("systolic", "39"))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.errors())
                        .extracting(FieldProblem::field)
                        .contains("systolic"));
    }

    @Test
    void aMeasuringHasAtLeastOneValueAndEveryBadOneIsNamed() {
        assertThatThrownBy(() -> new Vitals(null, null, null, null, null, null, null, null, null))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.errors())
                        .extracting(FieldProblem::field)
                        .containsExactly("vitals"));
        assertThatThrownBy(() ->
                        new Vitals(new BigDecimal("-1"), new BigDecimal("900"), null, null, 400, null, null, null, 120))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.errors())
                        .extracting(FieldProblem::field)
                        .containsExactly("weightKg", "heightCm", "heartRate", "spo2"));
    }

    @Test
    void aChildsGrowthMeasurementsAreAccepted() {
        Vitals infant = new Vitals(
                new BigDecimal("3.450"), new BigDecimal("50.5"), new BigDecimal("34.5"), null, 140, 40, null, null, 98);
        assertThat(infant.measured())
                .containsExactly("weightKg", "heightCm", "headCircumferenceCm", "heartRate", "respiratoryRate", "spo2");
    }
}
