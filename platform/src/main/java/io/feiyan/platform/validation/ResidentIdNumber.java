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

/** An 18-character resident identity number (GB 11643) whose check character is right, when given (add {@code @NotNull} where it is required). */
@Documented
@Constraint(validatedBy = ResidentIdNumberValidator.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface ResidentIdNumber {
    String REASON = "is an 18-character resident ID number with a correct check character";

    String message() default REASON;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
