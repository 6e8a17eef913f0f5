package io.feiyan.feedback.rest;

import io.feiyan.feedback.domain.Rating;
import io.feiyan.feedback.service.RatingService;
import io.feiyan.platform.rest.Validation;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.UUID;

@Path("/api/ratings")
public class RatingResource {
    private final RatingService ratings;

    RatingResource(RatingService ratings) {
        this.ratings = ratings;
    }

    public record RateOrder(UUID orderId, Integer score, String comment) {
    }

    public record RatingView(UUID orderId, int score, String comment, Instant ratedAt) {
        static RatingView of(Rating rating) {
            return new RatingView(rating.orderId, rating.score, rating.comment, rating.ratedAt);
        }
    }

    /** Rates a delivered order from 1 to 5, once. */
    @POST
    public Response rate(RateOrder request, @Context UriInfo uri) {
        new Validation().present(request, "body").orThrow();
        new Validation()
                .present(request.orderId(), "orderId")
                .present(request.score(), "score")
                .require(request.score() == null
                        || (request.score() >= Rating.LOWEST && request.score() <= Rating.HIGHEST),
                        "score", "is from 1 to 5")
                .maxLength(request.comment(), 1000, "comment")
                .orThrow();
        Rating rating = ratings.rate(request.orderId(), request.score(), request.comment());
        return Response.created(uri.getAbsolutePathBuilder().path(rating.orderId.toString()).build())
                .entity(RatingView.of(rating))
                .build();
    }

    @GET
    @Path("/{orderId}")
    public RatingView get(@PathParam("orderId") UUID orderId) {
        return RatingView.of(ratings.get(orderId));
    }
}
