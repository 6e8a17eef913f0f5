package io.feiyan.platform.messaging;

import io.feiyan.platform.domain.Conflict;
import io.feiyan.platform.domain.IllegalMove;
import io.feiyan.platform.domain.NotFound;
import io.feiyan.platform.domain.TryAgain;
import io.feiyan.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.UUID;

/**
 * The records this service set aside as dead letters, for an administrator: list them with their reasons, fix the
 * cause, and replay them. A replay handles the record again, as it first came, through the inbox: an event takes
 * effect once however often it is replayed, and one that still fails is dead-lettered again with its new reason.
 */
@Path("/api/dead-letters")
@RolesAllowed(Roles.ADMIN)
public class DeadLetterResource {
    private static final int MAX_LIMIT = 1_000;
    private static final String LIMIT = "is between 1 and " + MAX_LIMIT;

    private final DeadLetters deadLetters;
    private final Inbox inbox;

    DeadLetterResource(DeadLetters deadLetters, Inbox inbox) {
        this.deadLetters = deadLetters;
        this.inbox = inbox;
    }

    /** Newest first; {@code waiting=true} (the default) leaves out those replayed. */
    @GET
    public List<DeadLetters.DeadLetter> list(@QueryParam("waiting") @DefaultValue("true") boolean waiting,
            @QueryParam("limit") @DefaultValue("100") @Min(value = 1, message = LIMIT) @Max(value = MAX_LIMIT,
                    message = LIMIT) int limit) {
        return deadLetters.list(waiting, limit);
    }

    /** Handles the dead letter again; answers it as it is afterwards (replayed, or dead-lettered anew). */
    @POST
    @Path("/{id}/replay")
    public DeadLetters.DeadLetter replay(@PathParam("id") UUID id) {
        DeadLetters.DeadLetter letter = deadLetters.find(id)
                .orElseThrow(() -> new NotFound("dead letter", id));
        if (letter.replayedAt() != null) {
            throw new IllegalMove("dead-letter-replayed", "The dead letter was replayed already",
                    "dead letter " + id + " was replayed at " + letter.replayedAt());
        }
        boolean replayed;
        try {
            replayed = inbox.replay(letter);
        } catch (RuntimeException e) {
            if (TransientFailures.isTransient(e)) {
                throw new TryAgain(
                        "the replay failed for a passing reason (" + TransientFailures.reason(e) + "); nothing changed");
            }
            throw e;
        }
        if (!replayed) {
            throw new Conflict("no-consumer", "No consumer takes it",
                    "no channel " + letter.channel() + " in this service takes it any more");
        }
        return deadLetters.find(id).orElseThrow();
    }
}
