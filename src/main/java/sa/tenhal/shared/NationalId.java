package sa.tenhal.shared;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A Saudi identity number: ten digits with a Luhn check digit. A citizen's national ID starts with 1; a resident's
 * iqama starts with 2. Arabic-Indic digits are accepted and stored as ASCII.
 */
public record NationalId(@JsonValue String value) {

    public enum Kind {
        CITIZEN,
        RESIDENT
    }

    public NationalId {
        if (value == null) {
            throw new IllegalArgumentException("an identity number is required");
        }
        value = Digits.toAscii(value.strip());
        if (!value.matches("[12]\\d{9}")) {
            throw new IllegalArgumentException("must be 10 digits starting with 1 (national ID) or 2 (iqama)");
        }
        if (!luhn(value)) {
            throw new IllegalArgumentException("the check digit does not match");
        }
    }

    public Kind kind() {
        return value.charAt(0) == '1' ? Kind.CITIZEN : Kind.RESIDENT;
    }

    public static boolean isValid(String value) {
        try {
            new NationalId(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Luhn over ten digits: double the digits in odd positions counted from the left, add all digit sums. */
    static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(i) - '0';
            if (i % 2 == 0) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    /** The check digit that makes the first nine digits a valid number (for generating test and demo data). */
    public static char checkDigitFor(String firstNine) {
        for (char c = '0'; c <= '9'; c++) {
            if (luhn(firstNine + c)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no check digit");
    }

    @Override
    public String toString() {
        return value;
    }
}
