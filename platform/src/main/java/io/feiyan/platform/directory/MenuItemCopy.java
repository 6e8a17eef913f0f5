package io.feiyan.platform.directory;

import io.feiyan.events.MenuPublished;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.MappedSuperclass;
import java.io.Serializable;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A service's own copy of a project on a county's menu for a month, kept from team-service's MenuPublished events. A
 * service that needs the menus maps it to a table of its own database by subclassing it as an entity.
 */
@MappedSuperclass
@IdClass(MenuItemCopy.Key.class)
public abstract class MenuItemCopy extends PanacheEntityBase {
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

    /**
     * Replaces the month's menu in the copy (the entity {@code entity}, made by {@code make}) with the published
     * version, unless a later version is already there.
     */
    protected static <T extends MenuItemCopy> void save(EntityManager entityManager, Class<T> entity,
            Supplier<T> make, MenuPublished menu) {
        String month = menu.month().toString();
        String name = entity.getSimpleName();
        long later = entityManager.createQuery("select count(m) from " + name
                        + " m where m.countyCode = ?1 and m.month = ?2 and m.version > ?3", Long.class)
                .setParameter(1, menu.countyCode()).setParameter(2, month).setParameter(3, menu.version())
                .getSingleResult();
        if (later > 0) {
            return;
        }
        entityManager.createQuery("delete from " + name + " m where m.countyCode = ?1 and m.month = ?2")
                .setParameter(1, menu.countyCode()).setParameter(2, month).executeUpdate();
        entityManager.flush();
        int position = 0;
        for (MenuPublished.Item published : menu.items()) {
            T item = make.get();
            item.countyCode = menu.countyCode();
            item.month = month;
            item.projectCode = published.projectCode();
            item.position = position++;
            item.note = published.note();
            item.version = menu.version();
            entityManager.persist(item);
        }
    }
}
