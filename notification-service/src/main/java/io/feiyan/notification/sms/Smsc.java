package io.feiyan.notification.sms;

import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import org.jboss.logging.Logger;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;

/**
 * The county's SMSC as this service speaks to it: one SMPP session bound as a transmitter, kept alive by enquire_link
 * and bound again when lost — by the next send that finds it gone, and every {@code rebind-every} meanwhile.
 */
@ApplicationScoped
@Startup
public class Smsc {
    private static final Logger LOG = Logger.getLogger(Smsc.class);
    private static final ESMClass PLAIN = new ESMClass();
    private static final ESMClass WITH_HEADER = new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT,
            GSMSpecificFeature.UDHI);

    private final SmsConfig config;
    /** The session, bound or lost; changed under this' lock. */
    private volatile SMPPSession session;
    /** Whether the SMSC was away at the last try, so that it is logged once, not at every try. */
    private boolean away;

    Smsc(SmsConfig config) {
        this.config = config;
        if (config.enabled()) {
            // SMPP 3.4 (5.2.1, 5.2.2): longer ones cannot be bound with, and would end up quoted in an error
            if (config.systemId().length() > 15 || config.password().orElse("").length() > 8) {
                throw new IllegalStateException("feiyan.notification.sms.system-id may have 15 characters at most, "
                        + "and .password 8: SMPP 3.4 allows no more");
            }
        }
    }

    /** Binds at start and after a loss, while no send comes to do it. */
    @Scheduled(every = "${feiyan.notification.sms.rebind-every:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void keepBound() {
        if (!config.enabled()) {
            return;
        }
        try {
            bound();
        } catch (IOException e) {
            // logged by bound(); the next send or this schedule tries again
        }
    }

    /**
     * Submits the text to the number in one submit_sm, or one a segment; returns once the SMSC has taken every
     * segment. A negative answer throws {@link NegativeResponseException} with the SMSC's command status; a lost or
     * unanswering SMSC an {@link IOException} or {@link ResponseTimeoutException}.
     */
    public void submit(String destination, SmsText text, int reference) throws IOException, PDUException,
            ResponseTimeoutException, InvalidResponseException, NegativeResponseException {
        SMPPSession bound = bound();
        TypeOfNumber sourceTon = config.sourceAddress().chars().allMatch(Character::isDigit) ? TypeOfNumber.UNKNOWN
                : TypeOfNumber.ALPHANUMERIC;
        for (byte[] payload : text.payloads(reference)) {
            bound.submitShortMessage("", sourceTon, NumberingPlanIndicator.UNKNOWN, config.sourceAddress(),
                    TypeOfNumber.UNKNOWN, NumberingPlanIndicator.ISDN, destination,
                    text.concatenated() ? WITH_HEADER : PLAIN, (byte) 0, (byte) 1, null, null,
                    new RegisteredDelivery(SMSCDeliveryReceipt.DEFAULT), (byte) 0,
                    DataCodings.newInstance(SmsText.UCS2), (byte) 0, payload);
        }
    }

    /** The bound session: the one there is, or a new one bound now. */
    private synchronized SMPPSession bound() throws IOException {
        if (session != null && session.getSessionState().isBound()) {
            return session;
        }
        if (session != null) {
            session.close();
        }
        SMPPSession fresh = new SMPPSession();
        fresh.setEnquireLinkTimer((int) config.enquireLinkEvery().toMillis());
        fresh.setTransactionTimer(config.responseTimeout().toMillis());
        try {
            fresh.connectAndBind(config.host(), config.port(), new BindParameter(BindType.BIND_TX, config.systemId(),
                    config.password().orElse(""), "", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null),
                    config.responseTimeout().toMillis());
        } catch (IOException e) {
            fresh.close();
            if (!away) {
                LOG.warnf("SMS: cannot bind to the SMSC at %s:%d as %s (%s); texts wait and are retried",
                        config.host(), config.port(), config.systemId(), e.getMessage());
            }
            away = true;
            throw e;
        }
        LOG.infof("SMS: bound to the SMSC at %s:%d as %s", config.host(), config.port(), config.systemId());
        away = false;
        session = fresh;
        fresh.addSessionStateListener((now, before, source) -> {
            if (now == SessionState.CLOSED && before.isBound() && session == fresh) {
                LOG.warnf("SMS: the session to the SMSC at %s:%d closed; binding again", config.host(), config.port());
            }
        });
        return session;
    }

    @PreDestroy
    synchronized void close() {
        SMPPSession closing = session;
        session = null;
        if (closing != null) {
            closing.unbindAndClose();
        }
    }
}
