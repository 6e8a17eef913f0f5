package io.feiyan.testkit;

import io.feiyan.servers.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.MessageIDGenerator;
import org.jsmpp.util.RandomMessageIDGenerator;

/**
 * An SMSC on this machine for the SMS channel's tests: a real SMPP 3.4 server (jsmpp's server side) on a port of its
 * own. It binds transmitters (and transceivers) that give its system id and password and refuses others; it takes
 * every submit_sm, joins a concatenated message's segments by their user data header, and records each whole message
 * with its destination, its text (UCS-2 decoded) and its data coding. Told to, it refuses a destination as invalid or
 * throttles everything; stopped, it drops its sessions and listens no more (an SMSC gone away) until started again on
 * the same port.
 */
public final class LocalSmsc implements AutoCloseable {
    /** The GSM 03.40 data coding of UCS-2 text. */
    public static final byte UCS2 = 0x08;
    private static final byte UDHI = 0x40;

    /** A whole message as the SMSC received it: to whom, what it says, how coded, in how many segments. */
    public record Received(String destination, String text, byte dataCoding, int segments) {
    }

    private final int port;
    private final String systemId;
    private final String password;
    private final MessageIDGenerator messageIds = new RandomMessageIDGenerator();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger submits = new AtomicInteger();
    private final Map<String, byte[][]> partial = new ConcurrentHashMap<>();
    private final Map<String, Integer> refused = new ConcurrentHashMap<>();
    private final Set<SMPPServerSession> sessions = ConcurrentHashMap.newKeySet();
    private final ExecutorService binding = Executors.newCachedThreadPool(daemon("local-smsc-bind"));
    private volatile boolean throttling;
    private volatile SMPPServerSessionListener listener;

    private LocalSmsc(int port, String systemId, String password) {
        this.port = port;
        this.systemId = systemId;
        this.password = password;
    }

    /** An SMSC listening on a free port, binding the ESME with this system id and password. */
    public static LocalSmsc start(String systemId, String password) {
        LocalSmsc smsc = new LocalSmsc(Ports.free(), systemId, password);
        smsc.start();
        return smsc;
    }

    /** Listens again on its port (after {@link #stop}). */
    public synchronized void start() {
        if (listener != null) {
            return;
        }
        try {
            listener = new SMPPServerSessionListener(port);
        } catch (IOException e) {
            throw new UncheckedIOException("the local SMSC cannot listen on port " + port, e);
        }
        listener.setMessageReceiverListener(new Receiver());
        SMPPServerSessionListener accepting = listener;
        daemon("local-smsc-accept").newThread(() -> accept(accepting)).start();
    }

