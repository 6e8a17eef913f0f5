package io.feiyan.platform.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.function.Function;

public class MonthValidator implements ConstraintValidator<Month, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return parses(value, YearMonth::parse);
    }

    /** Whether the value, when given, is one the parser reads. */
    static boolean parses(String value, Function<String, ?> parser) {
        if (value == null) {
            return true;
        }
        try {
            parser.apply(value);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
