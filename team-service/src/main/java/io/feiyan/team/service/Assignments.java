package io.feiyan.team.service;

import io.feiyan.platform.domain.NotFound;
import io.feiyan.team.domain.Assignment;
import io.feiyan.team.domain.AssignmentStatus;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The teams' work as it stands: one assignment, a team's or all, and a team's inbox. */
@ApplicationScoped
@Transactional
public class Assignments {

    /**
     * A team's inbox: new offers, accepted orders (with a time: scheduled) and recently completed ones, of the orders
     * it serves alone (those of an activity are in {@link Activities#inbox}).
     */
    public record Inbox(List<Assignment> offered, List<Assignment> accepted, List<Assignment> scheduled,
            List<Assignment> completed) {
    }

    public Inbox inbox(String teamCode) {
        List<Assignment> open = Assignment.list("teamCode = ?1 and activityId is null and status in ?2",
                Sort.ascending("acceptBy"), teamCode,
                List.of(AssignmentStatus.OFFERED, AssignmentStatus.ACCEPTED));
        List<Assignment> completed = Assignment.find("teamCode = ?1 and activityId is null and status = ?2",
                Sort.descending("completedAt"), teamCode, AssignmentStatus.COMPLETED).page(0, 20).list();
        return new Inbox(
                open.stream().filter(a -> a.status == AssignmentStatus.OFFERED).toList(),
                open.stream().filter(a -> a.status == AssignmentStatus.ACCEPTED && a.scheduledFor == null).toList(),
                open.stream().filter(a -> a.status == AssignmentStatus.ACCEPTED && a.scheduledFor != null)
                        .sorted(Comparator.comparing(a -> a.scheduledFor)).toList(),
                completed);
    }

    public Assignment get(UUID orderId) {
        Assignment assignment = Assignment.findById(orderId);
        if (assignment == null) {
            throw new NotFound("assignment", orderId);
        }
        return assignment;
    }

    public List<Assignment> list(String teamCode, AssignmentStatus status) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (teamCode != null) {
            query.append(" and teamCode = :team");
            params.put("team", teamCode);
        }
        if (status != null) {
            query.append(" and status = :status");
            params.put("status", status);
        }
        return Assignment.list(query.toString(), Sort.descending("assignedAt"), params);
    }
}
