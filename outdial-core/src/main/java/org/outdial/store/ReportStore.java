package org.outdial.store;

import java.util.List;
import org.outdial.callback.CallbackReportEvent;
import org.outdial.report.CampaignHourRow;
import org.outdial.report.AgentRow;
import org.outdial.report.DetailRow;
import org.outdial.report.PenetrationRow;
import org.outdial.report.Rejection;
import org.outdial.report.SummaryRow;
import org.outdial.report.TransformPhases;
import org.outdial.report.TransformResult;

/**
 * The reporting pipeline on the store: raw callback events → {@code CALLBACK_FACT} → the hourly summary aggregate,
 * and the reports read from them and from the call-attempt history. Times are epoch milliseconds.
 */
public interface ReportStore {

    /** Appends raw reporting events (the callback module writes them with the callback; bulk loads use this). */
    void appendRaw(List<CallbackReportEvent> events);

    /**
     * Turns raw events not yet transformed into facts (one per callback, its events merged), records sessions that
     * lack a mandatory key, and refreshes the summary for the hours touched. Re-running without new events changes
     * nothing.
     *
     * @param batchEvents raw events read per transaction
     */
    TransformResult transform(int batchEvents);

    /** Where the last {@link #transform} run spent its time, or null before the first run. */
    default TransformPhases lastTransformPhases() {
        return null;
    }

    /** Sessions the transform refused, newest first. */
    List<Rejection> rejections(long tenantId, int limit);

    /** @param byHour rows per hour, else per UTC day */
    List<SummaryRow> summary(long tenantId, Long serviceId, long fromMs, long toMs, boolean byHour);

    List<DetailRow> details(long tenantId, Long serviceId, long fromMs, long toMs, int limit);

    /** Call attempts per campaign group, calling list and hour of dialing. */
    List<CampaignHourRow> campaignHourly(long tenantId, Long groupId, long fromMs, long toMs);

    /** Per agent: calls, talk and wrap time, from the call attempts in the range. */
    List<AgentRow> agentProductivity(long tenantId, Long groupId, long fromMs, long toMs);

    /** Records of a calling list by status and attempt count. */
    List<PenetrationRow> penetration(long listId);
}
