package io.feiyan.notification.rest;

import io.feiyan.notification.domain.NotificationChannel;
import io.feiyan.notification.domain.Person;
import io.feiyan.notification.domain.QuietHours;
import io.feiyan.notification.service.NotificationConfig;
import io.feiyan.notification.service.People;
import io.feiyan.platform.rest.Validation;
import io.feiyan.platform.security.Caller;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How the signed-in caller wants to be told: channels, quiet hours, and (a team member) being on duty. */
@Path("/api/notifications/preferences")
@Authenticated
public class PreferencesResource {
    private static final Pattern HOURS = Pattern.compile("\\d{2}:\\d{2}-\\d{2}:\\d{2}");

    @Schema(name = "NotificationPreferences")
    public record Preferences(
            @Schema(description = "the channels to be told by", example = "[\"PUSH\"]") List<String> channels,
            @Schema(description = "local hours when only critical news comes; the county's when null",
                    example = "22:00-07:00") String quietHours,
            @Schema(description = "a team member on duty is told of the team's offers as its leads are") Boolean onDuty,
            @Schema(description = "the channels this caller may choose", readOnly = true) List<String> open) {
    }

    private final People people;
    private final Caller caller;
    private final NotificationConfig config;

    PreferencesResource(People people, Caller caller, NotificationConfig config) {
        this.people = people;
        this.caller = caller;
        this.config = config;
    }

    @GET
    @Operation(summary = "How the caller is told (the county's defaults until they choose)")
    public Preferences mine() {
        return view(people.seen(caller));
    }

    @PUT
    @Operation(summary = "Choose channels, quiet hours and being on duty")
    public Preferences choose(Preferences chosen) {
        Validation validation = new Validation().present(chosen, "body");
        validation.orThrow();
        List<NotificationChannel> open = People.open(caller);
        List<NotificationChannel> channels = new ArrayList<>();
        List<String> asked = chosen.channels() == null ? List.of() : chosen.channels();
        for (String name : asked) {
            NotificationChannel channel = Validation.enumValue(NotificationChannel.class, name, "channels");
            validation.require(open.contains(channel), "channels", "not open to you: " + name);
            if (!channels.contains(channel)) {
                channels.add(channel);
            }
        }
        validation.require(chosen.quietHours() == null || HOURS.matcher(chosen.quietHours()).matches(),
                "quietHours", "must be HH:MM-HH:MM");
        validation.orThrow();
        QuietHours quiet;
        try {
            quiet = chosen.quietHours() == null ? null : QuietHours.parse(chosen.quietHours());
        } catch (RuntimeException e) {
            new Validation().require(false, "quietHours", "must be times of day, HH:MM-HH:MM").orThrow();
            return null;
        }
        return view(people.choose(caller, channels, quiet, Boolean.TRUE.equals(chosen.onDuty())));
    }

    private Preferences view(Person person) {
        return new Preferences(List.copyOf(person.channels),
                person.quietHours(config.quietHours()).toString(), person.onDuty,
                People.open(caller).stream().map(Enum::name).toList());
    }
}
