package org.outdial.sip;

import java.util.concurrent.atomic.AtomicLong;

/** Counters of the SIP switch adapter; read them through {@link SipSwitch#metrics()}. */
public final class SipMetrics {

    /** Calls dialed (INVITE attempts and seized agent legs). */
    final AtomicLong dials = new AtomicLong();
    /** INVITEs the trunk never responded to: ended by the no-reply guard, not Timer B. */
    final AtomicLong noReply = new AtomicLong();
    /** CANCELs without a final response in time. */
    final AtomicLong cancelUnanswered = new AtomicLong();
    /** Dials refused at once because the trunk's concurrent-call limit was reached. */
    final AtomicLong trunkFull = new AtomicLong();
    /** Calls bridged to an agent or a destination. */
    final AtomicLong bridged = new AtomicLong();
    /** Bridges that failed (agent not answering, re-INVITE refused, ...). */
    final AtomicLong bridgeFailures = new AtomicLong();
    /** 2xx answers to INVITEs of no call, acknowledged and hung up. */
    final AtomicLong strays = new AtomicLong();
    /** Bridged calls released by outdial at their trunk's maximum call duration. */
    final AtomicLong maxDuration = new AtomicLong();
    /** Bridged calls released because a leg no longer knew its dialog (probe answered 481/408 or not at all). */
    final AtomicLong halfOpen = new AtomicLong();
    /** REGISTERs refused: unknown user, wrong digest, or a user registering another's address. */
    final AtomicLong registrationsRefused = new AtomicLong();

    public long dials() {
        return dials.get();
    }

    public long noReply() {
        return noReply.get();
    }

    public long cancelUnanswered() {
        return cancelUnanswered.get();
    }

    public long trunkFull() {
        return trunkFull.get();
    }

    public long bridged() {
        return bridged.get();
    }

    public long bridgeFailures() {
        return bridgeFailures.get();
    }

    public long strays() {
        return strays.get();
    }

    public long maxDuration() {
        return maxDuration.get();
    }

    public long halfOpen() {
        return halfOpen.get();
    }

    public long registrationsRefused() {
        return registrationsRefused.get();
    }
}
