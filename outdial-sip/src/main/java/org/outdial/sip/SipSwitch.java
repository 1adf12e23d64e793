package org.outdial.sip;

import gov.nist.javax.sip.SipStackExt;
import gov.nist.javax.sip.clientauthutils.AccountManager;
import gov.nist.javax.sip.clientauthutils.UserCredentials;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.SipException;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.outdial.engine.Command;
import org.outdial.engine.Event;
import org.outdial.record.CallResult;
import org.outdial.switching.Switch;
import org.outdial.switching.SwitchListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SIP switch: carries out the engine's call commands by third-party call control over SIP trunks (see
 * {@link SipCall}) and reports call progress to the engine's listener.
 *
 * <p>Threading: the JAIN-SIP stack delivers messages on its own threads, out of order between messages of one call;
 * the listener only looks the call up by Call-ID and hands the message to that call's {@link SerialQueue}. Engine
 * commands take the same path. Timers run on one scheduler thread that also only enqueues. Requests outside any call
 * are answered at once: REGISTER by the built-in {@link Registrar} for agents' phones (digest-authenticated),
 * OPTIONS with 200, the rest with 481.
 */
public final class SipSwitch implements Switch {

    private static final Logger LOG = LoggerFactory.getLogger(SipSwitch.class);
    private static final int MAX_REGISTRATIONS = 100_000;

    private final SipSwitchConfig config;
    private final LongSupplier clockMs;
    private final SipStack stack;
    private final SipProvider provider;
    private final Signalling sig;
    private final ExecutorService pool;
    private final ScheduledExecutorService timers;
    private final Map<Long, SipCall> calls = new ConcurrentHashMap<>();
    private final Map<String, SipCall> bySipCallId = new ConcurrentHashMap<>();
    private final Map<String, Gate> gates = new ConcurrentHashMap<>();
    private final SipMetrics metrics = new SipMetrics();
    private final Registrar registrar;
    private volatile SwitchListener listener;

    /** A trunk's limits: calls per second (by slots) and concurrent calls. */
    private static final class Gate {
        final AtomicInteger active = new AtomicInteger();
        private final long intervalNanos;
        private long nextSlotNanos;

        Gate(int callsPerSecond) {
            this.intervalNanos = 1_000_000_000L / callsPerSecond;
        }

        /** Nanoseconds until this dial's slot. */
        synchronized long slot(long nowNanos) {
            long slot = Math.max(nowNanos, nextSlotNanos);
            nextSlotNanos = slot + intervalNanos;
            return slot - nowNanos;
        }
    }

