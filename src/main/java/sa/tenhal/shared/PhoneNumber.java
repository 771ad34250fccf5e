package sa.tenhal.shared;

import com.fasterxml.jackson.annotation.JsonValue;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber;

/**
 * A phone number in E.164 ({@code +966501234567}). Parses what people type on Saudi forms: {@code 0501234567},
 * {@code 501234567}, {@code 966501234567}, {@code 00966 50 123 4567}, {@code +966-50-123-4567}, and Arabic-Indic
 * digits ({@code ٠٥٠١٢٣٤٥٦٧}). Numbers without a country code are read as Saudi.
 */
public record PhoneNumber(@JsonValue String e164) {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    public PhoneNumber {
        if (e164 == null || !e164.matches("\\+[1-9]\\d{6,14}")) {
            throw new IllegalArgumentException("not an E.164 phone number");
        }
    }

    /** Parses a typed number; refuses anything that is not a valid number of its country. */
    public static PhoneNumber parse(String typed) {
        if (typed == null || typed.isBlank()) {
            throw new IllegalArgumentException("a phone number is required");
        }
        String cleaned = typed.strip();
        if (cleaned.startsWith("00")) {
            cleaned = "+" + cleaned.substring(2);
        } else if (cleaned.startsWith("966")) {
            cleaned = "+" + cleaned;
        }
        try {
            Phonenumber.PhoneNumber number = UTIL.parse(cleaned, "SA");
            if (!UTIL.isValidNumber(number)) {
                throw new IllegalArgumentException("not a valid phone number");
            }
            return new PhoneNumber(UTIL.format(number, PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            throw new IllegalArgumentException("not a phone number");
        }
    }

    /** Parses a number that must be a mobile (it receives SMS and WhatsApp); a Saudi one starts with 05. */
    public static PhoneNumber parseMobile(String typed) {
        PhoneNumber phone = parse(typed);
        if (!phone.isMobile()) {
            throw new IllegalArgumentException(
                    phone.isSaudi() ? "a Saudi mobile number starts with 05" : "not a mobile number");
        }
        return phone;
    }

    public boolean isSaudi() {
        return e164.startsWith("+966");
    }

    public boolean isMobile() {
        try {
            PhoneNumberType type = UTIL.getNumberType(UTIL.parse(e164, null));
            return type == PhoneNumberType.MOBILE || type == PhoneNumberType.FIXED_LINE_OR_MOBILE;
        } catch (NumberParseException e) {
            return false;
        }
    }

    /** True when the text looks like a phone number (for routing a search), without validating it. */
    public static boolean looksLikePhone(String text) {
        String digits = text.replaceAll("[\\s\\-()+]", "");
        return digits.matches("(00966|966|0)?5\\d{8}") || (text.strip().startsWith("+") && digits.matches("\\d{8,15}"));
    }

    @Override
    public String toString() {
        return e164;
    }
}
