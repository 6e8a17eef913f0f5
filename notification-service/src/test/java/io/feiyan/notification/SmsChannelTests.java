package io.feiyan.notification;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feiyan.notification.channels.Message;
import io.feiyan.notification.channels.Outcome;
import io.feiyan.notification.channels.SmsChannel;
import io.feiyan.notification.domain.Kind;
import io.feiyan.notification.domain.Recipient;
import io.feiyan.notification.sms.SmsText;
import io.feiyan.testkit.FeiyanTest;
import io.feiyan.testkit.LocalSmsc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jsmpp.SMPPConstant;
import org.junit.jupiter.api.Test;

/** Texts to residents through a real SMPP server on this machine, their phones read from intake at send time. */
@FeiyanTest
@WithTestResource(SmsTestResource.class)
class SmsChannelTests {
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** 60 characters: one segment. */
    private static final String ACCEPTED = "【郯城一点就来】吴奶奶您好：郯城县文艺轻骑兵已接单，将于6月12日上午9点上门为您唱戏。如有变动请联系村里的飞燕志愿者。";
    /** 113 characters: two segments. */
    private static final String COMPLETED = "【郯城一点就来】吴奶奶您好：郯城县文艺轻骑兵今天上午为您上门唱了《穆桂英挂帅》，服务已完成。"
            + "感谢您对县里志愿服务的信任！请在方便的时候告诉村里的飞燕志愿者您是否满意，您的评价会帮助志愿者把服务做得更好。"
            + "祝您身体健康，生活愉快。";

    LocalSmsc smsc;
    IntakePhones intake;
    @Inject
    SmsChannel sms;
    @Inject
    EntityManager entityManager;

    @Test
    void givenAResidentsPhone_whenAShortChineseTextIsSent_thenTheSmscGetsExactlyThatTextOnce_inOneUcs2Segment() {
        String phone = newPhone();
        UUID resident = intake.residentWithPhone(phone);
        Message message = message(Kind.ORDER_ACCEPTED, ACCEPTED);
        assertTrue(ACCEPTED.length() <= SmsText.SINGLE);

        assertEquals(Outcome.sent(), sms.send(Recipient.resident(resident), message));

        await().atMost(WAIT).until(() -> !smsc.receivedBy(phone).isEmpty());
        assertEquals(List.of(new LocalSmsc.Received(phone, ACCEPTED, LocalSmsc.UCS2, 1)), smsc.receivedBy(phone));
        assertEquals(List.of(new IntakePhones.Read(resident, message.orderId().toString(), "ORDER_ACCEPTED", 200)),
                intake.readsOf(resident), "the phone is read for the order, saying what the text tells");
    }

    @Test
    void givenATextOfTwoSegments_thenTheSmscJoinsThemIntoExactlyThatTextOnce() {
        String phone = newPhone();
        UUID resident = intake.residentWithPhone(phone);
        assertTrue(COMPLETED.length() > SmsText.SINGLE && COMPLETED.length() <= SmsText.MOST, "" + COMPLETED.length());

        assertEquals(Outcome.sent(), sms.send(Recipient.resident(resident), message(Kind.ORDER_COMPLETED, COMPLETED)));

        await().atMost(WAIT).until(() -> !smsc.receivedBy(phone).isEmpty());
        assertEquals(List.of(new LocalSmsc.Received(phone, COMPLETED, LocalSmsc.UCS2, 2)), smsc.receivedBy(phone));
    }

    @Test
    void givenATextLongerThanTwoSegments_thenItIsCutToFitWithAnEllipsis() {
        String phone = newPhone();
        UUID resident = intake.residentWithPhone(phone);
        String tooLong = COMPLETED + COMPLETED;

        assertEquals(Outcome.sent(), sms.send(Recipient.resident(resident), message(Kind.ORDER_COMPLETED, tooLong)));

        await().atMost(WAIT).until(() -> !smsc.receivedBy(phone).isEmpty());
        LocalSmsc.Received received = smsc.receivedBy(phone).get(0);
        assertEquals(tooLong.substring(0, SmsText.MOST - 1) + "…", received.text());
        assertEquals(2, received.segments());
    }

