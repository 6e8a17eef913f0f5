package io.feiyan.platform.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.feiyan.platform.rest.Page;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** The page size a client asks for, from 1 to {@link Page#MAX_SIZE}. */
@Min(1)
@Max(Page.MAX_SIZE)
@ReportAsSingleViolation
@Documented
@Constraint(validatedBy = {})
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface PageSize {
    String message() default "is from 1 to " + Page.MAX_SIZE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
