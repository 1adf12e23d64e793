package org.outdial.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.outdial.desktop.DesktopEvent;
import org.outdial.desktop.KvList;
import org.outdial.desktop.Keys;
import org.outdial.desktop.Request;
import org.outdial.desktop.RequestCodec;
import org.outdial.server.desktop.DesktopJson;

/**
 * The desktops of {@link DesktopBenchmark}: N WebSocket connections driven by one thread on one selector, each in a
 * closed loop of PreviewRecordRequest, K UpdateCallCompletionStats and one RecordProcessed. It is lean on purpose — on
 * a 2-core machine the load generator shares the CPU with the server it measures — yet the server sees real protocol
 * traffic: masked RFC 6455 text frames whose JSON comes from the reference codec ({@link RequestCodec},
 * {@link DesktopJson}), written once per request shape with marker numbers that are replaced by the real reference id
 * and record handle. Replies are matched by {@code GSW_REFERENCE_ID}; a PreviewRecord is parsed in full, the other
 * replies are checked for their event name and for an error number.
 */
final class DesktopLoad implements AutoCloseable {

    private static final long REF_MARK = 9_111_111_111_111L;
    private static final long HANDLE_MARK = 9_222_222_222_222L;
    private static final String REF_KEY = "\"" + Keys.REFERENCE_ID + "\":";
    private static final String ERROR_KEY = "\"" + Keys.ERROR_NUMBER + "\":";
    private static final String EVENT_PREFIX = "{\"" + Keys.USER_EVENT + "\":\"";
    private static final long RETRY_NANOS = 50_000_000L; // a desktop told "no record" asks again after this

    /** Latencies of one kind of request, in ns, as measured while {@link #measuring} is on. */
    static final class Samples {
        private long[] values = new long[1 << 16];
        private int n;

        synchronized void clear() {
            n = 0;
        }

        synchronized void add(long v) {
            if (n == values.length) {
                values = Arrays.copyOf(values, n * 2);
            }
            values[n++] = v;
        }

        synchronized double[] millis() {
            double[] ms = new double[n];
            for (int i = 0; i < n; i++) {
                ms[i] = values[i] / 1e6;
            }
            return ms;
        }
    }

    /** A request shape: JSON text cut at the marker numbers, in the order they appear. */
    private record Template(byte[][] parts, boolean[] refAt) {

        static Template of(Request request, Long applicationId) {
            String json = DesktopJson.write(RequestCodec.encode(request, applicationId, REF_MARK));
            List<byte[]> parts = new ArrayList<>();
            List<Boolean> refs = new ArrayList<>();
            String ref = Long.toString(REF_MARK);
            String handle = Long.toString(HANDLE_MARK);
            int from = 0;
            while (true) {
                int r = json.indexOf(ref, from);
                int h = json.indexOf(handle, from);
                int at = r < 0 ? h : h < 0 ? r : Math.min(r, h);
                if (at < 0) {
                    break;
                }
                parts.add(json.substring(from, at).getBytes(StandardCharsets.UTF_8));
                refs.add(at == r);
                from = at + (at == r ? ref.length() : handle.length());
            }
            parts.add(json.substring(from).getBytes(StandardCharsets.UTF_8));
            boolean[] refAt = new boolean[refs.size()];
            for (int i = 0; i < refAt.length; i++) {
                refAt[i] = refs.get(i);
            }
            return new Template(parts.toArray(byte[][]::new), refAt);
        }
    }

    private enum Step { PREVIEW, UPDATE, PROCESSED }

    private final class Conn {
        final int index;
        final SocketChannel channel;
        final ByteBuffer in = ByteBuffer.allocate(1 << 17);
        final ByteBuffer out = ByteBuffer.allocateDirect(1 << 14);
        final byte[] scratch = new byte[1 << 12];
        long mask = ThreadLocalRandom.current().nextLong() | 1;
        long nextRef = 1;
        long awaitedRef = -1;
        Step step;
        int updates;
        long handle;
        String callingList;
        long startedAt;
        long dueAt;
        Template next;
        SelectionKey key;
        final java.io.ByteArrayOutputStream message = new java.io.ByteArrayOutputStream();

        Conn(int index, SocketChannel channel) {
            this.index = index;
            this.channel = channel;
        }