    @Test
    void givenANumberTheSmscRefusesAsInvalid_thenTheResidentIsUnreachable_andTheDeadNumberIsReported() {
        String phone = newPhone();
        UUID resident = intake.residentWithPhone(phone);
        smsc.refuse(phone, SMPPConstant.STAT_ESME_RINVDSTADR);

        Outcome outcome = sms.send(Recipient.resident(resident), message(Kind.ORDER_ACCEPTED, ACCEPTED));

        assertInstanceOf(Outcome.Unreachable.class, outcome);
        Object[] dead = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery(
                        "select channel, reason, found_at from dead_address where recipient = ?1")
                .setParameter(1, Recipient.resident(resident).id()).getSingleResult());
        assertEquals("SMS", dead[0]);
        assertTrue(((String) dead[1]).contains("ESME_RINVDSTADR"), (String) dead[1]);
        assertFalse(((String) dead[1]).contains(phone), "the number stays in intake");
        assertTrue(smsc.receivedBy(phone).isEmpty());
    }

    @Test
    void givenTheSmscThrottling_thenTheSendFails_toBeTriedAgain_andSucceedsOnceItStops() {
        String phone = newPhone();
        UUID resident = intake.residentWithPhone(phone);
        Message message = message(Kind.ORDER_ACCEPTED, ACCEPTED);
        smsc.throttle(true);
        try {
            assertInstanceOf(Outcome.Failed.class, sms.send(Recipient.resident(resident), message));
        } finally {
            smsc.throttle(false);
        }
        assertEquals(Outcome.sent(), sms.send(Recipient.resident(resident), message));
        await().atMost(WAIT).until(() -> smsc.receivedBy(phone).size() == 1);
    }

    @Test
    void givenTheSmscAway_thenTheSendFails_andOnceItIsBackTheTextGoes() {
        String phone = newPhone();
        UUID resident = intake.residentWithPhone(phone);
        Message message = message(Kind.ORDER_ACCEPTED, ACCEPTED);
        assertEquals(Outcome.sent(), sms.send(Recipient.resident(newResident()), message(Kind.ORDER_ACCEPTED, "在")));

        smsc.stop();
        try {
            assertInstanceOf(Outcome.Failed.class, sms.send(Recipient.resident(resident), message));
        } finally {
            smsc.start();
        }
        // bound again by the send itself, or by the channel's own rebinding meanwhile
        assertEquals(Outcome.sent(), sms.send(Recipient.resident(resident), message));
        await().atMost(WAIT).until(() -> smsc.receivedBy(phone).size() == 1);
        assertEquals(ACCEPTED, smsc.receivedBy(phone).get(0).text());
    }

    @Test
    void givenAResidentIntakeHoldsNoPhoneFor_thenUnreachable_andNothingIsSent() {
        int before = smsc.submits();

        Outcome outcome = sms.send(Recipient.resident(UUID.randomUUID()), message(Kind.ORDER_ACCEPTED, ACCEPTED));

        assertInstanceOf(Outcome.Unreachable.class, outcome);
        assertEquals(before, smsc.submits());
    }

    @Test
    void smsReachesResidentsOnly() {
        assertTrue(sms.reaches(Recipient.resident(UUID.randomUUID())));
        assertFalse(sms.reaches(Recipient.person("V-zhao-li")));
        assertInstanceOf(Outcome.Unreachable.class,
                sms.send(Recipient.person("V-zhao-li"), message(Kind.ORDER_ACCEPTED, ACCEPTED)));
    }

    private UUID newResident() {
        return intake.residentWithPhone(newPhone());
    }

    private static String newPhone() {
        return "139" + ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000);
    }

    private static Message message(Kind kind, String text) {
        return new Message(UUID.randomUUID(), kind, UUID.randomUUID(), false, "一点就来", text, "#/orders");
    }
}
