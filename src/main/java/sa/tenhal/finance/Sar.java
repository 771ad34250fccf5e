package sa.tenhal.finance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import sa.tenhal.platform.FieldProblem;
import sa.tenhal.platform.InvalidFieldsException;

/** Amounts in SAR: two decimals, rounded half-up (as ZATCA rounds), never {@code double}. */
final class Sar {

    static final BigDecimal ZERO = new BigDecimal("0.00");
    static final BigDecimal HUNDRED = new BigDecimal("100");

    private Sar() {}

    static BigDecimal round(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    /** {@code percent} % of {@code amount}, rounded. */
    static BigDecimal percentOf(BigDecimal amount, BigDecimal percent) {
        return round(amount.multiply(percent).divide(HUNDRED, 10, RoundingMode.HALF_UP));
    }

    /** An amount a client sent: positive (or zero if allowed), at most two decimals; refused as a 422 otherwise. */
    static BigDecimal exact(String field, BigDecimal value, boolean zeroAllowed) {
        if (value == null) {
            throw new InvalidFieldsException(List.of(FieldProblem.coded(field, "amount.required", "is required")));
        }
        if (value.signum() < 0 || (!zeroAllowed && value.signum() == 0)) {
            throw new InvalidFieldsException(List.of(
                    zeroAllowed
                            ? FieldProblem.coded(field, "amount.negative", "must not be negative")
                            : FieldProblem.coded(field, "amount.notPositive", "must be positive")));
        }
        if (value.stripTrailingZeros().scale() > 2) {
            throw new InvalidFieldsException(
                    List.of(FieldProblem.coded(field, "amount.decimals", "has more than two decimals")));
        }
        if (value.compareTo(new BigDecimal("1000000000")) >= 0) {
            throw new InvalidFieldsException(List.of(FieldProblem.coded(field, "amount.tooLarge", "is too large")));
        }
        return value.setScale(2, RoundingMode.UNNECESSARY);
    }

    static String text(BigDecimal value) {
        return round(value).toPlainString();
    }
}
