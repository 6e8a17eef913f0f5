package io.feiyan.dispatch.rest;

import io.feiyan.events.RegionCode;
import io.feiyan.platform.security.Caller;

/** The region an operator acts in, from their token: a county, town or village code, or 403 forbidden. */
public final class OperatorRegion {
    private OperatorRegion() {
    }

    public static String of(Caller caller) {
        String region = caller.region().orElseThrow(() -> Caller.forbidden("your token names no region"));
        // a region is a code of digits, so it cannot widen the prefix queries it goes into
        caller.require(RegionCode.isValid(region), "your token's region is not a county, town or village code");
        return region;
    }
}
