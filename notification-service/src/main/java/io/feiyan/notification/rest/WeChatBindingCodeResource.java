package io.feiyan.notification.rest;

import io.feiyan.notification.wechat.BindingCodes;
import io.feiyan.platform.security.Roles;
import io.feiyan.platform.validation.Reasons;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** One-time codes with which a resident binds the county's WeChat account ("绑定 123456"). */
@Path("/api/wechat/binding-codes")
@RolesAllowed(Roles.VOLUNTEER)
public class WeChatBindingCodeResource {
    private final BindingCodes codes;
    private final JsonWebToken token;

    WeChatBindingCodeResource(BindingCodes codes, JsonWebToken token) {
        this.codes = codes;
        this.token = token;
    }

    public record MakeCode(@NotNull(message = Reasons.REQUIRED) UUID residentId) {
    }

    @POST
    @Operation(summary = "A binding code for a resident", description = "For a resident of the calling 飞燕 "
            + "volunteer's village (intake is asked, with the caller's token): six digits, valid 24 hours, used once; "
            + "any unused code made for the resident before stops working. Shown once: only its hash is kept.")
    public Response make(@Valid @NotNull(message = Reasons.REQUIRED) MakeCode request) {
        return Response.status(Response.Status.CREATED)
                .entity(codes.make(request.residentId(), token.getRawToken())).build();
    }
}
