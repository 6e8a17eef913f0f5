package io.feiyan.notification.domain;

/** Where a need a resident wrote to the WeChat account stands. */
public enum NeedStatus {
    /** Waiting for the village's 飞燕 volunteer to call the resident and confirm it. */
    FILED,
    /** The volunteer placed an order for it (channel WECHAT). */
    PLACED,
    /** The volunteer found nothing to order (a question, a repeat, a mistake). */
    DISMISSED
}
