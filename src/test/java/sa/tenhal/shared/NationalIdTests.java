package sa.tenhal.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NationalIdTests {

    @ParameterizedTest
    @ValueSource(strings = {"1848506950", "1947090054", "1853194130", "1083690071", "1000000008"})
    void acceptsCitizenIdsWithValidCheckDigits(String value) {
        NationalId id = new NationalId(value);
        assertThat(id.kind()).isEqualTo(NationalId.Kind.CITIZEN);
        assertThat(id.value()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2454356128", "2163620558", "2819072360", "2883181808"})
    void acceptsIqamasWithValidCheckDigits(String value) {
        assertThat(new NationalId(value).kind()).isEqualTo(NationalId.Kind.RESIDENT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1848506951", "2454356120", "1234567890", "1111111111", "2000000005"})
    void refusesAWrongCheckDigit(String value) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new NationalId(value))
                .withMessageContaining("check digit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"3848506950", "0848506950", "184850695", "18485069500", "18485O6950", ""})
    void refusesWrongShapes(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> new NationalId(value));
    }

    @Test
    void readsArabicIndicDigits() {
        assertThat(new NationalId("١٨٤٨٥٠٦٩٥٠").value()).isEqualTo("1848506950");
    }

    @Test
    void computesTheCheckDigit() {
        assertThat(NationalId.checkDigitFor("184850695")).isEqualTo('0');
        assertThat(NationalId.checkDigitFor("245435612")).isEqualTo('8');
    }
}
