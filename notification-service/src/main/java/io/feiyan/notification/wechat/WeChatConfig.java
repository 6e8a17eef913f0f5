package io.feiyan.notification.wechat;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** The county's WeChat official account (指尖上的郯城), under {@code feiyan.notification.wechat}. */
@ConfigMapping(prefix = "feiyan.notification.wechat")
public interface WeChatConfig {
    /** The account's AppID, from the account's developer settings. */
    String appId();

    /** The account's AppSecret: for the access token, and as the key of the binding codes' hashes. */
    String secret();

    /** The token the account's server settings name, that signs WeChat's calls to the callback. */
    String token();

    /** The EncodingAESKey of the safe mode (安全模式), when the account's messages are encrypted. */
    Optional<String> aesKey();

    /** WeChat's API, e.g. https://api.weixin.qq.com (the tests' local player in tests). */
    URI apiHost();

    /** The template message for a follower outside the 48-hour window; without one, only customer-service messages. */
    Optional<String> templateId();

    /** The template's fields that take the notification's title and its text. */
    @WithDefault("first")
    String templateTitleField();

    @WithDefault("remark")
    String templateTextField();

    /** The county whose menu the account tells (the account is the county's). */
    String countyCode();

    /** intake-service, asked for a resident's village when a volunteer makes a binding code. */
    URI intakeApi();

    /** A callback whose timestamp is older than this (or as far ahead) is refused: a replay. */
    Duration maxMessageAge();

    /** How long a binding code may be used. */
    Duration codeValidFor();

    /** How many wrong binding codes a follower may send in an hour. */
    int wrongCodesPerHour();

    /** How long after a follower's last message the account may write to them freely (WeChat's rule: 48 hours). */
    Duration serviceWindow();

    /** How long answered messages are kept to recognise WeChat's repeats (it repeats within a minute). */
    Duration keepMessages();
}
