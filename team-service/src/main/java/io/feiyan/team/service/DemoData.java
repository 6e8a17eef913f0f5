package io.feiyan.team.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.feiyan.events.MenuPublished;
import io.feiyan.team.domain.Project;
import io.feiyan.team.domain.Team;
import io.feiyan.team.domain.Volunteer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Loads the demo county (demo/tancheng-county.json) at start when {@code feiyan.demo-data.enabled}
 * is true: projects, teams, the villages' registered volunteers, and the menu for this month and the next. Saving an
 * unchanged entry publishes nothing and a registered volunteer is kept as they are, so every restart is a no-op after
 * the first. A volunteer with an {@code account} is a demo user of the local run's Keycloak too, whose token names
 * this registry entry ({@code volunteer} claim).
 */
@ApplicationScoped
public class DemoData {
    private static final Logger LOG = Logger.getLogger(DemoData.class);
    static final String RESOURCE = "demo/tancheng-county.json";

    record DemoSet(List<Project> projects, List<Team> teams, List<DemoVolunteer> volunteers, DemoMenu menu) {
    }

    record DemoVolunteer(UUID id, String account, String name, String phone, String villageCode, List<String> skills,
            List<String> teamCodes, LocalDate joinedOn) {
        Volunteer toVolunteer() {
            Volunteer volunteer = new Volunteer();
            volunteer.id = id;
            volunteer.name = name;
            volunteer.phone = phone;
            volunteer.villageCode = villageCode;
            volunteer.skills = new ArrayList<>(skills);
            volunteer.teamCodes = new ArrayList<>(teamCodes);
            volunteer.joinedOn = joinedOn;
            return volunteer;
        }
    }

    record DemoMenu(String countyCode, List<MenuPublished.Item> items) {
    }

    void load(@Observes StartupEvent startup, @ConfigProperty(name = "feiyan.demo-data.enabled") boolean enabled,
            ObjectMapper json, DirectoryService directory, MenuService menus,
            @ConfigProperty(name = "feiyan.time-zone") ZoneId zone) {
        if (!enabled) {
            return;
        }
        DemoSet demo = read(json);
        demo.projects().forEach(directory::saveProject);
        demo.teams().forEach(directory::saveTeam);
        int registered = QuarkusTransaction.requiringNew().call(() -> {
            int added = 0;
            for (DemoVolunteer volunteer : demo.volunteers()) {
                if (Volunteer.findById(volunteer.id()) == null) {
                    volunteer.toVolunteer().persist();
                    added++;
                }
            }
            return added;
        });
        YearMonth thisMonth = YearMonth.now(zone);
        for (YearMonth month : List.of(thisMonth, thisMonth.plusMonths(1))) {
            menus.publish(demo.menu().countyCode(), month, demo.menu().items());
        }
        LOG.infof("demo data: %d projects, %d teams, %d volunteers (%d new) and the menus of %s and %s in place",
                demo.projects().size(), demo.teams().size(), demo.volunteers().size(), registered, thisMonth,
                thisMonth.plusMonths(1));
    }

    private static DemoSet read(ObjectMapper json) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            return json.readValue(in, DemoSet.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
