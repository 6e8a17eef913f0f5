package io.feiyan.platform.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.math.BigDecimal;

public class DecimalsValidator implements ConstraintValidator<Decimals, BigDecimal> {
    private int max;

    @Override
    public void initialize(Decimals decimals) {
        max = decimals.max();
    }

    @Override
    public boolean isValid(BigDecimal value, ConstraintValidatorContext context) {
        return value == null || value.stripTrailingZeros().scale() <= max;
    }
}
