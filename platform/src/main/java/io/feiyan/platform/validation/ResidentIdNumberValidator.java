package io.feiyan.platform.validation;

import io.feiyan.events.IdNumbers;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

public class ResidentIdNumberValidator implements ConstraintValidator<ResidentIdNumber, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || IdNumbers.isValid(value);
    }
}
