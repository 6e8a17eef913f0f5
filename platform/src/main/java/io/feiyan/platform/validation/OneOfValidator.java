package io.feiyan.platform.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Arrays;
import java.util.List;

public class OneOfValidator implements ConstraintValidator<OneOf, String> {
    private List<String> words;
    private String reason;

    @Override
    public void initialize(OneOf constraint) {
        words = Arrays.asList(constraint.value());
        int last = words.size() - 1;
        reason = !constraint.message().isEmpty() ? constraint.message()
                : "is " + (last == 0 ? words.get(0) : String.join(", ", words.subList(0, last)) + " or " + words.get(last));
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null || words.contains(value)) {
            return true;
        }
        Messages.refuse(context, reason);
        return false;
    }
}
