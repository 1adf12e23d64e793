package org.outdial.server.dialing;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.function.ToDoubleFunction;
import org.outdial.agent.AgentState;
import org.outdial.stats.GroupStatsView;

/** Publishes a dialing session's numbers as Micrometer meters tagged with the campaign group, read from snapshots. */
public final class DialingMetrics {

    private DialingMetrics() {}

    /** Binds the meters of one campaign group; they read the runtime's latest snapshot (NaN before the first). */
    public static void bind(MeterRegistry registry, DialingRuntime runtime, long groupId, String groupName) {
        Tags tags = Tags.of("campaign_group", String.valueOf(groupId), "campaign_group_name", groupName);
        counter(registry, "outdial.dials", "Calls dialed", tags, runtime, groupId, s -> s.dials());
        counter(registry, "outdial.live.answers", "Calls answered by a person", tags, runtime, groupId,
                s -> s.liveAnswers());
        counter(registry, "outdial.connects", "Calls connected to an agent", tags, runtime, groupId, s -> s.connects());
        counter(registry, "outdial.abandons", "Answered calls that found no agent in time", tags, runtime, groupId,
                s -> s.abandons());
        counter(registry, "outdial.dials.timed.out", "Dials ended by the engine because the switch reported nothing",
                tags, runtime, groupId, s -> s.dialsTimedOut());
        counter(registry, "outdial.records.stale", "Records taken back from desktops after the stale-clean timeout",
                tags, runtime, groupId, s -> s.recordsStale());
        gauge(registry, "outdial.abandon.rate", "Abandons / live answers (fraction)", tags, runtime, groupId,
                s -> orNaN(s.stats().overdialRate()));
        gauge(registry, "outdial.busy.factor", "Agent busy time / (busy + ready) (fraction)", tags, runtime, groupId,
                s -> orNaN(s.stats().busyFactor()));
        gauge(registry, "outdial.records.owned", "Records the session holds", tags, runtime, groupId,
                GroupSnapshot::ownedRecords);
        for (AgentState state : AgentState.values()) {
            gauge(registry, "outdial.agents", "Logged-in agents by state", tags.and("state", state.name()), runtime,
                    groupId, s -> s.agents().getOrDefault(state, 0));
        }
    }

    /** The runtime's own meters (the store writer, the engine queue): once per runtime, not per group. */
    public static void bindRuntime(MeterRegistry registry, DialingRuntime runtime) {
        FunctionCounter.builder("outdial.store.commits", runtime, DialingRuntime::storeCommits)
                .description("Store transactions that committed the engine's record writes").register(registry);
        FunctionCounter.builder("outdial.store.writes", runtime, DialingRuntime::storeWritesCommitted)
                .description("Engine record writes committed (several per transaction under load)").register(registry);
        Gauge.builder("outdial.engine.queue.full.waits", runtime, DialingRuntime::queueFullWaits)
                .description("Events that waited because the engine queue was full").register(registry);
    }

    private static void counter(MeterRegistry registry, String name, String description, Tags tags,
                                DialingRuntime runtime, long groupId, ToDoubleFunction<GroupStatsView> value) {
        FunctionCounter.builder(name, runtime, r -> r.snapshot(groupId).map(s -> value.applyAsDouble(s.stats()))
                        .orElse(0.0))
                .description(description).tags(tags).register(registry);
    }

    private static void gauge(MeterRegistry registry, String name, String description, Tags tags,
                              DialingRuntime runtime, long groupId, ToDoubleFunction<GroupSnapshot> value) {
        Gauge.builder(name, runtime, r -> r.snapshot(groupId).map(value::applyAsDouble).orElse(Double.NaN))
                .description(description).tags(tags).register(registry);
    }

    private static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }
}
