package io.feiyan.feedback.rest;

import io.feiyan.feedback.domain.Rating;
import io.feiyan.feedback.service.RatingService;
import io.feiyan.platform.limits.Limited;
import io.feiyan.platform.observability.AboutOrder;
import io.feiyan.platform.observability.OrderLog;
import io.feiyan.platform.security.Caller;
import io.feiyan.platform.security.Roles;
import io.feiyan.platform.validation.Reasons;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

@Path("/api/ratings")
@AboutOrder
public class RatingResource {
    private final RatingService ratings;

    private final Caller caller;

    RatingResource(RatingService ratings, Caller caller) {
        this.ratings = ratings;
        this.caller = caller;
    }

    public record RateOrder(@NotNull(message = Reasons.REQUIRED) UUID orderId,
            @NotNull(message = Reasons.REQUIRED) @Min(value = Rating.LOWEST, message = SCORE)
            @Max(value = Rating.HIGHEST, message = SCORE) Integer score,
            @NotNull(message = Reasons.REQUIRED) Boolean solved,
            @Size(max = 1000, message = Reasons.LONGER) String comment) {
        private static final String SCORE = "is from 1 to 5";
    }

    public record RatingView(UUID orderId, int score, boolean solved, String comment, String volunteerId,
            Instant ratedAt) {
        static RatingView of(Rating rating) {
            return new RatingView(rating.orderId, rating.score, rating.solved, rating.comment, rating.ratedByVolunteer,
                    rating.ratedAt);
        }
    }

    @POST
    @Limited("ratings")
    @RolesAllowed({Roles.RESIDENT, Roles.VOLUNTEER})
    @Operation(summary = "Rate a delivered order (评单)",
            description = "Once per order, after its completion, by the resident (their token) or by a volunteer of "
                    + "their village on their behalf (the volunteer's token; the rating records who). A score from 1 to 5 and whether the need was solved; a "
                    + "score of 2 or less, or solved false, opens a follow-up visit (回访) by the village station. "
                    + "409 order-not-completed before the delivery is known here, 409 already-rated for a second "
                    + "rating. The comment stays in feedback: OrderRated carries the order id, score and time only.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "the resident rates", value = """
                    {"orderId": "8d7e4a30-5d0b-4f0e-a3b5-1f6c9b2e7d41", "score": 5, "solved": true,
                     "comment": "The opera was wonderful"}"""),
            @ExampleObject(name = "a volunteer rates on the resident's behalf", value = """
                    {"orderId": "8d7e4a30-5d0b-4f0e-a3b5-1f6c9b2e7d41", "score": 2, "solved": false,
                     "comment": "The tap still drips"}""")}))
    public Response rate(@Valid @NotNull(message = Reasons.REQUIRED) RateOrder request, @Context UriInfo uri) {
        OrderLog.put(request.orderId()); // the order is in the body: the filter cannot name it
        Rating rating = ratings.rate(request.orderId(), request.score(), request.solved(), request.comment(), caller);
        return Response.created(uri.getAbsolutePathBuilder().path(rating.orderId.toString()).build())
                .entity(RatingView.of(rating))
                .build();
    }

    @GET
    @Path("/{orderId}")
    @RolesAllowed({Roles.RESIDENT, Roles.VOLUNTEER, Roles.OPERATOR})
    @Operation(summary = "An order's rating", description = "For the resident, and the volunteers and operators of "
            + "their village.")
    public RatingView get(@PathParam("orderId") UUID orderId) {
        return RatingView.of(ratings.get(orderId, caller));
    }
}
