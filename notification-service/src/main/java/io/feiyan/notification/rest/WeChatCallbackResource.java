package io.feiyan.notification.rest;

import io.feiyan.notification.wechat.Callback;
import io.feiyan.platform.domain.NotAllowed;
import io.feiyan.platform.domain.Unprocessable;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import me.chanjar.weixin.mp.config.WxMpConfigStorage;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The server address of the county's WeChat account (指尖上的郯城): WeChat's servers call it, with no bearer token but
 * signed with the account's token; followers' messages come as XML and are answered in XML (plaintext mode, or the
 * safe mode's encrypted XML when the account has an EncodingAESKey).
 */
@Path("/wechat/callback")
@PermitAll
public class WeChatCallbackResource {
    /** What WeChat takes as "no answer" to a message. */
    private static final String NOTHING_TO_SAY = "success";
    private static final String SAFE_MODE = "aes";

    private final Callback callback;
    private final WxMpConfigStorage account;

    WeChatCallbackResource(Callback callback, WxMpConfigStorage account) {
        this.callback = callback;
        this.account = account;
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "WeChat checks the server address",
            description = "When the account's server address is saved: answers echostr if the signature is WeChat's.")
    public String verify(@QueryParam("signature") String signature, @QueryParam("timestamp") String timestamp,
            @QueryParam("nonce") String nonce, @QueryParam("echostr") String echostr) {
        callback.requireSigned(signature, timestamp, nonce);
        return echostr;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "A follower's message, from WeChat",
            description = "Signed by WeChat and fresh (5 minutes), else 403. Answered in XML within 5 seconds; a "
                    + "message WeChat sends again (same MsgId) gets the same answer and no second effect.")
    public Response message(@QueryParam("signature") String signature, @QueryParam("timestamp") String timestamp,
            @QueryParam("nonce") String nonce, @QueryParam("encrypt_type") String encryptType,
            @QueryParam("msg_signature") String messageSignature, String body) {
        Instant now = Instant.now();
        callback.requireSigned(signature, timestamp, nonce);
        callback.requireFresh(timestamp, now);
        boolean encrypted = SAFE_MODE.equalsIgnoreCase(encryptType);
        WxMpXmlMessage message = encrypted ? decrypt(body, timestamp, nonce, messageSignature) : parse(body);
        String answer = callback.answer(message, now);
        if (answer == null) {
            return Response.ok(NOTHING_TO_SAY, MediaType.TEXT_PLAIN).build();
        }
        WxMpXmlOutMessage reply = WxMpXmlOutMessage.TEXT().content(answer)
                .fromUser(message.getToUser()).toUser(message.getFromUser()).build();
        return Response.ok(encrypted ? reply.toEncryptedXml(account) : reply.toXml(), MediaType.APPLICATION_XML)
                .build();
    }

    private static WxMpXmlMessage parse(String body) {
        try {
            WxMpXmlMessage message = WxMpXmlMessage.fromXml(body);
            if (message.getFromUser() == null || message.getMsgType() == null) {
                throw new IllegalArgumentException("no FromUserName or MsgType");
            }
            return message;
        } catch (RuntimeException e) {
            throw new Unprocessable("wechat-message", "Not a WeChat message",
                    "the body is not a message in WeChat's XML: " + e.getMessage());
        }
    }

    private WxMpXmlMessage decrypt(String body, String timestamp, String nonce, String messageSignature) {
        if (account.getAesKey() == null) {
            throw new Unprocessable("wechat-safe-mode-off", "The account does not use the safe mode",
                    "an encrypted message came, and feiyan.notification.wechat.aes-key is not set");
        }
        try {
            return WxMpXmlMessage.fromEncryptedXml(body, account, timestamp, nonce, messageSignature);
        } catch (RuntimeException e) {
            throw new NotAllowed("wechat-signature", "Not signed by WeChat",
                    "the encrypted message's signature is not WeChat's for this account: " + e.getMessage());
        }
    }
}
