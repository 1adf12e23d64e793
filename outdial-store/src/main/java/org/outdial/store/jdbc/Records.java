package org.outdial.store.jdbc;

import org.outdial.record.CallingRecord;
import org.outdial.record.RecordStatus;

/** Copies of {@link CallingRecord}s with a few fields changed. */
final class Records {

    private Records() {}

    static CallingRecord claimed(CallingRecord r, int owner, long campaignGroupId) {
        return new CallingRecord(r.recordId(), r.listId(), r.contactInfo(), r.contactInfoType(), r.recordType(),
                RecordStatus.RETRIEVED, r.callResult(), r.attempt(), r.dialSchedTime(), r.callTime(), r.window(),
                r.timeZone(), r.campaignId(), r.agentId(), r.chainId(), r.chainN(), campaignGroupId, owner,
                r.treatments(), r.customerId(), r.customFields());
    }
}
