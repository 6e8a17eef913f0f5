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
     * A team's inbox: new offers (its own, and those made to several teams at once that it has not declined),
     * accepted orders (with a time: scheduled) and recently completed ones, of the orders it serves alone (those of an
     * activity are in {@link Activities#inbox}); and the recent offers another team of several took first (withdrawn
     * from this one).
     */
    public record Inbox(List<Assignment> offered, List<Assignment> accepted, List<Assignment> scheduled,
            List<Assignment> completed, List<Assignment> withdrawn) {
    }

    public Inbox inbox(String teamCode) {
        List<Assignment> open = Assignment.list("(teamCode = ?1 or array_contains(offeredTo, ?1)) and activityId is null"
                + " and status in ?2", Sort.ascending("acceptBy"), teamCode,
                List.of(AssignmentStatus.OFFERED, AssignmentStatus.ACCEPTED));
        List<Assignment> completed = Assignment.find("teamCode = ?1 and activityId is null and status = ?2",
                Sort.descending("completedAt"), teamCode, AssignmentStatus.COMPLETED).page(0, 20).list();
        List<Assignment> withdrawn = Assignment.find("array_contains(offeredTo, ?1) and teamCode <> ?1"
                        + " and not array_contains(declinedBy, ?1) and status in ?2", Sort.descending("acceptedAt"),
                teamCode, List.of(AssignmentStatus.ACCEPTED, AssignmentStatus.COMPLETED)).page(0, 20).list();
        List<Assignment> accepted = open.stream()
                .filter(a -> a.status == AssignmentStatus.ACCEPTED && a.teamCode.equals(teamCode)).toList();
        return new Inbox(
                open.stream().filter(a -> a.status == AssignmentStatus.OFFERED)
                        .filter(a -> a.offeredTo.isEmpty() || a.isOfferedTo(teamCode)).toList(),
                accepted.stream().filter(a -> a.scheduledFor == null).toList(),
                accepted.stream().filter(a -> a.scheduledFor != null)
                        .sorted(Comparator.comparing(a -> a.scheduledFor)).toList(),
                completed,
                withdrawn);
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
