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

/** A date as {@code yyyy-MM-dd}, such as 2026-12-01, when given. */
@Documented
@Constraint(validatedBy = DayValidator.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface Day {
    String REASON = "is a date such as 2026-12-01";

    String message() default REASON;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
