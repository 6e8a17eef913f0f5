package io.feiyan.team.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feiyan.events.MenuPublished;
import io.feiyan.platform.messaging.Outbox;
import io.feiyan.platform.messaging.SqlTime;
import io.feiyan.platform.rest.Problem;
import io.feiyan.team.domain.Project;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * The county centre's monthly menus (每月菜单): publishing one replaces that month's menu and tells
 * intake, which shows it to residents. Publishing an unchanged menu publishes nothing.
 */
@ApplicationScoped
@Transactional
public class MenuService {
    private static final TypeReference<List<MenuPublished.Item>> ITEMS = new TypeReference<>() {
    };

    private final Outbox outbox;
    private final EntityManager entityManager;
    private final ObjectMapper json;

    MenuService(Outbox outbox, EntityManager entityManager, ObjectMapper json) {
        this.outbox = outbox;
        this.entityManager = entityManager;
        this.json = json;
    }

    public MenuPublished publish(String countyCode, YearMonth month, List<MenuPublished.Item> items) {
        List<String> unknown = items.stream().map(MenuPublished.Item::projectCode)
                .filter(code -> {
                    Project project = Project.findById(code);
                    return project == null || !project.active;
                })
                .toList();
        if (!unknown.isEmpty()) {
            throw Problem.of(422, "unknown-project", "The menu names projects not in the catalogue",
                    "not active in the catalogue: " + String.join(", ", unknown)).with("field", "items").exception();
        }
        Optional<MenuPublished> current = find(countyCode, month);
        if (current.isPresent() && current.get().items().equals(items)) {
            return current.get();
        }
        MenuPublished menu = new MenuPublished(countyCode, month, items, Instant.now());
        entityManager.createNativeQuery("""
                insert into menu (county_code, month, items, published_at) values (?1, ?2, cast(?3 as jsonb), ?4)
                on conflict (county_code, month) do update set items = excluded.items,
                    published_at = excluded.published_at""")
                .setParameter(1, countyCode)
                .setParameter(2, month.toString())
                .setParameter(3, toJson(items))
                .setParameter(4, menu.publishedAt())
                .executeUpdate();
        outbox.publish(menu);
        return menu;
    }

    public Optional<MenuPublished> find(String countyCode, YearMonth month) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                "select cast(items as text), published_at from menu where county_code = ?1 and month = ?2")
                .setParameter(1, countyCode)
                .setParameter(2, month.toString())
                .getResultList();
        return rows.stream().findFirst().map(row -> new MenuPublished(countyCode, month, fromJson((String) row[0]),
                SqlTime.instant(row[1])));
    }

    public MenuPublished get(String countyCode, YearMonth month) {
        return find(countyCode, month).orElseThrow(
                () -> Problem.notFound("menu", countyCode + " for " + month).exception());
    }

    private String toJson(List<MenuPublished.Item> items) {
        try {
            return json.writeValueAsString(items);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<MenuPublished.Item> fromJson(String items) {
        try {
            return json.readValue(items, ITEMS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
