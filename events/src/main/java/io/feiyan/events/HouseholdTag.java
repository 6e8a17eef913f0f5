package io.feiyan.events;

/** Household situations the county's differentiated projects are built for. */
public enum HouseholdTag {
    /** 空巢老人: elderly people whose children live and work away. */
    EMPTY_NEST_ELDERLY,
    /** 留守儿童: children whose parents work away. */
    LEFT_BEHIND_CHILD,
    /** 特困群体: households in special hardship. */
    SPECIAL_HARDSHIP,
    DISABILITY,
    CHRONIC_ILLNESS
}
