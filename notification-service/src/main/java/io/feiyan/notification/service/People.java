package io.feiyan.notification.service;

import io.feiyan.notification.domain.NotificationChannel;
import io.feiyan.notification.domain.Person;
import io.feiyan.notification.domain.QuietHours;
import io.feiyan.platform.security.Caller;
import io.feiyan.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The people who can be told, as their tokens say they are, and the choices they made. */
@ApplicationScoped
@Transactional
public class People {
    private final NotificationConfig config;

    People(NotificationConfig config) {
        this.config = config;
    }

    /**
     * The caller as this service knows them, made known (on the county's defaults) at their first call, and brought
     * up to date with their token at each: a lead who moved teams is told of the new team's offers.
     */
    public Person seen(Caller caller) {
        Person person = Person.findById(caller.id());
        boolean known = person != null;
        if (!known) {
            person = new Person();
            person.feiyanId = caller.id();
            person.channels = new ArrayList<>(caller.resident().isPresent() ? config.residentChannels()
                    : config.personChannels());
        }
        person.roles = new ArrayList<>(caller.roles());
        person.teamCode = caller.team().orElse(null);
        person.regionCode = caller.region().orElse(null);
        person.residentId = caller.resident().orElse(null);
        person.updatedAt = Instant.now();
        if (!known) {
            // persisted whole: the insert takes the state it has now (its columns are not null)
            person.persist();
        }
        return person;
    }

    public Person choose(Caller caller, List<NotificationChannel> channels, QuietHours quietHours, boolean onDuty) {
        Person person = seen(caller);
        person.channels = new ArrayList<>(channels.stream().map(Enum::name).toList());
        person.quietFrom = quietHours == null ? null : quietHours.from();
        person.quietTo = quietHours == null ? null : quietHours.to();
        person.onDuty = onDuty && caller.is(Roles.TEAM_MEMBER);
        return person;
    }

    /** The channels the caller may choose: the app's push for all; SMS and WeChat for residents, whose numbers intake holds. */
    public static List<NotificationChannel> open(Caller caller) {
        return caller.resident().isPresent() ? List.of(NotificationChannel.values()) : List.of(NotificationChannel.PUSH);
    }
}
