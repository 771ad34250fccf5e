package sa.tenhal.notifications;

import com.ibm.icu.text.MessageFormat;
import java.util.Map;
import sa.tenhal.shared.Language;

/**
 * Counts in words for the message templates ({@code ${plural.of('appointments', count)}}), through ICU plural rules:
 * Arabic gets its forms ("موعد واحد", "موعدان", "6 مواعيد", "11 موعدًا", "100 موعد") instead of a fixed word after the
 * digits. Public, with public methods, because the templates' expressions call it.
 */
public final class Counts {

    private static final Map<String, String> ENGLISH = Map.of(
            "appointments", "{0, plural, one {# appointment} other {# appointments}}",
            "notes", "{0, plural, one {# visit note} other {# visit notes}}");

    private static final Map<String, String> ARABIC = Map.of(
            "appointments",
            "{0, plural, zero {لا مواعيد} one {موعد واحد} two {موعدان} few {# مواعيد} many {# موعدًا} other {# موعد}}",
            "notes",
            "{0, plural, zero {لا ملاحظات} one {ملاحظة واحدة} two {ملاحظتان} few {# ملاحظات} many {# ملاحظة}"
                    + " other {# ملاحظة}}");

    private final Language language;

    Counts(Language language) {
        this.language = language;
    }

    /** The count with its noun, e.g. {@code of("appointments", 2)} is "موعدان" in Arabic, "2 appointments" in English. */
    public String of(String noun, Number count) {
        String pattern = (language == Language.AR ? ARABIC : ENGLISH).get(noun);
        if (pattern == null) {
            throw new IllegalArgumentException("no plural forms for " + noun);
        }
        return new MessageFormat(pattern, language.locale()).format(new Object[] {count});
    }
}
