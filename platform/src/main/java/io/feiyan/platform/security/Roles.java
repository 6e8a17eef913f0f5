package io.feiyan.platform.security;

/** The roles a bearer token names in its {@code groups} claim, as {@code @RolesAllowed} takes them. */
public final class Roles {
    /** A resident: their own orders and ratings. */
    public static final String RESIDENT = "resident";
    /** A village volunteer (飞燕): the residents and orders of their village ({@code region} claim). */
    public static final String VOLUNTEER = "volunteer";
    /** A station, institute or centre operator: the cases of their region ({@code region} claim) and tier. */
    public static final String OPERATOR = "operator";
    /** A member of a team ({@code team} claim): the team's assignments. */
    public static final String TEAM_MEMBER = "team-member";
    /** A team lead: accepts, declines and completes the team's assignments. */
    public static final String TEAM_LEAD = "team-lead";
    /** Aggregated metrics only, never personal data. */
    public static final String ANALYST = "analyst";
    /** The catalogue, teams and menus. */
    public static final String ADMIN = "admin";
    /**
     * A service that tells residents of their orders (notification-service's service account): reads a resident's
     * phone at the moment it texts them, and nothing else.
     */
    public static final String NOTIFIER = "notifier";

    private Roles() {
    }
}
