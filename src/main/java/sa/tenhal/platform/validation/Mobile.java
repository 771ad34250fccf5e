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
import sa.tenhal.shared.PhoneNumber;

/** A mobile number (it must receive SMS): a Saudi one starts with 05. Null is valid. */
@Documented
@Constraint(validatedBy = Mobile.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Mobile {

    String message() default "{tenhal.validation.mobile}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Mobile, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            try {
                PhoneNumber.parseMobile(value);
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
    }
}
