package sa.tenhal.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0501234567",
                "501234567",
                "966501234567",
                "+966501234567",
                "00966501234567",
                "+966 50 123 4567",
                "050-123-4567",
                "(050) 123 4567",
                "٠٥٠١٢٣٤٥٦٧",
                "+٩٦٦٥٠١٢٣٤٥٦٧"
            })
    void normalisesWhatPeopleTypeOnSaudiForms(String typed) {
        assertThat(PhoneNumber.parseMobile(typed).e164()).isEqualTo("+966501234567");
    }

    @Test
    void keepsForeignNumbersWithTheirCountryCode() {
        PhoneNumber egypt = PhoneNumber.parseMobile("+20 100 123 4567");
        assertThat(egypt.e164()).isEqualTo("+201001234567");
        assertThat(egypt.isSaudi()).isFalse();
    }

    @Test
    void aSaudiLandlineIsAPhoneButNotAMobile() {
        assertThat(PhoneNumber.parse("0112345678").e164()).isEqualTo("+966112345678");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PhoneNumber.parseMobile("0112345678"))
                .withMessage("a Saudi mobile number starts with 05");
    }

    @ParameterizedTest
    @ValueSource(strings = {"05012345", "12345", "abc", "+966", "05012345678901", ""})
    void refusesWhatIsNotAPhoneNumber(String typed) {
        assertThatIllegalArgumentException().isThrownBy(() -> PhoneNumber.parse(typed));
    }

    @Test
    void refusesAnythingButE164InTheConstructor() {
        assertThatIllegalArgumentException().isThrownBy(() -> new PhoneNumber("0501234567"));
    }

    @Test
    void tellsPhoneShapedSearchText() {
        assertThat(PhoneNumber.looksLikePhone("0501234567")).isTrue();
        assertThat(PhoneNumber.looksLikePhone("+966 50 123 4567")).isTrue();
        assertThat(PhoneNumber.looksLikePhone("1848506950")).isFalse();
        assertThat(PhoneNumber.looksLikePhone("1000123")).isFalse();
    }
}
