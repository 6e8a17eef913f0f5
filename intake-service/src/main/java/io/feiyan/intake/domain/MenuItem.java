package io.feiyan.intake.domain;

import io.feiyan.events.MenuPublished;
import io.feiyan.platform.directory.MenuItemCopy;
import jakarta.persistence.Entity;
import java.time.YearMonth;
import java.util.List;

/** A project on a county's menu for a month: intake's copy (table menu_item). */
@Entity
public class MenuItem extends MenuItemCopy {
    /** Replaces the month's menu with the published version, unless a later version is already here. */
    public static void save(MenuPublished menu) {
        save(getEntityManager(), MenuItem.class, MenuItem::new, menu);
    }

    public static List<MenuItem> of(String countyCode, YearMonth month) {
        return list("countyCode = ?1 and month = ?2 order by position", countyCode, month.toString());
    }
}