        /** Frames and sends one request; returns false when the socket took only part of it (sent on OP_WRITE). */
        void send(Template t, long ref) throws IOException {
            int len = 0;
            for (int i = 0; i < t.parts().length; i++) {
                System.arraycopy(t.parts()[i], 0, scratch, len, t.parts()[i].length);
                len += t.parts()[i].length;
                if (i < t.refAt().length) {
                    len = digits(t.refAt()[i] ? ref : handle, scratch, len);
                }
            }
            out.put((byte) 0x81); // FIN, text
            if (len < 126) {
                out.put((byte) (0x80 | len));
            } else {
                out.put((byte) (0x80 | 126));
                out.putShort((short) len);
            }
            mask ^= mask << 13;
            mask ^= mask >>> 7;
            mask ^= mask << 17;
            int m = (int) mask;
            out.putInt(m);
            for (int i = 0; i < len; i++) {
                out.put((byte) (scratch[i] ^ (m >>> (8 * (3 - (i & 3))))));
            }
            awaitedRef = ref;
            flush();
        }

        void flush() throws IOException {
            out.flip();
            channel.write(out);
            out.compact();
            if (key != null) {
                key.interestOps(out.position() > 0 ? SelectionKey.OP_READ | SelectionKey.OP_WRITE
                        : SelectionKey.OP_READ);
            }
        }
    }

    private final List<Conn> conns = new ArrayList<>();
    private final Map<String, Template> processedByList = new HashMap<>();
    private Template preview;
    private Template[] updates;
    private Long applicationId;
    private final String campaign;
    private final int updatesPerRecord;
    volatile boolean measuring;
    private volatile boolean stopping;
    final Samples reads = new Samples();
    final Samples writes = new Samples();
    final AtomicLong unexpected = new AtomicLong();
    /** PreviewRecordRequests answered with an error (no record at that moment), tried again 50 ms later. */
    final AtomicLong previewErrors = new AtomicLong();
    private String firstUnexpected;
    private Thread loop;
    private final java.util.PriorityQueue<Conn> due = new java.util.PriorityQueue<>(
            java.util.Comparator.comparingLong((Conn c) -> c.dueAt));
    private final AtomicLong sent = new AtomicLong();
    private volatile long intervalNanos;
    private volatile boolean paceChanged;
    private Selector selector;

    DesktopLoad(String campaign, int updatesPerRecord) {
        this.campaign = campaign;
        this.updatesPerRecord = updatesPerRecord;
    }

    /** Connects and logs in the desktops b0…b(n-1) (credential "pw") and waits for each one's CampaignStarted. */
    void connect(URI uri, int desktops) throws IOException {
        for (int i = 0; i < desktops; i++) {
            SocketChannel ch = SocketChannel.open(new InetSocketAddress(uri.getHost(), uri.getPort()));
            ch.socket().setTcpNoDelay(true);
            Conn c = new Conn(i, ch);
            handshake(c, uri);
            c.send(Template.of(new Request.Login("b" + i, "p" + i, "pw", null), null), c.nextRef++);
            conns.add(c);
        }
        for (Conn c : conns) {
            while (true) {
                String text = readMessageBlocking(c);
                KvList kv = DesktopJson.parse(text);
                if (applicationId == null && kv.get(Keys.APPLICATION_ID) instanceof Long id) {
                    applicationId = id;
                }
                if (new DesktopEvent(kv).name().equals(DesktopEvent.CAMPAIGN_STARTED)) {
                    break;
                }
            }
        }
        Request.Target target = Request.Target.campaign(campaign);
        preview = Template.of(new Request.PreviewRecordRequest(target), applicationId);
        updates = new Template[updatesPerRecord];
        for (int k = 0; k < updatesPerRecord; k++) {
            updates[k] = Template.of(new Request.UpdateCallCompletionStats(HANDLE_MARK, target,
                    new Request.RecordChanges(33, null, null, null, null, Map.of("CustomerName", "u" + k))),
                    applicationId);
        }
    }

    private static void handshake(Conn c, URI uri) throws IOException {
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        String req = "GET " + uri.getPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
                + Base64.getEncoder().encodeToString(nonce) + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
        c.channel.write(ByteBuffer.wrap(req.getBytes(StandardCharsets.US_ASCII)));
        while (true) {
            if (c.channel.read(c.in) < 0) {
                throw new IOException("the server closed the connection during the WebSocket handshake");
            }
            String head = new String(c.in.array(), 0, c.in.position(), StandardCharsets.ISO_8859_1);
            int end = head.indexOf("\r\n\r\n");
            if (end >= 0) {
                if (!head.startsWith("HTTP/1.1 101")) {
                    throw new IOException("WebSocket handshake refused: " + head.lines().findFirst().orElse(""));
                }
                c.in.flip();
                c.in.position(end + 4);
                c.in.compact();
                return;
            }
        }
    }

