package io.feiyan.notification.wechat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;
import me.chanjar.weixin.mp.config.WxMpConfigStorage;
import me.chanjar.weixin.mp.config.WxMpHostConfig;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;

/** WxJava's client of the account's API, and its settings (the callback's token and AES key among them). */
@ApplicationScoped
public class WeChatApi {

    @Produces
    @ApplicationScoped
    WxMpConfigStorage account(WeChatConfig config) {
        WxMpDefaultConfigImpl account = new WxMpDefaultConfigImpl();
        account.setAppId(config.appId());
        account.setSecret(config.secret());
        account.setToken(config.token());
        config.aesKey().ifPresent(account::setAesKey);
        config.templateId().ifPresent(account::setTemplateId);
        // The stable token (cgi-bin/stable_token) stays the same until it expires, so the service's replicas do not
        // each fetch a token that cuts short the others'.
        account.setUseStableAccessToken(true);
        // The delivery log retries a passing failure later, with growing pauses: the client should not sleep on it.
        account.setMaxRetryTimes(0);
        String host = config.apiHost().toString().replaceAll("/+$", "");
        account.setHostConfig(new WxMpHostConfig(host, WxMpHostConfig.OPEN_DEFAULT_HOST_URL,
                WxMpHostConfig.MP_DEFAULT_HOST_URL));
        return account;
    }

    @Produces
    @ApplicationScoped
    WxMpService service(WxMpConfigStorage account) {
        WxMpServiceImpl service = new WxMpServiceImpl();
        service.setWxMpConfigStorage(account);
        service.setMaxRetryTimes(0);
        return service;
    }
}
