package org.outdial.sim;

import java.util.random.RandomGenerator;
import org.outdial.engine.Event;
import org.outdial.record.CallResult;

/**
 * Agents who do as the scenario says: talk (or spend the machine-handling time on a machine that reached them, then
 * say so with a disposition), hang up, wrap up, and become Ready again — optionally saying when, with a ReadyTime hint
 * sent a set time before the end of wrap-up (a desktop's countdown). Busy and talk time go to the metrics, cut at
 * the shift's end.
 */
final class VirtualAgents {

    private final Scenario scenario;
    private final RandomGenerator rng;
    private final SimQueue queue;
    private final Metrics metrics;
    private final ShiftClock shifts;
    private final long readyHintMs;
    private long nowMs;

    /** @param readyHintMs how long before the end of wrap-up an agent sends a ReadyTime hint; 0 = never */
    VirtualAgents(Scenario scenario, RandomGenerator rng, SimQueue queue, Metrics metrics, ShiftClock shifts,
                  long readyHintMs) {
        this.scenario = scenario;
        this.readyHintMs = readyHintMs;
        this.rng = rng;
        this.queue = queue;
        this.metrics = metrics;
        this.shifts = shifts;
    }

    void now(long nowMs) {
        this.nowMs = nowMs;
    }

    static String agentId(int i) {
        return String.format("agent%04d", i);
    }

    void handle(String agentId, long callId, boolean live) {
        long talkMs = SimSwitch.ms(live ? scenario.talkS().draw(rng) : scenario.machineHandleS().draw(rng));
        long wrapMs = SimSwitch.ms(live ? scenario.wrapS().draw(rng) : scenario.machineWrapS().draw(rng));
        long releaseAt = nowMs + talkMs;
        long readyAt = releaseAt + wrapMs;
        int day = shifts.dayOf(nowMs);
        metrics.busyS += shifts.overlapS(nowMs, readyAt, day);
        if (live) {
            metrics.liveTalkS += shifts.overlapS(nowMs, releaseAt, day);
        } else {
            queue.add(new Event.CallDisposition(releaseAt, callId, CallResult.ANSWERING_MACHINE));
        }
        queue.add(new Event.CallReleased(releaseAt, callId));
        if (readyHintMs > 0) {
            long hintAt = Math.max(releaseAt, readyAt - readyHintMs);
            queue.add(new Event.ReadyTimeHint(hintAt, agentId, readyAt - hintAt));
        }
        queue.add(new Event.AgentReady(readyAt, agentId));
    }
}
