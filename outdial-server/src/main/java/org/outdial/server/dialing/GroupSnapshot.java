package org.outdial.server.dialing;

import java.util.Map;
import org.outdial.agent.AgentState;
import org.outdial.campaign.DialMode;
import org.outdial.engine.SessionState;
import org.outdial.stats.GroupStatsView;

/**
 * What a dialing session looked like at {@code atMs}, copied on the engine thread for readers on other threads
 * (HTTP, metrics, the demo's progress line).
 *
 * @param agents       logged-in agents of the session by state (states without agents are absent)
 * @param ownedRecords records the session holds (buffered, on a call, waiting for their write)
 * @param abandonRate30 the campaign's estimated abandon rate over its rolling 30 days, null before any live answer
 * @param abandonCap   the session's cap on the day's (24-hour) abandon rate
 * @param campaignAbandonCap the session's cap on the 30-day abandon rate
 */
public record GroupSnapshot(long groupId, long atMs, SessionState state, DialMode mode, GroupStatsView stats,
                            Double abandonRateToday, Map<AgentState, Integer> agents, int ownedRecords,
                            int callsInProgress, Double abandonRate30, double abandonCap,
                            double campaignAbandonCap) {

    public GroupSnapshot {
        agents = Map.copyOf(agents);
    }
}
