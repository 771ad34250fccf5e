package sa.tenhal.platform.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;

/** An amount in SAR: not negative, at most two decimals, below one billion. Null is valid. */
@Documented
@Constraint(validatedBy = Money.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Money {

    String message() default "{tenhal.validation.money}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Money, BigDecimal> {
        private static final BigDecimal LIMIT = new BigDecimal("1000000000");

        @Override
        public boolean isValid(BigDecimal value, ConstraintValidatorContext context) {
            return value == null
                    || (value.signum() >= 0 && value.stripTrailingZeros().scale() <= 2 && value.compareTo(LIMIT) < 0);
        }
    }
}
