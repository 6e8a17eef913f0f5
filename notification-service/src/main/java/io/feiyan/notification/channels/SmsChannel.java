package io.feiyan.notification.channels;

import io.feiyan.notification.domain.NotificationChannel;
import io.feiyan.notification.domain.Recipient;
import io.feiyan.notification.intake.PhoneBook;
import io.feiyan.notification.sms.SmsConfig;
import io.feiyan.notification.sms.SmsText;
import io.feiyan.notification.sms.Smsc;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jsmpp.SMPPConstant;
import org.jsmpp.extra.NegativeResponseException;

/**
 * Texts residents, in Chinese, through the county's SMSC (SMPP 3.4): the phone read from intake at send time
 * ({@link PhoneBook}), the text in UCS-2 within two segments ({@link SmsText}). The SMSC refusing the number itself is
 * final (the address is reported dead); its being away, busy or throttling is passing.
 */
@ApplicationScoped
public class SmsChannel implements Channel {
    private static final Logger LOG = Logger.getLogger(SmsChannel.class);
    /** The SMSC's answers that say the number itself cannot take the text: sending it again would not help. */
    private static final Map<Integer, String> DEAD_NUMBER = Map.of(
            SMPPConstant.STAT_ESME_RINVDSTADR, "ESME_RINVDSTADR (invalid destination address)",
            SMPPConstant.STAT_ESME_RINVDSTTON, "ESME_RINVDSTTON (invalid destination type of number)",
            SMPPConstant.STAT_ESME_RINVDSTNPI, "ESME_RINVDSTNPI (invalid destination numbering plan)");

    private final SmsConfig config;
    private final PhoneBook phones;
    private final Smsc smsc;
    private final DeadAddresses deadAddresses;

    SmsChannel(SmsConfig config, PhoneBook phones, Smsc smsc, DeadAddresses deadAddresses) {
        this.config = config;
        this.phones = phones;
        this.smsc = smsc;
        this.deadAddresses = deadAddresses;
    }

    @Override
    public NotificationChannel name() {
        return NotificationChannel.SMS;
    }

    /** Residents, by the phone intake holds, while the county's SMSC is configured. */
    @Override
    public boolean reaches(Recipient recipient) {
        return config.enabled() && recipient.isResident();
    }

    @Override
    public Outcome send(Recipient recipient, Message message) {
        if (!reaches(recipient)) {
            return new Outcome.Unreachable(config.enabled() ? "SMS goes to residents only" : "SMS is not enabled");
        }
        Optional<String> phone;
        try {
            phone = phones.phoneOf(recipient.residentId(), message.orderId(), message.kind());
        } catch (PhoneBook.Unavailable e) {
            return new Outcome.Failed(e.getMessage());
        }
        if (phone.isEmpty()) {
            return new Outcome.Unreachable("intake holds no phone for the resident");
        }
        SmsText text = SmsText.fit(message.text());
        if (text.cut()) {
            // the text itself is not logged: it may name the resident's order
            LOG.warnf("SMS: the county's text for %s is %d characters, more than the %d of two segments: cut to fit "
                    + "(shorten its template)", message.kind(), message.text().length(), SmsText.MOST);
        }
        try {
            // one reference for every try of the same message, so a repeated segment joins the same message
            smsc.submit(phone.get(), text, message.id().hashCode() & 0xff);
            return Outcome.sent();
        } catch (NegativeResponseException e) {
            String dead = DEAD_NUMBER.get(e.getCommandStatus());
            if (dead != null) {
                String reason = "the SMSC refused the number: " + dead;
                deadAddresses.report(NotificationChannel.SMS, recipient, reason);
                return new Outcome.Unreachable(reason);
            }
            return new Outcome.Failed(String.format("the SMSC answered 0x%02X", e.getCommandStatus()));
        } catch (Exception e) {
            return new Outcome.Failed("the SMSC is away: " + e);
        }
    }
}
