package io.feiyan.platform.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.LocalDate;

public class DayValidator implements ConstraintValidator<Day, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return MonthValidator.parses(value, LocalDate::parse);
    }
}