    private String readMessageBlocking(Conn c) throws IOException {
        while (true) {
            String text = nextMessage(c);
            if (text != null) {
                return text;
            }
            if (c.channel.read(c.in) < 0) {
                throw new IOException("desktop " + c.index + ": the server closed the connection");
            }
        }
    }

    /**
     * The next whole text message in the connection's input buffer, or null when more bytes are needed. Pings are
     * answered, continuation frames joined.
     */
    private String nextMessage(Conn c) throws IOException {
        ByteBuffer in = c.in;
        while (true) {
            int avail = in.position();
            if (avail < 2) {
                return null;
            }
            byte[] a = in.array();
            int b0 = a[0] & 0xff;
            int b1 = a[1] & 0x7f;
            int header = 2;
            long len = b1;
            if (b1 == 126) {
                header = 4;
                if (avail < header) {
                    return null;
                }
                len = ((a[2] & 0xff) << 8) | (a[3] & 0xff);
            } else if (b1 == 127) {
                header = 10;
                if (avail < header) {
                    return null;
                }
                len = ByteBuffer.wrap(a, 2, 8).getLong();
            }
            if (len > in.capacity() - header) {
                throw new IOException("desktop " + c.index + ": a frame of " + len + " bytes");
            }
            if (avail < header + len) {
                return null;
            }
            int opcode = b0 & 0x0f;
            boolean fin = (b0 & 0x80) != 0;
            String text = null;
            if (opcode == 0x1 || opcode == 0x0) {
                if (fin && c.message.size() == 0) {
                    text = new String(a, header, (int) len, StandardCharsets.UTF_8);
                } else {
                    c.message.write(a, header, (int) len);
                    if (fin) {
                        text = c.message.toString(StandardCharsets.UTF_8);
                        c.message.reset();
                    }
                }
            } else if (opcode == 0x9) { // ping: pong with the same payload
                byte[] payload = Arrays.copyOfRange(a, header, header + (int) len);
                c.out.put((byte) 0x8a).put((byte) (0x80 | payload.length)).putInt(0).put(payload);
                c.flush();
            } else if (opcode == 0x8) {
                throw new IOException("desktop " + c.index + ": the server closed the WebSocket");
            }
            in.flip();
            in.position(header + (int) len);
            in.compact();
            if (text != null) {
                return text;
            }
        }
    }

    /** Starts every desktop's loop on the load thread. */
    void start() throws IOException {
        selector = Selector.open();
        for (Conn c : conns) {
            c.channel.configureBlocking(false);
            c.key = c.channel.register(selector, SelectionKey.OP_READ, c);
        }
        loop = Thread.ofPlatform().name("desktop-load").start(this::run);
    }

    /**
     * From now on each desktop sends a request every {@code desktops / requestsPerSecond} seconds (on a fixed schedule,
     * one request in flight per desktop); 0 = each sends its next request as soon as the last is answered. Latency of a
     * paced request counts from when it was due, so a server that falls behind is not flattered by the client waiting.
     */
    void pace(double requestsPerSecond) {
        intervalNanos = requestsPerSecond <= 0 ? 0 : (long) (conns.size() * 1e9 / requestsPerSecond);
        paceChanged = true;
    }

    /** Requests sent since the start (all kinds), for the warm-up. */
    long sent() {
        return sent.get();
    }

