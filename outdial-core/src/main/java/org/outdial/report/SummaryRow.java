package org.outdial.report;

import java.util.Map;

/**
 * Callback Summary: one row per service and period (hour or UTC day).
 *
 * @param failedByDisposition completed callbacks that did not connect, by {@code _CB_DISPOSITION}
 * @param avgWaitOfflineSec   average wait for an agent while the customer was offline (queued → first dial)
 * @param avgEwtWhenOfferedSec average EWT when the callback was offered
 */
public record SummaryRow(long serviceId, String serviceName, long periodStartMs, long offered, long accepted,
                         long abandonedDuringOffer, long attempts, long connected, long completed, long failed,
                         Map<String, Long> failedByDisposition, Double avgWaitOfflineSec,
                         Double avgConnectedWaitingAgentSec, Double avgEwtWhenOfferedSec, Double avgOfferTimeSec) {
    public SummaryRow {
        failedByDisposition = Map.copyOf(failedByDisposition);
    }
}
