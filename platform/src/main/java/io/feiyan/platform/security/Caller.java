package io.feiyan.platform.security;

import io.feiyan.platform.domain.NotAllowed;
import io.quarkus.security.UnauthorizedException;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, from their verified bearer token: the user, their roles, and the region, team or resident
 * they act for. Checks that go beyond a role — the caller's own region, team or orders — ask it and refuse
 * with 403 {@code forbidden}, before anything changes.
 */
@RequestScoped
public class Caller {
    public static final String REGION = "region";
    public static final String TEAM = "team";
    public static final String RESIDENT = "resident";
    public static final String VOLUNTEER = "volunteer";

    private final JsonWebToken token;

    Caller(JsonWebToken token) {
        this.token = token;
    }

    /**
     * The caller's Feiyan id — the registry's volunteer, team member or operator id, e.g. {@code V-zhao-li}: the
     * token's {@code upn} (Keycloak maps the account's {@code feiyanId} attribute there), else its user name, else its
     * subject. None without a token.
     */
    public String id() {
        return token.getName();
    }

    /** The caller's roles; none without a token. */
    public Set<String> roles() {
        return token.getGroups() == null ? Set.of() : token.getGroups();
    }

    public boolean is(String role) {
        return roles().contains(role);
    }

    /** The village, town or county code the caller acts in (volunteers and operators). */
    public Optional<String> region() {
        return Optional.ofNullable(token.<String>getClaim(REGION));
    }

    public Optional<String> team() {
        return Optional.ofNullable(token.<String>getClaim(TEAM));
    }

    /** The resident the caller is (residents only). */
    public Optional<UUID> resident() {
        return Optional.ofNullable(token.<String>getClaim(RESIDENT)).map(UUID::fromString);
    }

    /** The caller's entry in team-service's volunteer registry (volunteers, team leads and members). */
    public Optional<UUID> volunteer() {
        return Optional.ofNullable(token.<String>getClaim(VOLUNTEER)).map(UUID::fromString);
    }

    /** Whether the place (a village, town or county code) lies in the caller's region. */
    public boolean covers(String regionCode) {
        return regionCode != null && region().map(regionCode::startsWith).orElse(false);
    }

    /** Refuses, with the reason, unless {@code allowed}: 401 to a caller without a token, else 403. */
    public void require(boolean allowed, String reason) {
        if (!allowed) {
            throw id() == null ? new UnauthorizedException() : new NotAllowed(reason);
        }
    }
}
