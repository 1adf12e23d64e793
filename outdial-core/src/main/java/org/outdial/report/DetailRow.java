package org.outdial.report;

import java.util.List;

/** Callback Details: one callback's timeline (epoch seconds, null = did not happen) and attempt results. */
public record DetailRow(String serviceId, long resourceKey, String serviceName, Long serviceStartTs,
                        Long callbackOfferedTs, Long callbackAcceptedTs, Long readyToStartTs, Long customerConnectedTs,
                        Long serviceEndTs, int attempts, List<String> dialResults, List<Long> dialTs,
                        String finalDialResult, String disposition, String channel, String callbackType,
                        String connectOrder, int waitAgentOfflineSec, int ewtWhenOfferedSec, boolean finalRecord) {
    public DetailRow {
        dialResults = List.copyOf(dialResults);
        dialTs = List.copyOf(dialTs);
    }
}
