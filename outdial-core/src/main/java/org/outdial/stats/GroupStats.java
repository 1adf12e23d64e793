package org.outdial.stats;

/**
 * Counts for one campaign group or list, updated one event at a time (O(1) each). The formulas, all over the life of
 * the counter:
 * <pre>
 *   busy factor    = Σ agent busy ms ÷ (Σ agent busy ms + Σ agent ready ms)      (not-ready time is left out)
 *   hit ratio      = live answers ÷ finished dials
 *   overdial rate  = abandons ÷ live answers
 *   average wait   = Σ agent ready ms ÷ calls connected to agents
 *   time to complete = remaining records ÷ (records finished ÷ seconds since the first dial)
 * </pre>
 * Not thread-safe.
 */
public final class GroupStats {

    private long dials;
    private long finishedDials;
    private long liveAnswers;
    private long connects;
    private long abandons;
    private long busyMs;
    private long readyMs;
    private long recordsFinished;
    private long firstDialMs = Long.MIN_VALUE;
    private long remainingRecords = -1;
    private long dialsTimedOut;
    private long recordsStale;

    public void onDial(long nowMs) {
        if (firstDialMs == Long.MIN_VALUE) {
            firstDialMs = nowMs;
        }
        dials++;
    }

    public void onDialFinished() {
        finishedDials++;
    }

    public void onLiveAnswer() {
        liveAnswers++;
    }

    /** A call the agent said was no live person after all. */
    public void onNotLive() {
        liveAnswers = Math.max(0, liveAnswers - 1);
    }

    public void onConnect() {
        connects++;
    }

    public void onAbandon() {
        abandons++;
    }

    /** A dial the engine ended by its guard timer: the switch never reported an outcome. */
    public void onDialTimedOut() {
        dialsTimedOut++;
    }

    /** A record taken back from a desktop after the stale-clean timeout. */
    public void onRecordStale() {
        recordsStale++;
    }

    public long dialsTimedOut() {
        return dialsTimedOut;
    }

    public long recordsStale() {
        return recordsStale;
    }

    public void onRecordFinished() {
        recordsFinished++;
    }

    /** What the store said is left to dial; negative = unknown. */
    public void remainingRecords(long remaining) {
        remainingRecords = remaining;
    }

    public void addBusyMs(long ms) {
        busyMs += ms;
    }

    public void addReadyMs(long ms) {
        readyMs += ms;
    }

    public long dials() {
        return dials;
    }

    public long abandons() {
        return abandons;
    }

    public long liveAnswers() {
        return liveAnswers;
    }

    public GroupStatsView view(long nowMs) {
        Double busyFactor = busyMs + readyMs > 0 ? (double) busyMs / (busyMs + readyMs) : null;
        Double hitRatio = finishedDials > 0 ? (double) liveAnswers / finishedDials : null;
        Double overdial = liveAnswers > 0 ? (double) abandons / liveAnswers : null;
        Double wait = connects > 0 ? readyMs / 1000.0 / connects : null;
        Long toComplete = null;
        if (remainingRecords >= 0 && recordsFinished > 0 && nowMs > firstDialMs) {
            double perSec = recordsFinished / ((nowMs - firstDialMs) / 1000.0);
            toComplete = Math.round(remainingRecords / perSec);
        }
        return new GroupStatsView(dials, liveAnswers, connects, abandons, busyFactor, hitRatio, overdial, toComplete,
                wait, dialsTimedOut, recordsStale);
    }
}
