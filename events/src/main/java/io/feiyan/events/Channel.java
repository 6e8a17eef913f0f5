package io.feiyan.events;

/** How an order came in. */
public enum Channel {
    /** The resident in the county app. */
    APP,
    /** The resident through the WeChat public account. */
    WECHAT,
    /** A village 飞燕 volunteer, on the resident's behalf. */
    PROXY,
    /** A station operator taking a phone call. */
    PHONE
}
