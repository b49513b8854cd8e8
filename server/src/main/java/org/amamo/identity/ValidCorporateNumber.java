package org.amamo.identity;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A field holding a 法人番号: blank (not given) or a valid {@link CorporateNumber}. */
@Documented
@Constraint(validatedBy = ValidCorporateNumber.Validator.class)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidCorporateNumber {

    String message() default "{validation.corporate-number}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the digits and the check digit; a blank value is left to {@code @NotBlank} if required. */
    class Validator implements ConstraintValidator<ValidCorporateNumber, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isBlank() || CorporateNumber.isValid(value.strip());
        }
    }
}
