package io.feiyan.platform.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.feiyan.platform.domain.Conflict;
import io.feiyan.platform.domain.DomainException;
import io.feiyan.platform.domain.IllegalMove;
import io.feiyan.platform.domain.NotAllowed;
import io.feiyan.platform.domain.NotFound;
import io.feiyan.platform.domain.TooMany;
import io.feiyan.platform.domain.TryAgain;
import io.feiyan.platform.domain.Unprocessable;
import io.feiyan.platform.messaging.TransientFailures;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves the services as {@code application/problem+json}. */
public class ProblemMapper {
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return toResponse(e.problem());
    }

    /** The domain's refusals, each kind with its status; the code becomes the problem's {@code type}. */
    @ServerExceptionMapper
    public Response refused(DomainException e) {
        Response response = toResponse(toProblem(e));
        Duration retryAfter = e instanceof TooMany tooMany ? tooMany.retryAfter()
                : e instanceof TryAgain tryAgain ? tryAgain.retryAfter() : null;
        return retryAfter == null ? response : Response.fromResponse(response)
                .header("Retry-After", Math.max(1, (retryAfter.toMillis() + 999) / 1000)).build();
    }

    /** The problem a domain refusal is answered with, for a resource that answers in a format of its own. */
    public static Problem toProblem(DomainException e) {
        int status = e instanceof NotFound ? 404
                : e instanceof NotAllowed ? 403
                : e instanceof IllegalMove || e instanceof Conflict ? 409
                : e instanceof Unprocessable ? 422
                : e instanceof TryAgain ? 503
                : e instanceof TooMany ? 429
                : 500;
        Problem problem = Problem.of(status, e.code(), e.title(), e.detail());
        e.facts().forEach(problem::with);
        return problem;
    }

    /** A body with a value of the wrong kind, such as an unknown urgency or a word where a number belongs. */
    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response mismatchedValue(MismatchedInputException e) {
        if (e.getPath().isEmpty()) {
            return malformedJson(e);
        }
        StringBuilder field = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        String reason = e instanceof UnrecognizedPropertyException unknown
                ? "is not a field of this request; its fields are " + unknown.getKnownPropertyIds().stream()
                        .map(Object::toString).sorted().collect(Collectors.joining(", "))
                : e instanceof InvalidFormatException invalid
                        ? "'" + invalid.getValue() + "' is not a valid value" + allowed(invalid.getTargetType())
                        : "has the wrong type";
        return toResponse(Problem.invalid(List.of(new Problem.FieldError(field.toString(), reason))));
    }

    /** A body that is not JSON at all. */
    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response malformedJson(JsonProcessingException e) {
        return toResponse(Problem.of(400, "malformed-json", "The body is not valid JSON", e.getOriginalMessage()));
    }

    /** A caller without the role the call needs (checks beyond the role answer {@code forbidden} themselves). */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return toResponse(Problem.of(403, "forbidden", "Not yours to see or do",
                "your role may not make this call"));
    }

    /** No token: the caller is unknown. */
    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return unknownCaller();
    }

    /**
     * A token that is not valid — another issuer, another key, expired, unsigned — is refused as no token is, before
     * anything happens (authentication is not proactive, so its failure reaches this mapper).
     */
    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return unknownCaller();
    }

    private static Response unknownCaller() {
        return Response.fromResponse(toResponse(Problem.of(401, "unauthorized", "Who is calling?",
                "send a valid bearer token in the Authorization header"))).header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return toResponse(Problem.of(404, "not-found", "Not found", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String detail = status == 415 ? "this endpoint does not take a body of the request's Content-Type; "
                + "send JSON as application/json (Open311 requests: a form)" : e.getMessage();
        return toResponse(Problem.of(status, "http-" + status, e.getResponse().getStatusInfo().getReasonPhrase(),
                detail));
    }

    /**
     * Anything else: 503 {@code try-again} when it may pass (the database restarting, a deadlock), else 500 and the
     * log.
     */
    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        if (TransientFailures.isTransient(e)) {
            LOG.warnf("a request failed for a passing reason (%s): answered 503", TransientFailures.reason(e));
            return refused(new TryAgain("the database did not answer as asked (restarting, or a conflict with"
                    + " another request); try again shortly"));
        }
        LOG.error("unexpected error", e);
        return toResponse(Problem.of(500, "internal-error", "Internal error",
                "something went wrong on our side; the request changed nothing"));
    }

    private static String allowed(Class<?> type) {
        if (type == null || !type.isEnum()) {
            return "";
        }
        return "; one of " + java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString)
                .collect(Collectors.joining(", "));
    }

    private static Response toResponse(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
