package io.feiyan.intake.open311;

import io.feiyan.events.OrderAssigned;
import io.feiyan.events.OrderEvent;
import io.feiyan.events.Urgency;
import io.feiyan.intake.domain.Order;
import io.feiyan.intake.service.ResidentAccess;
import io.feiyan.intake.domain.OrderStatus;
import io.feiyan.intake.domain.Project;
import io.feiyan.intake.domain.Team;
import io.feiyan.intake.service.OrderHistory;
import io.feiyan.intake.service.Timeline;
import io.feiyan.platform.domain.NotFound;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Feiyan in GeoReport v2 words: the catalogue's projects are services, and "other" stands for a need
 * not on the menu; orders are service requests, a village code is an {@code address_id}, and the team
 * an order is with is the {@code agency_responsible}.
 */
@ApplicationScoped
@Transactional
public class Open311Service {
    /** The service code of a need in the resident's own words. */
    public static final String OTHER = "other";
    static final int MAX_REQUESTS = 1000;

    private final OrderHistory history;
    private final Timeline timeline;
    private final DateTimeFormatter isoWithZone;

    Open311Service(OrderHistory history, Timeline timeline, @ConfigProperty(name = "feiyan.time-zone") ZoneId zone) {
        this.history = history;
        this.timeline = timeline;
        this.isoWithZone = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(zone);
    }

    public List<Map<String, Object>> services() {
        List<Map<String, Object>> services = new ArrayList<>();
        for (Project project : Project.<Project>list("active = true", Sort.by("category").and("code"))) {
            services.add(service(project.code, project.name, "From the county's catalogue of volunteer services",
                    String.join(",", project.aimedAt), project.category));
        }
        services.add(service(OTHER, "Something else", "A need not on the menu, in your own words; "
                + "reviewed before a team is sent. Give its category.", null, null));
        return services;
    }

    public Map<String, Object> definition(String serviceCode) {
        List<Object> attributes = new ArrayList<>();
        if (OTHER.equals(serviceCode)) {
            List<Map<String, Object>> categories = Project.<Project>list("active = true").stream()
                    .map(project -> project.category).distinct().sorted()
                    .map(category -> value(category, category)).toList();
            attributes.add(attribute("category", "string", true, "What kind of need it is", 1, categories));
        } else {
            Project project = Project.findById(serviceCode);
            if (project == null || !project.active) {
                throw new NotFound("service", serviceCode);
            }
        }
        List<Map<String, Object>> urgencies = List.of(value(Urgency.CRITICAL.name(), "Life or property at stake (2 hours)"),
                value(Urgency.URGENT.name(), "Daily life disrupted (24 hours)"),
                value(Urgency.ROUTINE.name(), "Routine (7 days), the default"),
                value(Urgency.COMPLEX.name(), "Needs planning (15 days)"));
        attributes.add(attribute("urgency", "string", false, "How soon it is needed", 2, urgencies));
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("service_code", serviceCode);
        definition.put("attributes", new Open311Document.Items("attribute", attributes));
        return definition;
    }


    /**
     * Requests by the spec's filters: a list of ids wins over the rest; otherwise service code, status
     * (open, closed) and placement time, by default the last 90 days; newest first, at most 1000; all within
     * the caller's scope.
     */
    public List<Map<String, Object>> requests(ResidentAccess.Scope scope, List<UUID> ids, String serviceCode,
            List<String> statuses, Instant start, Instant end) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        scope.narrow(where, parameters, "residentId");
        if (!ids.isEmpty()) {
            return Order.<Order>list(where + " and id in :ids", Sort.descending("placedAt"), parameters.and("ids", ids))
                    .stream().map(this::request).toList();
        }
        Instant to = end == null ? Instant.now() : end;
        where.append(" and placedAt >= :start and placedAt <= :end");
        parameters.and("start", start == null ? to.minus(java.time.Duration.ofDays(90)) : start).and("end", to);
        if (serviceCode != null) {
            where.append(OTHER.equals(serviceCode) ? " and projectCode is null" : " and projectCode = :code");
            if (!OTHER.equals(serviceCode)) {
                parameters.and("code", serviceCode);
            }
        }
        if (!statuses.isEmpty()) {
            List<OrderStatus> wanted = new ArrayList<>();
            for (OrderStatus status : OrderStatus.values()) {
                if (statuses.contains(status.isOpen() ? "open" : "closed")) {
                    wanted.add(status);
                }
            }
            where.append(" and status in :statuses");
            parameters.and("statuses", wanted);
        }
        return Order.<Order>find(where.toString(), Sort.descending("placedAt"), parameters)
                .page(0, MAX_REQUESTS).list().stream().map(this::request).toList();
    }

    public Map<String, Object> request(Order order) {
        List<OrderEvent> events = history.of(order.id);
        Optional<OrderAssigned> assigned = events.stream().filter(OrderAssigned.class::isInstance)
                .map(OrderAssigned.class::cast).reduce((first, second) -> second);
        OrderEvent last = events.isEmpty() ? null : events.get(events.size() - 1);
        Instant updated = last == null ? order.placedAt : last.occurredAt();
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("service_request_id", order.id.toString());
        request.put("status", order.status.isOpen() ? "open" : "closed");
        // the last step in words: what a resident asking "where is my order?" needs to hear
        request.put("status_notes", last == null ? null : timeline.describe(order, last));
        request.put("service_name", order.projectCode == null ? "Something else (" + order.category + ")"
                : Optional.ofNullable(Project.<Project>findById(order.projectCode)).map(p -> p.name)
                        .orElse(order.projectCode));
        request.put("service_code", order.projectCode == null ? OTHER : order.projectCode);
        request.put("description", order.description);
        request.put("agency_responsible", assigned.map(a -> Team.nameOf(a.teamCode())).orElse(null));
        request.put("service_notice", null);
        request.put("requested_datetime", isoWithZone.format(order.placedAt));
        request.put("updated_datetime", isoWithZone.format(updated));
        request.put("expected_datetime", assigned.map(a -> isoWithZone.format(a.deadline())).orElse(null));
        request.put("address", null);
        request.put("address_id", order.villageCode);
        request.put("zipcode", null);
        request.put("lat", null);
        request.put("long", null);
        request.put("media_url", null);
        return request;
    }

    private static Map<String, Object> service(String code, String name, String description, String keywords,
            String group) {
        Map<String, Object> service = new LinkedHashMap<>();
        service.put("service_code", code);
        service.put("service_name", name);
        service.put("description", description);
        service.put("metadata", true);
        service.put("type", "realtime");
        service.put("keywords", keywords == null || keywords.isEmpty() ? null : keywords);
        service.put("group", group);
        return service;
    }

    private static Map<String, Object> attribute(String code, String datatype, boolean required, String description,
            int order, List<Map<String, Object>> values) {
        Map<String, Object> attribute = new LinkedHashMap<>();
        attribute.put("variable", true);
        attribute.put("code", code);
        attribute.put("datatype", values.isEmpty() ? datatype : "singlevaluelist");
        attribute.put("required", required);
        attribute.put("datatype_description", null);
        attribute.put("order", order);
        attribute.put("description", description);
        attribute.put("values", new Open311Document.Items("value", values));
        return attribute;
    }

    private static Map<String, Object> value(String key, String name) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("key", key);
        value.put("name", name);
        return value;
    }
}
