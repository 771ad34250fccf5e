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
import sa.tenhal.shared.NationalId;

/** A Saudi national ID or iqama number with a valid check digit. Null is valid. */
@Documented
@Constraint(validatedBy = SaudiId.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface SaudiId {

    String message() default "{tenhal.validation.saudi-id}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<SaudiId, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || NationalId.isValid(value);
        }
    }
}
