package io.feiyan.notification.domain;

/** How a notification reaches its recipient. */
public enum NotificationChannel {
    /** Web Push to the phone app (the W3C Push API). */
    PUSH,
    /** A text message to the phone number intake holds, through the county's SMS gateway (SMPP). */
    SMS,
    /** A message from the county's WeChat official account to a follower who bound it. */
    WECHAT
}
