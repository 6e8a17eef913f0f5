package io.feiyan.platform.limits;

import io.feiyan.platform.security.Caller;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Holds each call of a {@link Limited} API to its limits ({@link RequestLimits}): its caller's and its address's. */
@Limited("")
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE)
public class LimitedCalls {
    private final RequestLimits limits;
    private final Caller caller;
    private final RoutingContext request;

    LimitedCalls(RequestLimits limits, Caller caller, RoutingContext request) {
        this.limits = limits;
        this.caller = caller;
        this.request = request;
    }

    @AroundInvoke
    Object limit(InvocationContext invocation) throws Exception {
        Limited limited = invocation.getMethod().getAnnotation(Limited.class);
        if (limited != null) {
            limits.take(limited.value(), caller.id(), request.request().remoteAddress().hostAddress());
        }
        return invocation.proceed();
    }
}
