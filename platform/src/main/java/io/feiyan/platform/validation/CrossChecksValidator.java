package io.feiyan.platform.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

public class CrossChecksValidator implements ConstraintValidator<CrossChecks, CrossChecked> {
    @Override
    public boolean isValid(CrossChecked request, ConstraintValidatorContext context) {
        if (request == null) {
            return true;
        }
        // each broken rule carries its place in the request's order: Bean Validation keeps none
        HibernateConstraintValidatorContext numbered = context.unwrap(HibernateConstraintValidatorContext.class);
        int[] broken = {0};
        context.disableDefaultConstraintViolation();
        request.crossCheck(new CrossChecked.Checks() {
            @Override
            public CrossChecked.Checks require(boolean ok, String field, String reason) {
                if (!ok) {
                    numbered.withDynamicPayload(broken[0]++);
                    Messages.refuse(context, field, reason);
                }
                return this;
            }
        });
        return broken[0] == 0;
    }
}
