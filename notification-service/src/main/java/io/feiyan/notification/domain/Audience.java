package io.feiyan.notification.domain;

import java.util.UUID;

/** Whom a notice is for, before it is known who they are and how each wants to be told (service/Recipients). */
public sealed interface Audience {
    /** The team's leads, and its members who said they are on duty. */
    record TeamOf(String teamCode) implements Audience {
    }

    /** One person who signs in: the 飞燕 volunteer who placed an order. */
    record Person(String feiyanId) implements Audience {
    }

    /** A resident, by the phone intake holds for them and the WeChat account they bound. */
    record Resident(UUID residentId) implements Audience {
    }

    /** The operators whose region holds the village: its town's institute and the county centre. */
    record OperatorsOf(String villageCode) implements Audience {
    }

    /** The village's 飞燕 volunteers. */
    record VolunteersOf(String villageCode) implements Audience {
    }
}
