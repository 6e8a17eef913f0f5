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

    /**
     * Where a broken rule is told among the request's reasons: at the {@code component} (the index, in the checked
     * request, of the field it names: {@code depth} names down from the violation's end) or, when a rule checked
     * earlier was told later in the request, there — the request's rules are told in the order it checks them — and
     * the {@code sequence} it was broken in.
     */
    record Place(int component, int depth, int sequence) {
    }
}
