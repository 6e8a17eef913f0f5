package io.feiyan.dispatch.rest;

import io.feiyan.events.RegionCode;
import io.feiyan.platform.rest.Validation;
import io.feiyan.platform.domain.NotAllowed;
import io.feiyan.platform.security.Caller;

/** The region an operator acts in, from their token: a county, town or village code, or 403 forbidden. */
public final class OperatorRegion {
    private OperatorRegion() {
    }

    public static String of(Caller caller) {
        String region = caller.region().orElseThrow(() -> new NotAllowed("your token names no region"));
        // a region is a code of digits, so it cannot widen the prefix queries it goes into
        caller.require(RegionCode.isValid(region), "your token's region is not a county, town or village code");
        return region;
    }

    /**
     * The region an operator asks to see: their own when they name none, else one inside it — 400 for what is no
     * county, town or village code, 403 for a region outside their own.
     */
    public static String asked(Caller caller, String region) {
        String own = of(caller);
        if (region == null || region.isBlank()) {
            return own;
        }
        String asked = region.strip();
        new Validation().require(RegionCode.isValid(asked), "region",
                io.feiyan.platform.validation.RegionCode.ANY_REASON).orThrow();
        caller.require(caller.covers(asked), "you see your own region, " + own + ", or a part of it");
        return asked;
    }
}
