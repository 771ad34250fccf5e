package sa.tenhal.integrations.results;

import java.math.BigDecimal;
import java.util.Locale;
import sa.tenhal.visits.ResultFlag;

/**
 * What an abnormal flag means for the clinician (HL7 v2 table 0078, FHIR's v3 ObservationInterpretation: the same
 * codes). LL, HH, AA and the off-scale {@code <} and {@code >} are critical: the clinician is told at once. A number
 * outside its reference range without a flag is abnormal all the same (labs do omit flags).
 */
final class Interpretation {

    private Interpretation() {}

    static ResultFlag flag(String code, BigDecimal value, BigDecimal low, BigDecimal high) {
        String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        switch (c) {
            case "LL", "HH", "AA", "<", ">" -> {
                return ResultFlag.CRITICAL;
            }
            case "L", "H", "A", "LU", "HU", "POS", "DET", "R" -> {
                return ResultFlag.ABNORMAL;
            }
            case "N", "NEG", "ND", "S" -> {
                return ResultFlag.NORMAL;
            }
            default -> {
                if (value != null
                        && ((low != null && value.compareTo(low) < 0) || (high != null && value.compareTo(high) > 0))) {
                    return ResultFlag.ABNORMAL;
                }
                return ResultFlag.NORMAL;
            }
        }
    }

    /** A reference range as labs write it: {@code 3.5-5.0}, {@code <5}, {@code >10}, {@code 0 - 1}; [low, high]. */
    static BigDecimal[] range(String text) {
        BigDecimal[] none = {null, null};
        if (text == null || text.isBlank()) {
            return none;
        }
        String t = text.strip().replace(" ", "");
        try {
            if (t.startsWith("<=") || t.startsWith("<")) {
                return new BigDecimal[] {null, new BigDecimal(t.replaceFirst("^<=?", ""))};
            }
            if (t.startsWith(">=") || t.startsWith(">")) {
                return new BigDecimal[] {new BigDecimal(t.replaceFirst("^>=?", "")), null};
            }
            int dash = t.indexOf('-', 1);
            if (dash > 0) {
                return new BigDecimal[] {new BigDecimal(t.substring(0, dash)), new BigDecimal(t.substring(dash + 1))};
            }
        } catch (NumberFormatException e) {
            return none;
        }
        return none;
    }
}
