package io.feiyan.team.service;

import io.feiyan.platform.domain.NotFound;
import io.feiyan.platform.domain.Unprocessable;
import io.feiyan.platform.messaging.Outbox;
import io.feiyan.team.domain.Category;
import io.feiyan.team.domain.Project;
import io.feiyan.team.domain.Team;
import io.feiyan.team.domain.Volunteer;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * The team directory and the service catalogue. Every change is published (TeamUpdated,
 * ProjectUpdated) so dispatch and intake keep their own copies; saving an unchanged entry publishes nothing.
 */
@ApplicationScoped
@Transactional
public class DirectoryService {
    private final Outbox outbox;

    DirectoryService(Outbox outbox) {
        this.outbox = outbox;
    }

    public Project saveProject(Project wanted) {
        if (Category.findById(wanted.category) == null) {
            throw new Unprocessable("unknown-category", "No such category", "the county has no category "
                    + wanted.category + "; add it under /api/categories first").with("field", "category");
        }
        Project current = Project.findById(wanted.code);
        if (current != null && current.toEvent().equals(wanted.toEvent())) {
            current.servedAt = wanted.servedAt;
            return current;
        }
        Project saved = current == null ? wanted : copy(wanted, current);
        saved.persist();
        outbox.publish(saved.toEvent());
        return saved;
    }

    public Team saveTeam(Team wanted) {
        List<String> unknown = wanted.projectCodes.stream()
                .filter(code -> Project.findById(code) == null)
                .toList();
        if (!unknown.isEmpty()) {
            throw new Unprocessable("unknown-project", "The team offers projects not in the catalogue",
                    "not in the catalogue: " + String.join(", ", unknown))
                    .with("field", "projectCodes");
        }
        if (wanted.leaderId != null && Volunteer.findById(wanted.leaderId) == null) {
            throw new Unprocessable("unknown-volunteer", "No such volunteer", "no volunteer " + wanted.leaderId
                    + " to lead the team").with("field", "leaderId");
        }
        Team current = Team.findById(wanted.code);
        if (current != null && current.toEvent().equals(wanted.toEvent())) {
            current.leaderId = wanted.leaderId;
            return current;
        }
        Team saved = current == null ? wanted : copy(wanted, current);
        saved.persist();
        outbox.publish(saved.toEvent());
        return saved;
    }

    public List<Team> teams() {
        return Team.listAll(Sort.by("code"));
    }

    public List<Project> projects() {
        return Project.listAll(Sort.by("code"));
    }

    public Team team(String code) {
        Team team = Team.findById(code);
        if (team == null) {
            throw new NotFound("team", code);
        }
        return team;
    }

    private static Project copy(Project from, Project to) {
        to.name = from.name;
        to.category = from.category;
        to.aimedAt = from.aimedAt;
        to.servedAt = from.servedAt;
        to.active = from.active;
        to.perVisit = from.perVisit;
        to.gathersAt = from.gathersAt;
        return to;
    }

    private static Team copy(Team from, Team to) {
        to.name = from.name;
        to.tier = from.tier;
        to.regionCode = from.regionCode;
        to.projectCodes = from.projectCodes;
        to.capacity = from.capacity;
        to.active = from.active;
        to.leaderId = from.leaderId;
        return to;
    }
}