    private void run() {
        try {
            for (Conn c : conns) {
                c.next = preview;
                c.step = Step.PREVIEW;
                send(c, System.nanoTime());
            }
            while (!stopping || conns.stream().anyMatch(c -> c.awaitedRef >= 0)) {
                long now = System.nanoTime();
                long wait = due.isEmpty() ? 10 : Math.max(1, (due.peek().dueAt - now) / 1_000_000);
                selector.select(Math.min(10, wait));
                if (paceChanged) {
                    paceChanged = false;
                    long step = intervalNanos / Math.max(1, conns.size());
                    long t = System.nanoTime();
                    List<Conn> waiting = new ArrayList<>(due);
                    due.clear();
                    for (Conn c : conns) { // spread the desktops over one interval
                        c.dueAt = t + c.index * step;
                    }
                    due.addAll(waiting);
                }
                for (SelectionKey k : selector.selectedKeys()) {
                    Conn c = (Conn) k.attachment();
                    if (k.isWritable()) {
                        c.flush();
                    }
                    if (k.isReadable()) {
                        if (c.channel.read(c.in) < 0) {
                            throw new IOException("desktop " + c.index + ": the server closed the connection");
                        }
                        String text;
                        while ((text = nextMessage(c)) != null) {
                            received(c, text);
                        }
                    }
                }
                selector.selectedKeys().clear();
                now = System.nanoTime();
                while (!due.isEmpty() && due.peek().dueAt <= now) {
                    Conn c = due.poll();
                    if (!stopping) {
                        send(c, c.dueAt);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("desktop load failed: " + e);
            unexpected.incrementAndGet();
        }
    }

    /** Sends the desktop's next request now; its latency counts from {@code from} (when it was due). */
    private void send(Conn c, long from) throws IOException {
        sent.incrementAndGet();
        c.send(c.next, c.nextRef++);
        c.startedAt = from;
    }

    /** Sends the next request now, or when the pace says it is due. */
    private void schedule(Conn c, Template next, Step step) throws IOException {
        c.next = next;
        c.step = step;
        if (stopping) {
            return;
        }
        long interval = intervalNanos;
        if (interval == 0) {
            send(c, System.nanoTime());
            return;
        }
        c.dueAt += interval;
        if (c.dueAt <= System.nanoTime()) {
            send(c, c.dueAt); // behind schedule: at once, the wait counts in its latency
        } else {
            due.add(c);
        }
    }

    private void received(Conn c, String text) throws IOException {
        long ref = number(text, REF_KEY);
        if (ref < 0 || ref != c.awaitedRef) {
            return; // unsolicited (campaign status and the like) or a late answer
        }
        long dt = System.nanoTime() - c.startedAt;
        c.awaitedRef = -1;
        boolean error = number(text, ERROR_KEY) >= 0;
        boolean measure = measuring;
        switch (c.step) {
            case PREVIEW -> {
                if (error) {
                    previewErrors.incrementAndGet();
                    // no record right now (the buffer refills): try again shortly, as an agent would
                    c.dueAt = Math.max(c.dueAt, System.nanoTime() + RETRY_NANOS);
                    due.add(c);
                    return;
                }
                DesktopEvent record = new DesktopEvent(DesktopJson.parse(text));
                if (!record.name().equals(DesktopEvent.PREVIEW_RECORD)) {
                    unexpected(text);
                }
                if (measure) {
                    reads.add(dt);
                }
                c.handle = record.recordHandle();
                c.callingList = record.string(Keys.CALLING_LIST);
                c.updates = 0;
                next(c);
            }
            case UPDATE -> {
                if (error || !isEvent(text, DesktopEvent.UPDATE_CALL_COMPLETION_STATS_ACK)) {
                    unexpected(text);
                }
                if (measure) {
                    reads.add(dt);
                }
                next(c);
            }
            case PROCESSED -> {
                if (error || !isEvent(text, DesktopEvent.RECORD_PROCESSED_ACK)) {
                    unexpected(text);
                }
                if (measure) {
                    writes.add(dt);
                }
                schedule(c, preview, Step.PREVIEW);
            }
        }
    }

    private void next(Conn c) throws IOException {
        if (c.updates < updates.length) {
            schedule(c, updates[c.updates++], Step.UPDATE);
            return;
        }
        schedule(c, processedByList.computeIfAbsent(c.callingList, list -> Template.of(new Request.RecordProcessed(
                HANDLE_MARK, Request.Target.campaign(campaign), list, Request.RecordChanges.NONE, null),
                applicationId)), Step.PROCESSED);
    }

    private void unexpected(String text) {
        if (unexpected.getAndIncrement() == 0) {
            firstUnexpected = text;
        }
    }

    String firstUnexpected() {
        return firstUnexpected;
    }

    private static boolean isEvent(String text, String name) {
        return text.startsWith(EVENT_PREFIX) && text.startsWith(name + "\"", EVENT_PREFIX.length());
    }

    /** The non-negative integer after {@code "key":} in a message, or -1 when the key is not there. */
    private static long number(String text, String key) {
        int at = text.indexOf(key);
        if (at < 0) {
            return -1;
        }
        long v = 0;
        for (int i = at + key.length(); i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch < '0' || ch > '9') {
                break;
            }
            v = v * 10 + (ch - '0');
        }
        return v;
    }

    private static int digits(long v, byte[] to, int at) {
        String s = Long.toString(v);
        for (int i = 0; i < s.length(); i++) {
            to[at + i] = (byte) s.charAt(i);
        }
        return at + s.length();
    }

    /** Stops sending new requests, waits for those in flight, then closes the connections. */
    @Override
    public void close() throws IOException {
        stopping = true;
        if (loop != null) {
            try {
                loop.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (Conn c : conns) {
            c.channel.close();
        }
        if (selector != null) {
            selector.close();
        }
    }
}
