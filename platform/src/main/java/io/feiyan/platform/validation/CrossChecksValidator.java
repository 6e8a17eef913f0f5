package io.feiyan.platform.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.List;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

public class CrossChecksValidator implements ConstraintValidator<CrossChecks, CrossChecked> {
    @Override
    public boolean isValid(CrossChecked request, ConstraintValidatorContext context) {
        if (request == null) {
            return true;
        }
        // each broken rule carries its place in the request's order: Bean Validation keeps none
        HibernateConstraintValidatorContext numbered = context.unwrap(HibernateConstraintValidatorContext.class);
        List<String> fields = DeclaredFields.of(request.getClass());
        int[] broken = {0};
        int[] toldAt = {-1};
        context.disableDefaultConstraintViolation();
        request.crossCheck(new CrossChecked.Checks() {
            @Override
            public CrossChecked.Checks require(boolean ok, String field, String reason) {
                if (!ok) {
                    String[] names = field.split("\\.");
                    toldAt[0] = Math.max(toldAt[0], fields.indexOf(names[0]));
                    numbered.withDynamicPayload(new CrossChecks.Place(toldAt[0], names.length, broken[0]++));
                    Messages.refuse(context, field, reason);
                }
                return this;
            }
        });
        return broken[0] == 0;
    }
}