    private SipSwitch(SipSwitchConfig config, LongSupplier clockMs) throws SipException {
        this.config = config;
        this.clockMs = clockMs;
        SipFactory factory = SipFactory.getInstance();
        factory.setPathName("gov.nist");
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", "outdial-" + config.bindHost() + "-" + config.port());
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "on");
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", Integer.toString(config.sipThreads()));
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        p.setProperty("gov.nist.javax.sip.RECEIVE_UDP_BUFFER_SIZE", Integer.toString(8 << 20));
        p.setProperty("gov.nist.javax.sip.SEND_UDP_BUFFER_SIZE", Integer.toString(8 << 20));
        p.setProperty("gov.nist.javax.sip.MAX_CLIENT_TRANSACTIONS", "200000");
        p.setProperty("gov.nist.javax.sip.MAX_SERVER_TRANSACTIONS", "200000");
        p.setProperty("gov.nist.javax.sip.AGGRESSIVE_CLEANUP", "true");
        p.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
        p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
        p.setProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT", "false");
        try {
            this.stack = factory.createSipStack(p);
            ListeningPoint udp = stack.createListeningPoint(config.bindHost(), config.port(), ListeningPoint.UDP);
            ListeningPoint tcp = stack.createListeningPoint(config.bindHost(), config.port(), ListeningPoint.TCP);
            this.provider = stack.createSipProvider(udp);
            provider.addListeningPoint(tcp);
            Map<String, Trunk.Credentials> byHost = new ConcurrentHashMap<>();
            config.trunks().forEach(t -> t.credentials().ifPresent(c -> byHost.put(t.host(), c)));
            AccountManager accounts = (challenged, realm) -> credentialsFor(challenged, byHost);
            this.sig = new Signalling(provider, factory.createAddressFactory(), factory.createHeaderFactory(),
                    factory.createMessageFactory(),
                    ((SipStackExt) stack).getAuthenticationHelper(accounts, factory.createHeaderFactory()),
                    config.bindHost(), config.port());
            provider.addSipListener(new Listener());
            stack.start();
        } catch (javax.sip.PeerUnavailableException | javax.sip.TransportNotSupportedException
                 | javax.sip.InvalidArgumentException | javax.sip.ObjectInUseException
                 | java.util.TooManyListenersException e) {
            throw new SipException("SIP stack cannot start on " + config.bindHost() + ":" + config.port() + ": "
                    + e.getMessage() + " (is the port in use?)", e);
        }
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), r -> {
            Thread t = new Thread(r, "sip-call-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sip-timers");
            t.setDaemon(true);
            return t;
        });
        config.trunks().forEach(t -> gates.put(t.name(), new Gate(t.maxCallsPerSecond())));
        this.registrar = new Registrar(sig, config.agentPhones().registrarUsers(), config.agentPhones().registrations(),
                metrics, clockMs);
    }

    /**
     * Starts the SIP stack on the configured address and port (UDP and TCP).
     *
     * @throws IllegalStateException naming the address when the stack cannot start (port in use, bad address)
     */
    public static SipSwitch start(SipSwitchConfig config, LongSupplier clockMs) {
        try {
            SipSwitch s = new SipSwitch(config, clockMs);
            LOG.atInfo().addKeyValue("address", config.bindHost() + ":" + config.port())
                    .addKeyValue("trunks", config.trunks().stream().map(Trunk::name).toList())
                    .log("SIP switch started");
            return s;
        } catch (SipException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static UserCredentials credentialsFor(ClientTransaction challenged, Map<String, Trunk.Credentials> byHost) {
        String host = ((SipURI) challenged.getRequest().getRequestURI()).getHost();
        Trunk.Credentials c = byHost.get(host);
        return new UserCredentials() {
            @Override
            public String getUserName() {
                return c == null ? "" : c.user();
            }

            @Override
            public String getPassword() {
                return c == null ? "" : c.password();
            }

            @Override
            public String getSipDomain() {
                return host;
            }
        };
    }

    public SipMetrics metrics() {
        return metrics;
    }

    /** Calls in progress (each holds its state until every leg is over). */
    public int activeCalls() {
        return calls.size();
    }

    /** SIP Call-IDs still mapped to a call (customer and agent legs). */
    public int boundLegs() {
        return bySipCallId.size();
    }

    public Registrations registrations() {
        return config.agentPhones().registrations();
    }

    @Override
    public void start(SwitchListener listener) {
        this.listener = listener;
    }

    @Override
    public void dial(Command.Dial dial) {
        Trunk trunk = config.trunkFor(dial.phone());
        Gate gate = gates.get(trunk.name());
        if (gate.active.incrementAndGet() > trunk.maxConcurrentCalls()) {
            gate.active.decrementAndGet();
            metrics.trunkFull.incrementAndGet();
            report(new Event.CallFailed(clockMs.getAsLong(), dial.callId(), CallResult.ALL_TRUNKS_BUSY));
            return;
        }
        metrics.dials.incrementAndGet();
        SipCall call = new SipCall(dial, trunk, config, sig, new CallHost(gate), new SerialQueue(pool));
        if (calls.putIfAbsent(dial.callId(), call) != null) {
            gate.active.decrementAndGet();
            LOG.atError().addKeyValue("callId", dial.callId()).log("dial for a call id already in progress ignored");
            return;
        }
        long waitNanos = gate.slot(System.nanoTime());
        if (waitNanos <= 0) {
            call.queue.execute(call::start);
        } else {
            timers.schedule(() -> call.queue.execute(call::start), waitNanos, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void connect(Command.ConnectToAgent connect) {
        SipCall call = calls.get(connect.callId());
        if (call != null) {
            call.queue.execute(() -> call.connect(connect));
        }
    }

    @Override
    public void transfer(Command.Transfer transfer) {
        SipCall call = calls.get(transfer.callId());
        if (call != null) {
            call.queue.execute(() -> call.transfer(transfer));
        }
    }

    @Override
    public void release(Command.Release release) {
        SipCall call = calls.get(release.callId());
        if (call != null) {
            call.queue.execute(() -> call.release(release));
        }
    }

    private void report(Event event) {
        SwitchListener l = listener;
        if (l != null) {
            l.onEvent(event);
        }
    }

    /** Hangs up every call (BYE or CANCEL), waits up to two seconds for them to end, then stops the stack. */
    @Override
    public void close() {
        for (SipCall call : calls.values()) {
            call.queue.execute(() -> call.release(new Command.Release(call.callId, CallResult.OK)));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (!calls.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        timers.shutdownNow();
        pool.shutdownNow();
        stack.stop();
        LOG.atInfo().addKeyValue("address", config.bindHost() + ":" + config.port()).log("SIP switch stopped");
    }

    /** The switch's side of a call: reports, timers, Call-ID bindings, and the end. */
    private final class CallHost implements SipCall.Host {
        private final Gate gate;

        CallHost(Gate gate) {
            this.gate = gate;
        }

        @Override
        public void report(Event event) {
            SipSwitch.this.report(event);
        }

        @Override
        public long nowMs() {
            return clockMs.getAsLong();
        }

        @Override
        public void schedule(SipCall call, long delayMs, Runnable task, Consumer<ScheduledFuture<?>> handle) {
            try {
                handle.accept(timers.schedule(() -> call.queue.execute(task), delayMs, TimeUnit.MILLISECONDS));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                LOG.debug("timer not scheduled: the switch is closing");
            }
        }

        @Override
        public void bind(String sipCallId, SipCall call) {
            bySipCallId.put(sipCallId, call);
        }

        @Override
        public void finished(SipCall call, Iterable<String> sipCallIds) {
            if (calls.remove(call.callId, call)) {
                gate.active.decrementAndGet();
            }
            for (String id : sipCallIds) {
                bySipCallId.remove(id, call);
            }
        }

        @Override
        public SipMetrics metrics() {
            return metrics;
        }

        @Override
        public void guardReleased(boolean maxDuration) {
            (maxDuration ? metrics.maxDuration : metrics.halfOpen).incrementAndGet();
        }
    }

    /** Stack callbacks: look the call up and enqueue; never block here. */
    private final class Listener implements SipListener {

        @Override
        public void processRequest(RequestEvent event) {
            Request request = event.getRequest();
            SipCall call = bySipCallId.get(Signalling.callId(request));
            if (call != null) {
                call.queue.execute(() -> call.onRequest(event));
                return;
            }
            pool.execute(() -> outsideCalls(event));
        }

        @Override
        public void processResponse(ResponseEvent event) {
            Response response = event.getResponse();
            SipCall call = bySipCallId.get(Signalling.callId(response));
            if (call != null) {
                call.queue.execute(() -> call.onResponse(event));
                return;
            }
            CSeqHeader cseq = (CSeqHeader) response.getHeader(CSeqHeader.NAME);
            if (response.getStatusCode() / 100 == 2 && cseq.getMethod().equals(Request.INVITE)
                    && event.getDialog() != null) {
                pool.execute(() -> hangUpStray(event.getDialog(), response));
            }
        }

        @Override
        public void processTimeout(TimeoutEvent event) {
            ClientTransaction tx = event.isServerTransaction() ? null : event.getClientTransaction();
            SipCall call = tx == null ? null : bySipCallId.get(Signalling.callId(tx.getRequest()));
            if (call != null) {
                call.queue.execute(() -> call.onTimeout(tx));
                return;
            }
            LOG.atDebug().addKeyValue("timeout", event.getTimeout())
                    .log("SIP transaction timed out (the call's own guards handle it)");
        }

        @Override
        public void processIOException(IOExceptionEvent event) {
            LOG.atWarn().addKeyValue("peer", event.getHost() + ":" + event.getPort() + "/" + event.getTransport())
                    .log("SIP transport error");
        }

        @Override
        public void processTransactionTerminated(TransactionTerminatedEvent event) {}

        @Override
        public void processDialogTerminated(DialogTerminatedEvent event) {}
    }

    /** An answer for a call we no longer have (e.g. a retransmitted 200 after the end): ACK it and hang up. */
    private void hangUpStray(Dialog dialog, Response ok) {
        metrics.strays.incrementAndGet();
        try {
            sig.ack(dialog, ok, null);
            sig.bye(dialog, 16);
        } catch (SipException | RuntimeException e) {
            LOG.atDebug().setCause(e).log("stray answer cannot be hung up");
        }
    }

    private void outsideCalls(RequestEvent event) {
        Request request = event.getRequest();
        try {
            switch (request.getMethod()) {
                case Request.ACK -> { }
                case Request.REGISTER -> registrar.register(event);
                case Request.OPTIONS -> sig.respond(event.getServerTransaction(), request, 200, null);
                case Request.INVITE -> sig.respond(event.getServerTransaction(), request, 403, null);
                default -> sig.respond(event.getServerTransaction(), request, 481, null);
            }
        } catch (SipException | RuntimeException e) {
            LOG.atDebug().setCause(e).addKeyValue("method", request.getMethod()).log("request cannot be answered");
        }
    }
}
