package io.feiyan.dispatch.domain;

import java.util.List;

/** An activity is planned, accepted by its team, then held; or dissolved when its last order leaves unserved. */
public enum ActivityStatus {
    PLANNED, ACCEPTED, HELD, DISSOLVED;

    /** Open: orders may still join it. */
    public static final List<ActivityStatus> OPEN = List.of(PLANNED, ACCEPTED);

    public boolean isOpen() {
        return OPEN.contains(this);
    }
}
