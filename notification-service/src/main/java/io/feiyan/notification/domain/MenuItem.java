package io.feiyan.notification.domain;

import io.feiyan.events.MenuPublished;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import java.io.Serializable;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/** A project on a county's menu for a month, kept from team-service's MenuPublished events. */
@Entity
@IdClass(MenuItem.Key.class)
public class MenuItem extends PanacheEntityBase {
    @Id
    public String countyCode;
    @Id
    public String month;
    @Id
    public String projectCode;
    public int position;
    public String note;
    public int version;

    /** The primary key: county, month and project. */
    public static class Key implements Serializable {
        public String countyCode;
        public String month;
        public String projectCode;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(countyCode, key.countyCode)
                    && Objects.equals(month, key.month) && Objects.equals(projectCode, key.projectCode);
        }

        @Override
        public int hashCode() {
            return Objects.hash(countyCode, month, projectCode);
        }
    }

    /** Replaces the month's menu with the published version, unless a later version is already here. */
    public static void save(MenuPublished menu) {
        String month = menu.month().toString();
        if (count("countyCode = ?1 and month = ?2 and version > ?3", menu.countyCode(), month, menu.version()) > 0) {
            return;
        }
        delete("countyCode = ?1 and month = ?2", menu.countyCode(), month);
        getEntityManager().flush();
        int position = 0;
        for (MenuPublished.Item published : menu.items()) {
            MenuItem item = new MenuItem();
            item.countyCode = menu.countyCode();
            item.month = month;
            item.projectCode = published.projectCode();
            item.position = position++;
            item.note = published.note();
            item.version = menu.version();
            item.persist();
        }
    }

    public static List<MenuItem> of(String countyCode, YearMonth month) {
        return list("countyCode = ?1 and month = ?2 order by position", countyCode, month.toString());
    }
}
