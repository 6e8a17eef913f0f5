package io.feiyan.platform.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

public class CrossChecksValidator implements ConstraintValidator<CrossChecks, CrossChecked> {
    @Override
    public boolean isValid(CrossChecked request, ConstraintValidatorContext context) {
        if (request == null) {
            return true;
        }
        boolean[] valid = {true};
        context.disableDefaultConstraintViolation();
        request.crossCheck(new CrossChecked.Checks() {
            @Override
            public CrossChecked.Checks require(boolean ok, String field, String reason) {
                if (!ok) {
                    valid[0] = false;
                    Messages.refuse(context, field, reason);
                }
                return this;
            }
        });
        return valid[0];
    }
}
