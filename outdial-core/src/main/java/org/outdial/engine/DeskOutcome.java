package org.outdial.engine;

import java.time.Instant;
import java.util.List;
import org.outdial.desktop.Request;
import org.outdial.dnc.DncEntry;
import org.outdial.record.RecordType;

/** How a desktop ended a record; {@link Records#finalizeRecord} writes it accordingly. */
sealed interface DeskOutcome {

    /** RecordProcessed; {@code treatment} null = no treatment (the record is written Updated). */
    record Processed(Request.Treatment treatment) implements DeskOutcome {}

    /** RequestRecordCancel: Cancelled, the whole chain with AllChain. */
    record Cancelled(boolean allChain) implements DeskOutcome {}

    /** DoNotCall: record type No Call, the whole chain with AllChain; the entries go to the tenant's DNC list. */
    record NoCall(boolean allChain, List<DncEntry> entries) implements DeskOutcome {}

    /** RecordReject: back to the list General/Ready, agent_id the rejecting agent. */
    record Rejected(String agentId) implements DeskOutcome {}

    /** A callback the next RecordProcessed finalizes. */
    record Reschedule(RecordType type, Instant due, String agentId) implements DeskOutcome {}

    /** A personal callback nobody could take in time: written Missed CallBack. */
    record MissedCallback() implements DeskOutcome {}
}
