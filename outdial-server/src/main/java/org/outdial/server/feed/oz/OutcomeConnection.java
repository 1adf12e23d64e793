package org.outdial.server.feed.oz;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.outdial.feed.FinishedCall;
import org.outdial.feed.oz.ClientRequest;
import org.outdial.feed.oz.DialingCycleOutcomes;
import org.outdial.feed.oz.OutcomeMessages;
import org.outdial.feed.oz.SoftdialCodec;
import org.outdial.feed.oz.SoftdialErrors;
import org.outdial.feed.oz.SoftdialException;
import org.outdial.server.feed.FeedMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One outcome-feed client: a reader thread parses its requests (EO, EE) and a writer thread sends what its bounded
 * queue holds, each message NUL-terminated, UTF-8. When the queue is full new messages for this client are dropped and
 * counted (the client is slow; others and the dialer go on); replies to his own requests (EF, ER) are queued the same
 * way. The connection ends on EOF or an I/O error, and its enumerations with it.
 */
final class OutcomeConnection {

    private static final Logger LOG = LoggerFactory.getLogger(OutcomeConnection.class);
    private static final String STOP = new String("stop");

    private final Socket socket;
    private final BlockingQueue<String> queue;
    private final FeedMetrics metrics;
    private final List<ClientRequest.EnumerateOutcomes> enumerations = new CopyOnWriteArrayList<>();
    private final AtomicLong dropped = new AtomicLong();
    private final Runnable onClose;
    private volatile boolean open = true;

    OutcomeConnection(Socket socket, int queueCapacity, FeedMetrics metrics, Runnable onClose) {
        this.socket = socket;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.metrics = metrics;
        this.onClose = onClose;
    }

    void start() {
        Thread.ofVirtual().name("outcome-read-" + socket.getPort()).start(this::read);
        Thread.ofVirtual().name("outcome-write-" + socket.getPort()).start(this::write);
    }

    boolean isOpen() {
        return open;
    }

    long dropped() {
        return dropped.get();
    }

    /** Hub thread: queues an OZ per matching enumeration and an NB for a declined preview. Never blocks. */
    void offer(FinishedCall call, String body) {
        if (enumerations.isEmpty()) {
            return;
        }
        int re = call.dontDial() ? DialingCycleOutcomes.NOT_MADE : DialingCycleOutcomes.of(call.result());
        boolean success = DialingCycleOutcomes.isSuccess(re);
        boolean any = false;
        for (ClientRequest.EnumerateOutcomes e : enumerations) {
            if (e.wants(call.tenantName(), call.campaignName(), success)) {
                enqueue(OutcomeMessages.outcome(e.transactionId(), body));
                any = true;
            }
        }
        if (any && call.dontDial()) {
            enqueue(OutcomeMessages.numberBack(call));
        }
    }

    private void enqueue(String message) {
        if (queue.offer(message)) {
            return;
        }
        metrics.dropped(OutcomeServer.FEED);
        if (dropped.incrementAndGet() == 1) {
            LOG.atWarn().addKeyValue("client", socket.getRemoteSocketAddress()).addKeyValue("queue", queue.remainingCapacity() + queue.size())
                    .log("outcome-feed client too slow: its queue is full, new messages to it are dropped");
        }
    }

    private void read() {
        try (InputStream in = socket.getInputStream()) {
            ByteArrayOutputStream message = new ByteArrayOutputStream(256);
            boolean tooLong = false;
            byte[] buf = new byte[4096];
            int n;
            while ((n = in.read(buf)) >= 0) {
                for (int i = 0; i < n; i++) {
                    byte b = buf[i];
                    if (b != 0) {
                        if (message.size() < SoftdialCodec.MAX_CLIENT_MESSAGE * 4) {
                            message.write(b);
                        } else {
                            tooLong = true;
                        }
                        continue;
                    }
                    String text = message.toString(StandardCharsets.UTF_8);
                    message.reset();
                    if (tooLong) {
                        tooLong = false;
                        error(SoftdialErrors.TOO_LONG, "message longer than " + SoftdialCodec.MAX_CLIENT_MESSAGE
                                + " characters", text);
                    } else {
                        handle(text);
                    }
                }
            }
        } catch (IOException e) {
            // the client went away; nothing to answer
        } finally {
            close();
        }
    }

    /** One client message: a request is applied, anything wrong is answered with an Error Report. */
    void handle(String raw) {
        String text = strip(raw);
        if (text.isEmpty()) {
            return; // a bare terminator (keep-alive) or line ending
        }
        try {
            switch (ClientRequest.parse(text)) {
                case ClientRequest.EnumerateOutcomes eo -> {
                    if (enumerations.stream().anyMatch(e -> e.transactionId().equals(eo.transactionId()))) {
                        throw new SoftdialException(SoftdialErrors.TX_IN_USE, "an enumeration with TX "
                                + eo.transactionId() + " is already open on this connection");
                    }
                    enumerations.add(eo);
                }
                case ClientRequest.EnumerateEnd ee -> {
                    boolean removed = enumerations.removeIf(e -> e.transactionId().equals(ee.transactionId()));
                    if (!removed) {
                        throw new SoftdialException(SoftdialErrors.TX_UNKNOWN, "no enumeration with TX "
                                + ee.transactionId() + " is open on this connection");
                    }
                    enqueue(OutcomeMessages.enumerateFinished(ee.transactionId()));
                }
            }
        } catch (SoftdialException e) {
            error(e.errorCode(), e.getMessage(), text);
        }
    }

    private void error(int code, String reason, String text) {
        metrics.failed(OutcomeServer.FEED + "-request");
        enqueue(SoftdialErrors.errorReport(code, reason, text));
    }

    private static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && (s.charAt(start) == '\r' || s.charAt(start) == '\n')) {
            start++;
        }
        while (end > start && (s.charAt(end - 1) == '\r' || s.charAt(end - 1) == '\n')) {
            end--;
        }
        return s.substring(start, end);
    }

    private void write() {
        try (OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024)) {
            while (open) {
                String m = queue.take();
                if (m == STOP) {
                    break;
                }
                send(out, m);
                String next;
                while ((next = queue.poll()) != null && next != STOP) {
                    send(out, next);
                }
                out.flush();
                if (next == STOP) {
                    break;
                }
            }
        } catch (IOException e) {
            metrics.failed(OutcomeServer.FEED);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            close();
        }
    }

    private void send(OutputStream out, String m) throws IOException {
        out.write(m.getBytes(StandardCharsets.UTF_8));
        out.write(0);
        metrics.sent(OutcomeServer.FEED);
    }

    void close() {
        if (!open) {
            return;
        }
        open = false;
        enumerations.clear();
        queue.clear();
        queue.offer(STOP);
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
        onClose.run();
    }
}
