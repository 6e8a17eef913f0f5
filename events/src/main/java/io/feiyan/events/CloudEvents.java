package io.feiyan.events;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The CloudEvents 1.0 Kafka binary-mode headers every Feiyan message carries. */
public final class CloudEvents {
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String CONTENT_TYPE = "content-type";
    /**
     * The W3C trace context of the event (CloudEvents' distributed-tracing extension uses the same name): every
     * event of one order carries the trace the order was placed in. Optional; not one of {@link #headers}.
     */
    public static final String TRACEPARENT = "traceparent";

    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final String JSON = "application/json";

    /** The headers of one event, in order: attribute name to value. */
    public static Map<String, String> headers(UUID id, String type, String source, String subject, Instant time) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(SPEC_VERSION, SPEC_VERSION_1_0);
        headers.put(ID, id.toString());
        headers.put(TYPE, type);
        headers.put(SOURCE, source);
        headers.put(SUBJECT, subject);
        headers.put(TIME, time.toString());
        headers.put(CONTENT_TYPE, JSON);
        return headers;
    }

    /** The {@code ce_source} of a service's events, e.g. {@code /feiyan/intake-service}. */
    public static String source(String serviceName) {
        return "/feiyan/" + serviceName;
    }

    private CloudEvents() {
    }
}
