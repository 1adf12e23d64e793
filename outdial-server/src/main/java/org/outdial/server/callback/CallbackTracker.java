package org.outdial.server.callback;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.outdial.callback.Callback;
import org.outdial.callback.CallbackService;
import org.outdial.callback.CallbackState;
import org.outdial.engine.Command;
import org.outdial.store.CallbackStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the engine's commands for callback campaign groups and turns them into callback transitions: a
 * {@code Dial} makes the callback ROUTING, {@code ConnectToAgent} PROCESSING, and {@code PublishOutcome} (emitted once
 * the engine's record write is durable) ends the attempt. Commands are taken on the engine thread and handled, in
 * order, on a thread of its own.
 *
 * <p>A {@code Dial} names the phone, not the record: the callback dialed is the service's earliest due callback for
 * that number not already in a call. The outcome names the record, so the attempt's end is always exact.
 */
public final class CallbackTracker implements Consumer<Command>, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CallbackTracker.class);

    private final CallbackDesk desk;
    private final CallbackStore callbacks;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("callback-tracker").factory());
    /**
     * Campaign group id → its service (empty: not a callback group). A group never changes between the two: a
     * service's campaign group is created with it.
     */
    private final Map<Long, Optional<CallbackService>> groups = new ConcurrentHashMap<>();
    /** Calls of callback groups in progress, by call id. */
    private final Map<Long, InFlight> calls = new ConcurrentHashMap<>();
    private final Map<String, InFlight> byAttempt = new ConcurrentHashMap<>();

    private static final class InFlight {
        final String attemptId;
        final boolean amd;
        String callbackId;
        long tenantId;
        boolean agentConnected;

        InFlight(String attemptId, boolean amd) {
            this.attemptId = attemptId;
            this.amd = amd;
        }
    }

    public CallbackTracker(CallbackDesk desk, CallbackStore callbacks) {
        this.desk = desk;
        this.callbacks = callbacks;
    }

    @Override
    public void accept(Command command) {
        switch (command) {
            case Command.Dial d -> worker.execute(() -> guard(() -> onDial(d)));
            case Command.ConnectToAgent c -> worker.execute(() -> guard(() -> onConnect(c)));
            case Command.PublishOutcome o -> worker.execute(() -> guard(() -> onOutcome(o)));
            default -> { }
        }
    }

    private void guard(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.atWarn().addKeyValue("error", e.toString()).log("callback tracking failed for an engine command");
        }
    }

    private Optional<CallbackService> service(long groupId) {
        return groups.computeIfAbsent(groupId, callbacks::serviceOfGroup);
    }

    private void onDial(Command.Dial d) {
        Optional<CallbackService> s = service(d.groupId());
        if (s.isEmpty()) {
            return;
        }
        InFlight call = new InFlight(d.attemptGuid().toString(), d.amd());
        calls.put(d.callId(), call);
        byAttempt.put(call.attemptId, call);
        for (Callback cb : callbacks.query(new CallbackStore.CallbackQuery(s.get().tenantId(), s.get().id(), null,
                d.phone(), EnumSet.of(CallbackState.QUEUED, CallbackState.SCHEDULED), null, null, 20))) {
            Callback dialed = desk.dialing(cb.listId(), cb.recordId(), call.attemptId);
            if (dialed != null) {
                call.callbackId = dialed.id();
                call.tenantId = dialed.tenantId();
                return;
            }
        }
    }

    private void onConnect(Command.ConnectToAgent c) {
        InFlight call = calls.get(c.callId());
        if (call == null) {
            return;
        }
        call.agentConnected = true;
        if (call.callbackId != null) {
            desk.agentConnected(call.callbackId, call.tenantId, c.agentId());
        }
    }

    private void onOutcome(Command.PublishOutcome o) {
        if (service(o.groupId()).isEmpty()) {
            return;
        }
        InFlight call = byAttempt.remove(o.attemptGuid().toString());
        if (call != null) {
            calls.values().remove(call);
        }
        desk.attemptEnded(o.listId(), o.recordId(), o.result(), call != null && call.agentConnected,
                call == null || call.amd, o.dialedAtMs());
    }

    /** Waits until every command taken so far is handled (tests, shutdown). */
    public void drain() {
        try {
            worker.submit(() -> { }).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        worker.shutdown();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
