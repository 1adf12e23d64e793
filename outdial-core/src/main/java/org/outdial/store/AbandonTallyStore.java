package org.outdial.store;

import java.util.List;
import org.outdial.compliance.AbandonTally;

/** The abandon guards' tallies ({@link AbandonTally}), summed per campaign, 15-minute bucket and answer-delay step. */
public interface AbandonTallyStore {

    /** Adds the counts to their buckets (creating them), in one transaction. */
    void add(List<AbandonTally> tallies);

    /** A campaign's tallies with buckets starting at or after {@code fromMs}, oldest first. */
    List<AbandonTally> since(long tenantId, long campaignId, long fromMs);

    /** Drops buckets older than {@code beforeMs} (past every guard window); returns how many. */
    int removeBefore(long beforeMs);
}
