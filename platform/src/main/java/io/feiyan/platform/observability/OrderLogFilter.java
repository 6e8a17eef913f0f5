package io.feiyan.platform.observability;

import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Puts the order a request is {@linkplain AboutOrder about} into the log context, and takes it out after. */
public class OrderLogFilter {

    @ServerRequestFilter
    public void enter(ResourceInfo resource, UriInfo uri) {
        AboutOrder about = resource.getResourceMethod() == null ? null
                : resource.getResourceMethod().getAnnotation(AboutOrder.class);
        if (about == null && resource.getResourceClass() != null) {
            about = resource.getResourceClass().getAnnotation(AboutOrder.class);
        }
        if (about == null) {
            return;
        }
        String id = uri.getPathParameters().getFirst(about.value());
        if (id != null) {
            try {
                OrderLog.put(UUID.fromString(id)); // only a well-formed order id, never what a caller typed
            } catch (IllegalArgumentException notAnOrderId) {
                // the resource answers 404 or 400; nothing to name in the log
            }
        }
    }

    @ServerResponseFilter
    public void leave() {
        OrderLog.clear();
    }
}
