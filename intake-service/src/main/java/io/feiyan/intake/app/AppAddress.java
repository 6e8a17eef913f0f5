package io.feiyan.intake.app;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The app lives at {@code /app/}: its service worker's scope, and the folder its scripts and styles are named in. A
 * user who types {@code /app} is sent there (the REST layer would answer both with the page, whose files would then
 * be looked for beside it, outside the app).
 */
public class AppAddress {

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> toTheApp(ContainerRequestContext request) {
        if (!"/app".equals(request.getUriInfo().getRequestUri().getRawPath())) {
            return Optional.empty();
        }
        return Optional.of(Response.status(Response.Status.MOVED_PERMANENTLY)
                .location(request.getUriInfo().getRequestUriBuilder().replacePath("/app/").build()).build());
    }
}
