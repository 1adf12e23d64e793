package org.outdial.server.feed;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.outdial.agent.AgentState;
import org.outdial.attempt.CallAttempt;
import org.outdial.engine.Command;
import org.outdial.feed.FinishedCall;
import org.outdial.store.AttemptStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each finished, dialed call attempt to the store's call-attempt history (upsert by GUID), from the same
 * stream the outcome and CTI feeds read, so the three tell the same story. One writer thread behind a bounded queue;
 * a full queue or a failed write is counted and logged, never retried in a loop that could hold the feeds back.
 * An agent's first state after the wrap-up of a call stamps that attempt's ACW completed (a second upsert).
 */
public final class AttemptHistory implements FeedListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AttemptHistory.class);
    static final String FEED = "history";
    static final int QUEUE_CAPACITY = 100_000;
    /** Attempts written per transaction at most. */
    static final int BATCH = 500;

    private final java.util.function.Supplier<AttemptStore> attempts;
    private final FeedMetrics metrics;
    private final BlockingQueue<CallAttempt> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final Thread writer;
    private volatile boolean open = true;
    /** The last finished attempt each agent handled, until his wrap-up ends; hub thread only. */
    private final Map<String, CallAttempt> wrapping = new HashMap<>();

    /** @param attempts the store's history, looked up at each write (a store may offer none until asked) */
    public AttemptHistory(java.util.function.Supplier<AttemptStore> attempts, FeedMetrics metrics) {
        this.attempts = attempts;
        this.metrics = metrics;
        this.writer = Thread.ofVirtual().name("attempt-history").start(this::run);
    }

    /** The history row of a finished call; null for a preview record that was never dialed. */
    static CallAttempt attempt(FinishedCall c) {
        if (c.attemptGuid() == null) {
            return null;
        }
        return new CallAttempt(c.attemptGuid(), c.listId(), c.recordId(), c.chainId(), c.groupId(), c.agentId(),
                c.phone(), c.result(), Instant.ofEpochMilli(c.dialedAtMs()), Instant.ofEpochMilli(c.dialedAtMs()),
                c.answeredAtMs() == null ? null : Instant.ofEpochMilli(c.answeredAtMs()),
                c.answeredAtMs() == null || c.agentId() == null ? null : Instant.ofEpochMilli(c.answeredAtMs()),
                Instant.ofEpochMilli(c.endedAtMs()), null, Instant.ofEpochMilli(c.processedAtMs()));
    }

    @Override
    public void finished(FinishedCall call) {
        CallAttempt a = attempt(call);
        if (a != null && a.agentAnswered() != null) {
            wrapping.put(a.agentId(), a);
        }
        enqueue(a);
    }

    @Override
    public void command(long atMs, Command command) {
        if (command instanceof Command.PublishAgentState s && s.state() != AgentState.WORK_NOT_READY
                && s.state() != AgentState.TALKING) {
            CallAttempt a = wrapping.remove(s.agentId());
            if (a != null) {
                enqueue(new CallAttempt(a.guid(), a.listId(), a.recordId(), a.chainId(), a.campaignGroupId(),
                        a.agentId(), a.phone(), a.callResult(), a.startProcessing(), a.dialing(), a.cpdCompleted(),
                        a.agentAnswered(), a.released(), Instant.ofEpochMilli(atMs), a.completeProcessing()));
            }
        }
    }

    private void enqueue(CallAttempt a) {
        if (a != null && !queue.offer(a)) {
            metrics.dropped(FEED);
            LOG.atWarn().addKeyValue("attempt", a.guid()).log("call-attempt history queue full; attempt not written");
        }
    }

    /** Writes what has accumulated in one transaction (up to {@link #BATCH} attempts), then waits for more. */
    private void run() {
        java.util.List<CallAttempt> batch = new java.util.ArrayList<>(BATCH);
        while (open || !queue.isEmpty()) {
            CallAttempt first;
            try {
                first = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (first == null) {
                continue;
            }
            batch.add(first);
            queue.drainTo(batch, BATCH - 1);
            try {
                attempts.get().saveAll(batch);
                metrics.sent(FEED, batch.size());
            } catch (RuntimeException e) {
                metrics.failed(FEED);
                LOG.atWarn().addKeyValue("attempts", batch.size()).addKeyValue("first", first.guid())
                        .addKeyValue("error", e.toString()).log("call attempts not written to the history");
            }
            batch.clear();
        }
    }

    /** Writes what is queued (up to 10 s), then stops. */
    @Override
    public void close() {
        open = false;
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
