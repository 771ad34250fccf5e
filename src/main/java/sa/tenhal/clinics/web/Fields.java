package sa.tenhal.clinics.web;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.UUID;
import org.springframework.validation.BindingResult;

/**
 * Reading what a catalogue form sent: text as typed, and values a page offers or expects in a shape (a choice, a
 * number, an id) that, when they cannot be read, are an error on their field rather than a crash.
 */
final class Fields {

    private Fields() {}

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String text(String s) {
        return blank(s) ? null : s.strip();
    }

    /** Codes are upper-case: what is typed in lower case is taken as meant. */
    static String code(String s) {
        return blank(s) ? null : s.strip().toUpperCase(Locale.ROOT);
    }

    static <E extends Enum<E>> E choice(Class<E> type, String value, String field, BindingResult errors) {
        if (blank(value)) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            errors.rejectValue(field, "typeMismatch");
            return null;
        }
    }

    static Integer integer(String value, String field, BindingResult errors) {
        if (blank(value)) {
            return null;
        }
        try {
            return Integer.valueOf(sa.tenhal.shared.Digits.toAscii(value.strip()));
        } catch (NumberFormatException e) {
            errors.rejectValue(field, "typeMismatch");
            return null;
        }
    }

    /** An amount as typed, with a comma or an Arabic decimal separator accepted as the point. */
    static BigDecimal amount(String value, String field, BindingResult errors) {
        if (blank(value)) {
            return null;
        }
        String normalised =
                sa.tenhal.shared.Digits.toAscii(value.strip()).replace('٫', '.').replace(',', '.');
        try {
            return new BigDecimal(normalised);
        } catch (NumberFormatException e) {
            errors.rejectValue(field, "typeMismatch");
            return null;
        }
    }

    static UUID id(String value, String field, BindingResult errors) {
        if (blank(value)) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            errors.rejectValue(field, "typeMismatch");
            return null;
        }
    }
}
