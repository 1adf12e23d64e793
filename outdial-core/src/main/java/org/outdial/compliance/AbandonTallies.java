package org.outdial.compliance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sums the abandon guard's single counts into {@link AbandonTally} buckets until they are written: one row per
 * campaign, 15-minute bucket and answer-delay step. Not thread-safe; the caller synchronizes.
 */
public final class AbandonTallies {

    private record Key(long tenantId, long campaignId, long bucketStartMs, long answerDelayMs) {}

    private static final class Sum {
        long connected;
        long machines;
        long abandons;
        long firstAtMs = Long.MAX_VALUE;
        long lastAtMs = Long.MIN_VALUE;
    }

    private final Map<Key, Sum> sums = new LinkedHashMap<>();

    /** Counts one connection, machine or abandon at {@code atMs} (answer delay negative: unknown). */
    public void add(long tenantId, long campaignId, AbandonTally.Kind kind, long answerDelayMs, long atMs) {
        Sum sum = sums.computeIfAbsent(new Key(tenantId, campaignId, AbandonTally.bucketOf(atMs),
                AbandonTally.delayStepOf(answerDelayMs)), k -> new Sum());
        switch (kind) {
            case CONNECTED -> sum.connected++;
            case NOT_LIVE -> sum.machines++;
            case ABANDON -> sum.abandons++;
        }
        sum.firstAtMs = Math.min(sum.firstAtMs, atMs);
        sum.lastAtMs = Math.max(sum.lastAtMs, atMs);
    }

    /** Adds a tally back (a write that failed is retried with the next). */
    public void add(AbandonTally t) {
        Sum sum = sums.computeIfAbsent(new Key(t.tenantId(), t.campaignId(), t.bucketStartMs(), t.answerDelayMs()),
                k -> new Sum());
        sum.connected += t.connected();
        sum.machines += t.machines();
        sum.abandons += t.abandons();
        sum.firstAtMs = Math.min(sum.firstAtMs, t.firstAtMs());
        sum.lastAtMs = Math.max(sum.lastAtMs, t.lastAtMs());
    }

    public boolean isEmpty() {
        return sums.isEmpty();
    }

    /** The sums so far, in the order their buckets were first counted; empties this accumulator. */
    public List<AbandonTally> drain() {
        List<AbandonTally> out = new ArrayList<>(sums.size());
        sums.forEach((k, s) -> out.add(new AbandonTally(k.tenantId(), k.campaignId(), k.bucketStartMs(),
                k.answerDelayMs(), s.connected, s.machines, s.abandons, s.firstAtMs, s.lastAtMs)));
        sums.clear();
        return out;
    }
}
