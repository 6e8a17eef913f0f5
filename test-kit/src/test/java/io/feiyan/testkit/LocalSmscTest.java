package io.feiyan.testkit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The local SMSC as any ESME sees it over SMPP: who it binds, what it records, what it refuses. */
class LocalSmscTest {
    private final LocalSmsc smsc = LocalSmsc.start("county", "pw-2026");

    @AfterEach
    void stop() {
        smsc.close();
    }

    @Test
    void aTransmitterWithTheRightPasswordIsBound_aWrongPasswordIsRefused() throws IOException {
        assertThrows(IOException.class, () -> bind("wrong"));
        SMPPSession session = bind("pw-2026");
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> smsc.boundSessions() == 1);
        } finally {
            session.unbindAndClose();
        }
    }

    @Test
    void aUcs2TextIsRecordedOnce_andARefusedDestinationGetsItsErrorStatus() throws Exception {
        SMPPSession session = bind("pw-2026");
        try {
            submit(session, "13805391234", "您好，飞燕");
            await().atMost(Duration.ofSeconds(10)).until(() -> !smsc.receivedBy("13805391234").isEmpty());
            assertEquals(List.of(new LocalSmsc.Received("13805391234", "您好，飞燕", LocalSmsc.UCS2, 1)),
                    smsc.receivedBy("13805391234"));

            smsc.refuse("10000000000", SMPPConstant.STAT_ESME_RINVDSTADR);
            NegativeResponseException refused = assertThrows(NegativeResponseException.class,
                    () -> submit(session, "10000000000", "您好"));
            assertEquals(SMPPConstant.STAT_ESME_RINVDSTADR, refused.getCommandStatus());
            assertEquals(1, smsc.submits());
        } finally {
            session.unbindAndClose();
        }
    }

    private SMPPSession bind(String password) throws IOException {
        SMPPSession session = new SMPPSession();
        try {
            session.connectAndBind("localhost", smsc.port(), new BindParameter(BindType.BIND_TX, "county", password,
                    "", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), 5_000);
            return session;
        } catch (IOException e) {
            session.close();
            throw e;
        }
    }

    private static void submit(SMPPSession session, String to, String text) throws Exception {
        session.submitShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, "12345",
                TypeOfNumber.UNKNOWN, NumberingPlanIndicator.ISDN, to, new ESMClass(), (byte) 0, (byte) 1, null, null,
                new RegisteredDelivery(), (byte) 0, DataCodings.newInstance(LocalSmsc.UCS2), (byte) 0,
                text.getBytes(StandardCharsets.UTF_16BE));
    }
}
