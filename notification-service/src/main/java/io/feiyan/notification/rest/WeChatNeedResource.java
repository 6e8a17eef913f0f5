package io.feiyan.notification.rest;

import io.feiyan.notification.domain.FiledNeed;
import io.feiyan.notification.domain.NeedStatus;
import io.feiyan.notification.wechat.Needs;
import io.feiyan.platform.security.Roles;
import io.feiyan.platform.validation.Reasons;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** What residents wrote to the WeChat account, for their village's 飞燕 volunteer to confirm by phone. */
@Path("/api/wechat/needs")
@RolesAllowed(Roles.VOLUNTEER)
public class WeChatNeedResource {
    private final Needs needs;

    WeChatNeedResource(Needs needs) {
        this.needs = needs;
    }

    public record NeedView(UUID id, UUID residentId, String villageCode, String text, Instant receivedAt,
            NeedStatus status, UUID orderId) {
        static NeedView of(FiledNeed need) {
            return new NeedView(need.id, need.residentId, need.villageCode, need.text, need.receivedAt, need.status,
                    need.orderId);
        }
    }

    public record Placed(@NotNull(message = Reasons.REQUIRED) UUID orderId) {
    }

    @GET
    @Operation(summary = "Needs to confirm", description = "The caller's village's needs written to the WeChat account "
            + "and not yet placed or dismissed, newest first.")
    public List<NeedView> waiting() {
        return needs.waiting().stream().map(NeedView::of).toList();
    }

    @POST
    @Path("/{id}/dismiss")
    @Operation(summary = "Nothing to order", description = "The volunteer called and found nothing to order.")
    public NeedView dismiss(@PathParam("id") UUID id) {
        return NeedView.of(needs.dismiss(id));
    }

    @POST
    @Path("/{id}/placed")
    @Operation(summary = "An order was placed for it", description = "After placing the order through intake "
            + "(channel WECHAT), the app says which order it was.")
    public NeedView placed(@PathParam("id") UUID id, @Valid @NotNull(message = Reasons.REQUIRED) Placed request) {
        return NeedView.of(needs.placed(id, request.orderId()));
    }
}
