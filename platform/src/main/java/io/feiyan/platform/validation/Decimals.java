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

/**
 * A number with at most {@link #max()} decimals once trailing zeros are dropped, when given: 1.500 hours is 1.5.
 * ({@code @Digits} counts the zeros a client happened to send.)
 */
@Documented
@Constraint(validatedBy = DecimalsValidator.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface Decimals {
    int max();

    String message() default "has at most {max} decimals";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
