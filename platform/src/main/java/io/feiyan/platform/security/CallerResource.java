package io.feiyan.platform.security;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.Set;
import java.util.UUID;

/** Who the service takes the caller to be, from their token: for clients, and to check a token works. */
@Path("/api/me")
@Authenticated
public class CallerResource {
    private final Caller caller;

    CallerResource(Caller caller) {
        this.caller = caller;
    }

    public record Me(String id, Set<String> roles, String region, String team, UUID resident, UUID volunteer) {
    }

    @GET
    public Me me() {
        return new Me(caller.id(), caller.roles(), caller.region().orElse(null), caller.team().orElse(null),
                caller.resident().orElse(null), caller.volunteer().orElse(null));
    }
}
