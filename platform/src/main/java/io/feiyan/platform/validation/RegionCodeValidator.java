package io.feiyan.platform.validation;

import io.feiyan.events.Tier;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

public class RegionCodeValidator implements ConstraintValidator<RegionCode, String> {
    private Set<Tier> tiers;
    private String reason;

    @Override
    public void initialize(RegionCode constraint) {
        tiers = constraint.tier().length == 0 ? EnumSet.allOf(Tier.class) : EnumSet.copyOf(Arrays.asList(constraint.tier()));
        reason = !constraint.message().isEmpty() ? constraint.message()
                : tiers.size() != 1 ? RegionCode.ANY_REASON
                : switch (tiers.iterator().next()) {
                    case VILLAGE -> RegionCode.VILLAGE_REASON;
                    case TOWN -> RegionCode.TOWN_REASON;
                    case COUNTY -> RegionCode.COUNTY_REASON;
                };
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null || io.feiyan.events.RegionCode.isValid(value)
                && tiers.contains(io.feiyan.events.RegionCode.of(value).tier())) {
            return true;
        }
        Messages.refuse(context, reason);
        return false;
    }
}
