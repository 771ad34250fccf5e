package sa.tenhal.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import sa.tenhal.shared.Language;

/** Counts in the staff's messages take their plural forms through ICU, in the templates as sent. */
class CountsTests {

    final Templates templates = new Templates("http://tenhal.test");

    @Test
    void arabicCountsTakeTheirForms() {
        Counts ar = new Counts(Language.AR);
        assertThat(ar.of("appointments", 1)).isEqualTo("موعد واحد");
        assertThat(ar.of("appointments", 2)).isEqualTo("موعدان");
        assertThat(ar.of("appointments", 6)).isEqualTo("6 مواعيد");
        assertThat(ar.of("appointments", 11)).isEqualTo("11 موعدًا");
        assertThat(ar.of("notes", 3)).isEqualTo("3 ملاحظات");
        assertThat(new Counts(Language.EN).of("appointments", 1)).isEqualTo("1 appointment");
    }

    @Test
    void theNextDayListAndTheUnsignedNotesSayTheCountInWords() {
        var model = Map.<String, Object>of("name", "د. هدى", "date", "2031-01-12", "count", 2);
        assertThat(templates
                        .render("next-day-schedule", Channel.IN_APP, Language.AR, model)
                        .subject())
                .isEqualTo("قائمة الغد: موعدان");
        assertThat(templates
                        .render("next-day-schedule", Channel.EMAIL, Language.AR, model)
                        .text())
                .contains("لديك موعدان غداً");
        assertThat(templates
                        .render(
                                "next-day-schedule",
                                Channel.IN_APP,
                                Language.EN,
                                Map.of("name", "Dr Huda", "date", "2031-01-12", "count", 1))
                        .subject())
                .isEqualTo("Tomorrow's list: 1 appointment");
        assertThat(templates
                        .render("unsigned-notes", Channel.IN_APP, Language.AR, Map.of("count", 11))
                        .text())
                .contains("11 ملاحظة");
        assertThat(templates
                        .render("unsigned-notes", Channel.IN_APP, Language.EN, Map.of("count", 1))
                        .text())
                .contains("You have 1 visit note not signed yet.");
    }
}
