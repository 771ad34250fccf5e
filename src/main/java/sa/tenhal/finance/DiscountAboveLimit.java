package sa.tenhal.finance;

import java.math.BigDecimal;
import org.springframework.http.HttpStatus;
import sa.tenhal.platform.ProblemException;

/** The discount is larger than any of the caller's roles may give (403); a manager can give it. */
class DiscountAboveLimit extends ProblemException {

    DiscountAboveLimit(BigDecimal requestedPercent, BigDecimal limitPercent) {
        super(
                HttpStatus.FORBIDDEN,
                "discount-above-limit",
                "Discount above your limit",
                "A discount of " + requestedPercent.stripTrailingZeros().toPlainString() + " % is above your limit of "
                        + limitPercent.stripTrailingZeros().toPlainString() + " %");
        with("requestedPercent", requestedPercent);
        with("limitPercent", limitPercent);
    }
}
