package io.feiyan.servers;

import java.util.List;
import java.util.UUID;

/** Who a token speaks for: the user, their roles, and where and for whom they act. */
public record Identity(String subject, List<String> roles, String region, String team, UUID resident) {
    public static Identity resident(UUID residentId) {
        return new Identity("resident-" + residentId, List.of("resident"), null, null, residentId);
    }

    /** A village volunteer (飞燕) of that village. */
    public static Identity volunteer(String id, String villageCode) {
        return new Identity(id, List.of("volunteer"), villageCode, null, null);
    }

    /** An operator of the station, institute or centre of that village, town or county. */
    public static Identity operator(String id, String regionCode) {
        return new Identity(id, List.of("operator"), regionCode, null, null);
    }

    public static Identity teamMember(String id, String teamCode) {
        return new Identity(id, List.of("team-member"), null, teamCode, null);
    }

    public static Identity teamLead(String id, String teamCode) {
        return new Identity(id, List.of("team-member", "team-lead"), null, teamCode, null);
    }

    public static Identity analyst(String id) {
        return new Identity(id, List.of("analyst"), null, null, null);
    }

    public static Identity admin(String id) {
        return new Identity(id, List.of("admin"), null, null, null);
    }
}
