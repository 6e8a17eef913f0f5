package io.feiyan.events;

/**
 * The three tiers of service, lowest first: village station (站), town institute (所),
 * county centre (中心). Needs are solved at the lowest tier that can.
 */
public enum Tier {
    VILLAGE, TOWN, COUNTY;

    /** The tier above this one; the county has none above it, and is its own. */
    public Tier above() {
        return this == COUNTY ? COUNTY : values()[ordinal() + 1];
    }
}
