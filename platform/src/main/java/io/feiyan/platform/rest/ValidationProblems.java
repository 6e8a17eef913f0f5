package io.feiyan.platform.rest;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A request that breaks the constraints its records and parameters declare: a 400 {@link Problem#invalid} naming
 * every broken field, as the rules in code answer. The resource method has not run when it is thrown.
 */
public class ValidationProblems {
    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        return Response.status(400).type(Problem.MEDIA_TYPE)
                .entity(Problem.invalid(Violations.fieldErrors(e.getConstraintViolations()))).build();
    }
}
