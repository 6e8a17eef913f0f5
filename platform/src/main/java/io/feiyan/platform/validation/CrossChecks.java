package io.feiyan.platform.validation;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** Runs a {@link CrossChecked} request's own rules when it is validated. */
@Documented
@Constraint(validatedBy = CrossChecksValidator.class)
@Target(TYPE)
@Retention(RUNTIME)
public @interface CrossChecks {
    String message() default "breaks a rule across its fields";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
