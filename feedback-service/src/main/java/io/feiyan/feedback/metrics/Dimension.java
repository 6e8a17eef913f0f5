package io.feiyan.feedback.metrics;

import java.util.Locale;

/**
 * What figures can be broken down by. Places and the need come from the order's OrderPlaced; the month is
 * the county's calendar month (time zone {@code feiyan.time-zone}) of the moment each figure counts.
 */
public enum Dimension {
    /** The first six digits of the order's village code. */
    COUNTY("substr(o.village_code, 1, 6)"),
    /** The first nine digits of the order's village code. */
    TOWN("substr(o.village_code, 1, 9)"),
    VILLAGE("o.village_code"),
    CATEGORY("o.category"),
    /** The catalogue project ordered; empty for a need in the resident's own words. */
    PROJECT("o.project_code"),
    /** The team each rate names (see the rates); not a dimension of demand. */
    TEAM("team.team_code"),
    /** {@code yyyy-MM}. */
    MONTH(null);

    private final String column;

    Dimension(String column) {
        this.column = column;
    }

    /** The SQL expression of this dimension, given the column of the moment that decides the month. */
    String sql(String when, String zone) {
        return this == MONTH ? "to_char(" + when + " at time zone '" + zone + "', 'YYYY-MM')" : column;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