    /** Goes away: drops every session (the ESMEs see their connection close) and listens no more. */
    public synchronized void stop() {
        if (listener == null) {
            return;
        }
        try {
            listener.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        listener = null;
        sessions.forEach(SMPPServerSession::close);
        sessions.clear();
    }

    public int port() {
        return port;
    }

    public String systemId() {
        return systemId;
    }

    public String password() {
        return password;
    }

    /** Answers every submit_sm to this destination with the error status (e.g. ESME_RINVDSTADR, 0x0B). */
    public void refuse(String destination, int commandStatus) {
        refused.put(destination, commandStatus);
    }

    /** Answers every submit_sm with ESME_RTHROTTLED (0x58) while on. */
    public void throttle(boolean on) {
        throttling = on;
    }

    /** The whole messages received, in order. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The whole messages received for this destination, in order. */
    public List<Received> receivedBy(String destination) {
        return received.stream().filter(message -> message.destination().equals(destination)).toList();
    }

    /** How many submit_sm PDUs it took (segments count one each), refused ones not counted. */
    public int submits() {
        return submits.get();
    }

    /** How many ESMEs are bound now. */
    public int boundSessions() {
        return (int) sessions.stream().filter(session -> session.getSessionState().isBound()).count();
    }

    @Override
    public void close() {
        stop();
        binding.shutdownNow();
    }

    private void accept(SMPPServerSessionListener accepting) {
        while (true) {
            SMPPServerSession session;
            try {
                session = accepting.accept();
            } catch (IOException e) {
                return; // stopped
            }
            sessions.add(session);
            session.addSessionStateListener((now, before, source) -> {
                if (now == SessionState.CLOSED) {
                    sessions.remove(session);
                }
            });
            binding.submit(() -> bind(session));
        }
    }

    private void bind(SMPPServerSession session) {
        try {
            BindRequest request = session.waitForBind(5_000);
            if (request.getBindType() == BindType.BIND_RX) {
                request.reject(SMPPConstant.STAT_ESME_RBINDFAIL);
            } else if (!systemId.equals(request.getSystemId())) {
                request.reject(SMPPConstant.STAT_ESME_RINVSYSID);
            } else if (!password.equals(request.getPassword())) {
                request.reject(SMPPConstant.STAT_ESME_RINVPASWD);
            } else {
                request.accept(systemId);
                return;
            }
            session.close();
        } catch (TimeoutException | IOException | IllegalStateException | PDUStringException e) {
            session.close();
        }
    }

    /** One submit_sm: refused, or taken and, once all its segments are in, recorded as a whole message. */
    private SubmitSmResult take(SubmitSm submit) throws ProcessRequestException {
        if (throttling) {
            throw new ProcessRequestException("throttled", SMPPConstant.STAT_ESME_RTHROTTLED);
        }
        Integer refusal = refused.get(submit.getDestAddress());
        if (refusal != null) {
            throw new ProcessRequestException("refused destination", refusal);
        }
        submits.incrementAndGet();
        byte[] payload = submit.getShortMessage();
        if ((submit.getEsmClass() & UDHI) == 0) {
            record(submit, List.of(payload), 1);
        } else {
            ByteBuffer udh = ByteBuffer.wrap(payload);
            int headerLength = udh.get() & 0xff;
            int reference = -1;
            int total = 1;
            int sequence = 1;
            while (udh.position() < headerLength + 1) {
                int element = udh.get() & 0xff;
                int length = udh.get() & 0xff;
                if (element == 0x00 && length == 3) { // concatenated, 8-bit reference
                    reference = udh.get() & 0xff;
                    total = udh.get() & 0xff;
                    sequence = udh.get() & 0xff;
                } else if (element == 0x08 && length == 4) { // concatenated, 16-bit reference
                    reference = udh.getShort() & 0xffff;
                    total = udh.get() & 0xff;
                    sequence = udh.get() & 0xff;
                } else {
                    udh.position(udh.position() + length);
                }
            }
            byte[] text = new byte[payload.length - headerLength - 1];
            System.arraycopy(payload, headerLength + 1, text, 0, text.length);
            String key = submit.getDestAddress() + "/" + reference + "/" + total;
            int segments = total;
            byte[][] parts = partial.computeIfAbsent(key, k -> new byte[segments][]);
            boolean whole;
            synchronized (parts) {
                parts[sequence - 1] = text;
                whole = Arrays.stream(parts).allMatch(Objects::nonNull);
            }
            if (whole && partial.remove(key, parts)) {
                record(submit, List.of(parts), total);
            }
        }
        return new SubmitSmResult(messageIds.newMessageId(), new OptionalParameter[0]);
    }

    private void record(SubmitSm submit, List<byte[]> parts, int segments) {
        ByteBuffer whole = ByteBuffer.allocate(parts.stream().mapToInt(part -> part.length).sum());
        parts.forEach(whole::put);
        byte coding = submit.getDataCoding();
        String text = new String(whole.array(),
                coding == UCS2 ? StandardCharsets.UTF_16BE : StandardCharsets.ISO_8859_1);
        received.add(new Received(submit.getDestAddress(), text, coding, segments));
    }

    /** What the SMSC answers to the requests of a bound ESME: submit_sm; nothing else is offered. */
    private final class Receiver implements ServerMessageReceiverListener {
        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source)
                throws ProcessRequestException {
            return take(submitSm);
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source)
                throws ProcessRequestException {
            throw notOffered();
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source)
                throws ProcessRequestException {
            throw notOffered();
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
            throw notOffered();
        }

        @Override
        public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
            throw notOffered();
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw notOffered();
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw notOffered();
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm,
                SMPPServerSession source) throws ProcessRequestException {
            throw notOffered();
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw notOffered();
        }

        private ProcessRequestException notOffered() {
            return new ProcessRequestException("not offered by the local SMSC", SMPPConstant.STAT_ESME_RINVCMDID);
        }
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
