package io.feiyan.events;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * The county centre's menu of projects for a month (每月菜单), built from the demand it collected.
 * Keyed by county and month, so the latest menu of each month is kept; a published version never
 * changes, and a higher {@code version} supersedes it.
 */
public record MenuPublished(String countyCode, YearMonth month, int version, List<Item> items, Instant publishedAt)
        implements Event {

    /** A project on the menu, with a line on why it is there this month. */
    public record Item(String projectCode, String note) {
    }

    public MenuPublished {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public static String key(String countyCode, YearMonth month) {
        return countyCode + "/" + month;
    }

    @Override
    public String key() {
        return key(countyCode, month);
    }
}
