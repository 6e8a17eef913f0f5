package io.feiyan.platform.messaging;

/**
 * A message no retry can make processable: missing CloudEvents headers, an unknown type, or a payload
 * that does not parse. It goes to the dead-letter topic with this message as the reason.
 */
public class PoisonMessageException extends RuntimeException {
    public PoisonMessageException(String reason) {
        super(reason);
    }

    public PoisonMessageException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
