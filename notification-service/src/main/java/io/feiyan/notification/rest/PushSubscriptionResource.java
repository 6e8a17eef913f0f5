package io.feiyan.notification.rest;

import com.zerodeplibs.webpush.key.PublicKeySources;
import io.feiyan.notification.push.PushSubscriptions;
import io.feiyan.notification.push.Subscription;
import io.feiyan.notification.push.VapidKeys;
import io.feiyan.notification.service.People;
import io.feiyan.platform.rest.Validation;
import io.feiyan.platform.security.Caller;
import io.feiyan.platform.validation.Reasons;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Base64;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/**
 * Web Push for the app: the server's public key it subscribes with, and the subscriptions of the signed-in person's
 * browsers, each bound to the caller (their Feiyan id).
 */
@Path("/api/notifications/push")
public class PushSubscriptionResource {
    /** An absolute http or https URL: the push service's endpoint for this browser. */
    private static final String ENDPOINT = "https?://[^\\s/?#]+(?:[/?#]\\S*)?";
    /** A P-256 public key uncompressed (65 bytes, the first 0x04), base64url, with or without its padding. */
    private static final String P256DH = "B[A-Za-z0-9_-]{86}=?";
    private static final String AUTH = "[A-Za-z0-9_-]{22}(?:==)?";

    private final PushSubscriptions subscriptions;
    private final People people;
    private final VapidKeys keys;
    private final Caller caller;
    private final Validator validator;

    PushSubscriptionResource(PushSubscriptions subscriptions, People people, VapidKeys keys, Caller caller,
            Validator validator) {
        this.subscriptions = subscriptions;
        this.people = people;
        this.keys = keys;
        this.caller = caller;
        this.validator = validator;
    }

    public record ServerKey(String publicKey) {
    }

    /** What a browser's {@code PushSubscription.toJSON()} gives. */
    public record NewSubscription(
            @NotBlank(message = Reasons.REQUIRED) @Size(max = 2048, message = Reasons.LONGER)
            @Pattern(regexp = ENDPOINT, message = "is an http or https URL") String endpoint,
            Long expirationTime,
            @NotNull(message = Reasons.REQUIRED) @Valid Keys keys) {
    }

    public record Keys(
            @NotNull(message = Reasons.REQUIRED)
            @Pattern(regexp = P256DH, message = "is a P-256 public key, uncompressed (65 bytes), base64url") String p256dh,
            @NotNull(message = Reasons.REQUIRED)
            @Pattern(regexp = AUTH, message = "is a 16-byte secret, base64url") String auth) {
    }

    @GET
    @Path("/key")
    @PermitAll
    @Operation(summary = "The server's VAPID public key",
            description = "Uncompressed P-256, base64url: the app passes it to pushManager.subscribe as "
                    + "applicationServerKey. Anyone may read it.")
    public ServerKey key() {
        return new ServerKey(keys.publicKey());
    }

    @POST
    @Path("/subscriptions")
    @Authenticated
    @Operation(summary = "Notify me in this browser",
            description = "The browser's push subscription (PushSubscription.toJSON()), kept for the caller: their "
                    + "notifications on the PUSH channel come to it, and the caller is known here from now on (their "
                    + "role, team and region from the token; the county's default channels until they choose). Sent "
                    + "again, it is kept once; made in a browser another person used before, it is the caller's from "
                    + "now on. 204.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(
            name = "Chrome's subscription", value = """
                    {"endpoint": "https://fcm.googleapis.com/fcm/send/dUfJ3...", "expirationTime": null,
                     "keys": {"p256dh": "BEl62iUYgUivxIkv69yViEuiBIa-Ib9-SkvMeAtA3LFgDzkrxZJjSgSnfckjBJuBkr3qBUYIHBQFLXYp5Nksh8U",
                              "auth": "tBHItJI5svbpez7KI4CCXg"}}""")))
    @Transactional
    public Response subscribe(NewSubscription request) {
        Validation.check(validator, request);
        new Validation().require(isAPoint(request.keys().p256dh()), "keys.p256dh", "is not a point of the P-256 curve")
                .orThrow();
        // turning notifications on makes the caller someone to tell: their team's offers, their orders' news
        people.seen(caller);
        subscriptions.keep(caller.id(), new Subscription(request.endpoint(), request.keys().p256dh(),
                request.keys().auth()));
        return Response.noContent().build();
    }

    @DELETE
    @Path("/subscriptions")
    @Authenticated
    @Operation(summary = "Notify me no longer in this browser",
            description = "Forgets the caller's subscription at this endpoint (another person's stays). 204, whether "
                    + "or not there was one.")
    public Response unsubscribe(@QueryParam("endpoint") @NotBlank(message = Reasons.REQUIRED) String endpoint) {
        subscriptions.forget(caller.id(), endpoint);
        return Response.noContent().build();
    }

    private static boolean isAPoint(String p256dh) {
        try {
            PublicKeySources.ofUncompressedBytes(Base64.getUrlDecoder().decode(p256dh)).extract();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
