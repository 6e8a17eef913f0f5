package io.feiyan.team.rest;

import io.feiyan.platform.domain.NotAllowed;
import io.feiyan.platform.security.Caller;
import io.feiyan.platform.security.Roles;

/** The team a caller's token names, as the team's orders and activities are seen and acted on. */
final class CallerTeam {
    private CallerTeam() {
    }

    /** The team whose assignments and activities the caller may see: a member sees their own team's only. */
    static String visible(Caller caller, String team) {
        if (caller.is(Roles.OPERATOR) || caller.is(Roles.ADMIN)) {
            return team;
        }
        String own = led(caller);
        caller.require(team == null || team.equals(own), "you see your own team's assignments only");
        return own;
    }

    /** The team the caller leads (or belongs to), which acts on its assignments and activities. */
    static String led(Caller caller) {
        return caller.team().orElseThrow(() -> new NotAllowed("your token names no team"));
    }
}
