package org.outdial.server.report;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.outdial.agent.AgentState;
import org.outdial.attempt.CallAttempt;
import org.outdial.engine.Command;
import org.outdial.store.AttemptStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the call-attempt history from the engine's commands: {@code Dial} starts an attempt, {@code ConnectToAgent}
 * stamps the agent's answer, {@code PublishOutcome} (after the record write is durable) ends it, and the agent's next
 * state after wrap-up stamps ACW completed. Commands are taken on the engine thread, written on a thread of its own.
 */
public final class AttemptRecorder implements Consumer<Command>, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AttemptRecorder.class);

    private final AttemptStore attempts;
    private final LongSupplier clockMs;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("attempt-recorder").factory());
    private final Map<Long, Long> answeredAtByCall = new ConcurrentHashMap<>();
    private final Map<java.util.UUID, Long> callByAttempt = new ConcurrentHashMap<>();
    /** The last finished attempt of each agent, waiting for the end of its wrap-up. */
    private final Map<String, CallAttempt> wrapping = new ConcurrentHashMap<>();

    public AttemptRecorder(AttemptStore attempts, LongSupplier clockMs) {
        this.attempts = attempts;
        this.clockMs = clockMs;
    }

    @Override
    public void accept(Command command) {
        long now = clockMs.getAsLong();
        switch (command) {
            case Command.Dial d -> callByAttempt.put(d.attemptGuid(), d.callId());
            case Command.ConnectToAgent c -> answeredAtByCall.put(c.callId(), now);
            case Command.PublishOutcome o -> {
                Long callId = callByAttempt.remove(o.attemptGuid());
                Long answered = callId == null ? null : answeredAtByCall.remove(callId);
                Instant dialed = Instant.ofEpochMilli(o.dialedAtMs());
                Instant ended = Instant.ofEpochMilli(o.endedAtMs());
                CallAttempt a = new CallAttempt(o.attemptGuid(), o.listId(), o.recordId(), o.chainId(), o.groupId(),
                        o.agentId(), o.phone(), o.result(), dialed, dialed, null,
                        answered == null ? null : Instant.ofEpochMilli(answered), answered == null ? null : ended, null,
                        ended);
                if (answered != null && o.agentId() != null) {
                    wrapping.put(o.agentId(), a);
                }
                write(a);
            }
            case Command.PublishAgentState s -> {
                if (s.state() != AgentState.WORK_NOT_READY && s.state() != AgentState.TALKING) {
                    CallAttempt a = wrapping.remove(s.agentId());
                    if (a != null) {
                        write(new CallAttempt(a.guid(), a.listId(), a.recordId(), a.chainId(), a.campaignGroupId(),
                                a.agentId(), a.phone(), a.callResult(), a.startProcessing(), a.dialing(),
                                a.cpdCompleted(), a.agentAnswered(), a.released(), Instant.ofEpochMilli(now),
                                a.completeProcessing()));
                    }
                }
            }
            default -> { }
        }
    }

    private void write(CallAttempt a) {
        writer.execute(() -> {
            try {
                attempts.save(a);
            } catch (RuntimeException e) {
                LOG.atWarn().addKeyValue("attempt", a.guid()).addKeyValue("error", e.toString())
                        .log("call attempt not written to the history");
            }
        });
    }

    /** Waits until every attempt taken so far is written (tests, shutdown). */
    public void drain() {
        try {
            writer.submit(() -> { }).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
