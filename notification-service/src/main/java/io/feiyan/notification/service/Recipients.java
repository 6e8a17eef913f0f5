package io.feiyan.notification.service;

import io.feiyan.notification.channels.Channel;
import io.feiyan.notification.domain.Audience;
import io.feiyan.notification.domain.NotificationChannel;
import io.feiyan.notification.domain.Person;
import io.feiyan.notification.domain.QuietHours;
import io.feiyan.notification.domain.Recipient;
import io.feiyan.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Who an audience is, and how each of them is to be told: the channels they chose that reach them, and their quiet
 * hours. People are those known here (they turned notifications on in the app); a resident who never signed in is
 * told on the county's defaults for residents.
 */
@ApplicationScoped
public class Recipients {
    /** One recipient of a notice, with the channels it goes by and the hours it waits out. */
    public record Addressee(Recipient recipient, List<NotificationChannel> channels, QuietHours quietHours) {
    }

    private final EntityManager entityManager;
    private final Map<NotificationChannel, Channel> channels = new EnumMap<>(NotificationChannel.class);
    private final NotificationConfig config;

    Recipients(EntityManager entityManager, Instance<Channel> channels, NotificationConfig config) {
        this.entityManager = entityManager;
        channels.forEach(channel -> this.channels.put(channel.name(), channel));
        this.config = config;
    }

    public List<Addressee> of(Audience audience) {
        if (audience instanceof Audience.TeamOf team) {
            return people("""
                    select * from person
                    where team_code = ?1 and (?2 = any(roles) or (?3 = any(roles) and on_duty))""",
                    team.teamCode(), Roles.TEAM_LEAD, Roles.TEAM_MEMBER);
        }
        if (audience instanceof Audience.Person person) {
            return people("select * from person where feiyan_id = ?1", person.feiyanId());
        }
        if (audience instanceof Audience.OperatorsOf operators) {
            return people("""
                    select * from person
                    where ?1 = any(roles) and region_code is not null and ?2 like region_code || '%'""",
                    Roles.OPERATOR, operators.villageCode());
        }
        if (audience instanceof Audience.VolunteersOf volunteers) {
            return people("select * from person where ?1 = any(roles) and region_code = ?2",
                    Roles.VOLUNTEER, volunteers.villageCode());
        }
        Audience.Resident resident = (Audience.Resident) audience;
        Recipient recipient = Recipient.resident(resident.residentId());
        List<Person> signedIn = list("select * from person where resident_id = ?1", resident.residentId());
        List<String> chosen = signedIn.isEmpty() ? config.residentChannels() : signedIn.get(0).channels;
        QuietHours quiet = signedIn.isEmpty() ? config.quietHours() : signedIn.get(0).quietHours(config.quietHours());
        List<NotificationChannel> by = reaching(recipient, chosen);
        return by.isEmpty() ? List.of() : List.of(new Addressee(recipient, by, quiet));
    }

    private List<Addressee> people(String sql, Object... parameters) {
        List<Addressee> addressees = new ArrayList<>();
        for (Person person : list(sql, parameters)) {
            Addressee addressee = addressee(person);
            if (!addressee.channels().isEmpty()) {
                addressees.add(addressee);
            }
        }
        return addressees;
    }

    private Addressee addressee(Person person) {
        Recipient recipient = Recipient.person(person.feiyanId);
        return new Addressee(recipient, reaching(recipient, person.channels), person.quietHours(config.quietHours()));
    }

    /** The chosen channels this service has that reach the recipient. */
    private List<NotificationChannel> reaching(Recipient recipient, List<String> chosen) {
        List<NotificationChannel> by = new ArrayList<>();
        for (String name : chosen) {
            Channel channel = channels.get(NotificationChannel.valueOf(name));
            if (channel != null && channel.reaches(recipient)) {
                by.add(channel.name());
            }
        }
        return by;
    }

    @SuppressWarnings("unchecked")
    private List<Person> list(String sql, Object... parameters) {
        var query = entityManager.createNativeQuery(sql, Person.class);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query.getResultList();
    }
}
