package io.feiyan.team.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feiyan.events.MenuPublished;
import io.feiyan.platform.domain.IllegalMove;
import io.feiyan.platform.domain.NotFound;
import io.feiyan.platform.domain.Unprocessable;
import io.feiyan.platform.messaging.Outbox;
import io.feiyan.platform.messaging.SqlTime;
import io.feiyan.team.domain.Project;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The county centre's monthly menus (每月菜单). A draft is made from last month's demand, edited, and
 * published; a published version never changes, and publishing again makes a new version that
 * supersedes it. Intake shows residents the latest version.
 */
@ApplicationScoped
@Transactional
public class MenuService {
    private static final TypeReference<List<MenuPublished.Item>> ITEMS = new TypeReference<>() {
    };

    private final Outbox outbox;
    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final MenuDemand demand;

    MenuService(Outbox outbox, EntityManager entityManager, ObjectMapper json, MenuDemand demand) {
        this.outbox = outbox;
        this.entityManager = entityManager;
        this.json = json;
        this.demand = demand;
    }

    /** A menu not yet published. */
    public record Draft(String countyCode, YearMonth month, int version, List<MenuPublished.Item> items) {
    }

    /** Publishes these items as the month's menu now; the same items as the latest version publish nothing. */
    public MenuPublished publish(String countyCode, YearMonth month, List<MenuPublished.Item> items) {
        requireCatalogue(items);
        Optional<MenuPublished> current = find(countyCode, month);
        if (current.isPresent() && current.get().items().equals(items)) {
            return current.get();
        }
        deleteDraft(countyCode, month);
        MenuPublished menu = new MenuPublished(countyCode, month, current.map(m -> m.version() + 1).orElse(1), items,
                Instant.now());
        insert(countyCode, month, menu.version(), "PUBLISHED", items, menu.publishedAt());
        outbox.publish(menu);
        return menu;
    }

    /**
     * Drafts the month's menu from the month before's demand in the county: the projects ordered there, most
     * ordered first, each with a note of how often and in how many towns. Drafting again starts over from the
     * demand, replacing an unpublished draft.
     */
    public Draft draft(String countyCode, YearMonth month) {
        List<MenuPublished.Item> items = new ArrayList<>();
        for (MenuDemand.ProjectOrdered ordered : demand.projects(countyCode, month.minusMonths(1))) {
            Project project = Project.findById(ordered.projectCode());
            if (project != null && project.active) {
                items.add(new MenuPublished.Item(ordered.projectCode(), "ordered " + ordered.orders() + " times in "
                        + ordered.towns() + (ordered.towns() == 1 ? " town" : " towns") + " last month"));
            }
        }
        return saveDraft(countyCode, month, items);
    }

    /** Replaces the draft's items (making the draft if there is none): what the centre decided. */
    public Draft editDraft(String countyCode, YearMonth month, List<MenuPublished.Item> items) {
        requireCatalogue(items);
        return saveDraft(countyCode, month, items);
    }

    private Draft saveDraft(String countyCode, YearMonth month, List<MenuPublished.Item> items) {
        Optional<Draft> existing = findDraft(countyCode, month);
        if (existing.isEmpty()) {
            int version = find(countyCode, month).map(m -> m.version() + 1).orElse(1);
            insert(countyCode, month, version, "DRAFT", items, null);
            return new Draft(countyCode, month, version, items);
        }
        entityManager.createNativeQuery("""
                update menu set items = cast(?1 as jsonb)
                where county_code = ?2 and month = ?3 and status = 'DRAFT'""")
                .setParameter(1, toJson(items)).setParameter(2, countyCode).setParameter(3, month.toString())
                .executeUpdate();
        return new Draft(countyCode, month, existing.get().version(), items);
    }

    /** Publishes the draft as the month's next version. */
    public MenuPublished publishDraft(String countyCode, YearMonth month) {
        Draft draft = getDraft(countyCode, month);
        if (draft.items().isEmpty()) {
            throw new IllegalMove("empty-menu", "The draft names no project", "add projects to the draft first");
        }
        requireCatalogue(draft.items());
        MenuPublished menu = new MenuPublished(countyCode, month, draft.version(), draft.items(), Instant.now());
        entityManager.createNativeQuery("""
                update menu set status = 'PUBLISHED', published_at = ?1
                where county_code = ?2 and month = ?3 and status = 'DRAFT'""")
                .setParameter(1, menu.publishedAt()).setParameter(2, countyCode).setParameter(3, month.toString())
                .executeUpdate();
        outbox.publish(menu);
        return menu;
    }

    /** The latest published version. */
    public Optional<MenuPublished> find(String countyCode, YearMonth month) {
        return rows(countyCode, month, "PUBLISHED").stream().findFirst()
                .map(row -> new MenuPublished(countyCode, month, ((Number) row[0]).intValue(), fromJson((String) row[1]),
                        SqlTime.instant(row[2])));
    }

    public MenuPublished get(String countyCode, YearMonth month) {
        return find(countyCode, month).orElseThrow(() -> new NotFound("menu", countyCode + " for " + month));
    }

    public Draft getDraft(String countyCode, YearMonth month) {
        return findDraft(countyCode, month).orElseThrow(() -> new NotFound("draft menu", countyCode + " for " + month));
    }

    public Optional<Draft> findDraft(String countyCode, YearMonth month) {
        return rows(countyCode, month, "DRAFT").stream().findFirst()
                .map(row -> new Draft(countyCode, month, ((Number) row[0]).intValue(), fromJson((String) row[1])));
    }

    private List<Object[]> rows(String countyCode, YearMonth month, String status) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select version, cast(items as text), published_at from menu
                where county_code = ?1 and month = ?2 and status = ?3 order by version desc limit 1""")
                .setParameter(1, countyCode).setParameter(2, month.toString()).setParameter(3, status)
                .getResultList();
        return rows;
    }

    private void insert(String countyCode, YearMonth month, int version, String status, List<MenuPublished.Item> items,
            Instant publishedAt) {
        entityManager.createNativeQuery("""
                insert into menu (county_code, month, version, status, items, published_at)
                values (?1, ?2, ?3, ?4, cast(?5 as jsonb), ?6)""")
                .setParameter(1, countyCode).setParameter(2, month.toString()).setParameter(3, version)
                .setParameter(4, status).setParameter(5, toJson(items)).setParameter(6, publishedAt)
                .executeUpdate();
    }

    private void deleteDraft(String countyCode, YearMonth month) {
        entityManager.createNativeQuery("delete from menu where county_code = ?1 and month = ?2 and status = 'DRAFT'")
                .setParameter(1, countyCode).setParameter(2, month.toString()).executeUpdate();
    }

    private static void requireCatalogue(List<MenuPublished.Item> items) {
        List<String> unknown = items.stream().map(MenuPublished.Item::projectCode)
                .filter(code -> {
                    Project project = Project.findById(code);
                    return project == null || !project.active;
                })
                .toList();
        if (!unknown.isEmpty()) {
            throw new Unprocessable("unknown-project", "The menu names projects not in the catalogue",
                    "not active in the catalogue: " + String.join(", ", unknown)).with("field", "items");
        }
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
