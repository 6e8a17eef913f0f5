package io.feiyan.platform.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.feiyan.events.Tier;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A region, when given: a county (6 digits), town (9) or village (12) code, or only the {@link #tier} named. Every
 * endpoint that takes one declares it, so {@code ?region=abc} is a 400 wherever it is sent, never an empty answer.
 * Add {@code @NotBlank} where the region is required.
 */
@Documented
@Constraint(validatedBy = RegionCodeValidator.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface RegionCode {
    String ANY_REASON = "is a county (6 digits), town (9) or village (12) code";
    String VILLAGE_REASON = "is a 12-digit village code";
    String TOWN_REASON = "is a 9-digit town code";
    String COUNTY_REASON = "is the county's 6-digit code";

    /** The tiers allowed; all three when empty. */
    Tier[] tier() default {};

    /** Empty: the reason that fits {@link #tier}. */
    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
