package io.feiyan.dispatch;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.feiyan.events.Channel;
import io.feiyan.events.CloudEvents;
import io.feiyan.events.EventType;
import io.feiyan.events.OrderPlaced;
import io.feiyan.events.Urgency;
import io.feiyan.platform.messaging.EventHandlers;
import io.feiyan.platform.messaging.Inbox;
import io.feiyan.platform.observability.AboutOrder;
import io.feiyan.platform.observability.OrderLog;
import io.feiyan.testkit.EventProbe;
import io.feiyan.testkit.FeiyanTest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.Test;

/** Log lines name the order they are about (MDC orderId) while an event or a request about it is handled. */
@FeiyanTest
class LogContextTests {
    @Inject
    Inbox inbox;

    @Test
    void whileAnOrderEventIsHandled_itsOrderIdIsInTheLogContext_andOnceItIsHandledItIsNot() throws Exception {
        UUID order = UUID.randomUUID();
        OrderPlaced placed = new OrderPlaced(order, UUID.randomUUID(), "t801-visit", "CAT801", false, "371322801201",
                Urgency.ROUTINE, Channel.PROXY, "V-1", null, null, Instant.now());
        ConsumerRecord<String, String> record = new ConsumerRecord<>("orders.placed", 0, 0, order.toString(),
                EventProbe.JSON.writeValueAsString(placed));
        CloudEvents.headers(UUID.randomUUID(), EventType.ORDER_PLACED.ceType(), CloudEvents.source("test"),
                order.toString(), Instant.now())
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));

        AtomicReference<Object> during = new AtomicReference<>();
        EventHandlers handlers = inbox.once("log-context-test")
                .on(OrderPlaced.class, event -> during.set(MDC.get(OrderLog.ORDER_ID)));

        inbox.consume(List.of(record), handlers);

        assertEquals(order.toString(), during.get());
        assertNull(MDC.get(OrderLog.ORDER_ID));
    }

    @Test
    void whileARequestAboutAnOrderIsHandled_itsOrderIdIsInTheLogContext() {
        UUID order = UUID.randomUUID();

        given().get("/test/log-context/{orderId}", order).then().statusCode(200).body(equalTo(order.toString()));
        given().get("/test/log-context/{orderId}", "not-an-order").then().statusCode(200).body(equalTo("none"));
    }

    /** Says what the log context holds while a request about an order is handled. */
    @Path("/test/log-context/{orderId}")
    @AboutOrder
    public static class LogContextResource {
        @GET
        @PermitAll
        public String orderInLogContext(@PathParam("orderId") String orderId) {
            Object logged = MDC.get(OrderLog.ORDER_ID);
            return logged == null ? "none" : logged.toString();
        }
    }
}
