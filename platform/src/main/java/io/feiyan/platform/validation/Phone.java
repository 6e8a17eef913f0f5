package io.feiyan.platform.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** A mainland mobile number (11 digits) or a landline with its area code, when given (add {@code @NotNull} where it is required). */
@Documented
@Constraint(validatedBy = PhoneValidator.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface Phone {
    String REASON = "is an 11-digit mobile number or a landline with its area code";

    String message() default REASON;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
