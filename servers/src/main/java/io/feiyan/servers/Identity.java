package io.feiyan.servers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Who a token speaks for: the user (their Feiyan id), their roles, where and for whom they act, and — for a volunteer,
 * team lead or member — their entry in team-service's volunteer registry.
 */
public record Identity(String subject, List<String> roles, String region, String team, UUID resident, UUID volunteer) {
    public static Identity resident(UUID residentId) {
        return new Identity("resident-" + residentId, List.of("resident"), null, null, residentId, null);
    }

    /** A village volunteer (飞燕) of that village. */
    public static Identity volunteer(String id, String villageCode) {
        return new Identity(id, List.of("volunteer"), villageCode, null, null, null);
    }

    /** An operator of the station, institute or centre of that village, town or county. */
    public static Identity operator(String id, String regionCode) {
        return new Identity(id, List.of("operator"), regionCode, null, null, null);
    }

    public static Identity teamMember(String id, String teamCode) {
        return new Identity(id, List.of("team-member"), null, teamCode, null, null);
    }

    public static Identity teamLead(String id, String teamCode) {
        return new Identity(id, List.of("team-member", "team-lead"), null, teamCode, null, null);
    }

    public static Identity analyst(String id) {
        return new Identity(id, List.of("analyst"), null, null, null, null);
    }

    public static Identity admin(String id) {
        return new Identity(id, List.of("admin"), null, null, null, null);
    }

    /** A service that texts residents (notification-service's service account). */
    public static Identity notifier(String id) {
        return new Identity(id, List.of("notifier"), null, null, null, null);
    }

    /**
     * Where and for whom they act, by the names the services read them by (token claims; Keycloak's user attributes
     * of the same names): those of region, team, resident and volunteer they have.
     */
    public Map<String, String> actingFor() {
        Map<String, String> acting = new LinkedHashMap<>();
        if (region != null) {
            acting.put("region", region);
        }
        if (team != null) {
            acting.put("team", team);
        }
        if (resident != null) {
            acting.put("resident", resident.toString());
        }
        if (volunteer != null) {
            acting.put("volunteer", volunteer.toString());
        }
        return acting;
    }

    /** The same person, named as the volunteer with this id in team-service's registry. */
    public Identity registeredAs(UUID volunteerId) {
        return new Identity(subject, roles, region, team, resident, volunteerId);
    }
}
