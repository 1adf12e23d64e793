package org.outdial.report;

import java.util.Map;

/**
 * Outbound campaign report: one campaign group, calling list and hour of dialing.
 *
 * @param results     attempts by call result name
 * @param abandonRate abandons ÷ (connects + abandons); null without answered calls
 * @param busyFactor  agents' talk + wrap time ÷ (distinct agents × the hour); null without agents
 */
public record CampaignHourRow(long groupId, long listId, long hourStartMs, long dials, Map<String, Long> results,
                              long connects, long abandons, Double abandonRate, long talkSec, long wrapSec,
                              int agents, Double busyFactor) {
    public CampaignHourRow {
        results = Map.copyOf(results);
    }
}
