package io.feiyan.platform.validation;

import io.feiyan.platform.PersonalData;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

public class PhoneValidator implements ConstraintValidator<Phone, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || PersonalData.isPhone(value);
    }
}
