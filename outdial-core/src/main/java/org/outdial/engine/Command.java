package org.outdial.engine;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.outdial.agent.AgentState;
import org.outdial.campaign.DialMode;
import org.outdial.record.CallResult;
import org.outdial.stats.GroupStatsView;

/** Everything the engine asks its adapters to do. Commands are immutable values, carried out in emission order. */
public sealed interface Command {

    // ---- switch ----------------------------------------------------------------------------------------------

    /**
     * Places an outbound call. With {@code seizedAgentId} set the switch engages that agent first and bridges him to
     * the customer on answer (seizing modes); otherwise the engine connects the answered call later.
     *
     * @param callerId     digits presented as caller id; never blank
     * @param noAnswerMs   give up after this long without an answer and report {@link Event.CallFailed} No Answer
     * @param amd          whether the switch runs answering-machine detection
     */
    record Dial(long callId, UUID attemptGuid, long groupId, long recordHandle, String phone, String callerId,
                long noAnswerMs, boolean amd, String seizedAgentId) implements Command {
        public Dial {
            Objects.requireNonNull(phone, "phone");
            if (callerId == null || callerId.isBlank()) {
                throw new IllegalArgumentException("every dial needs a caller id; set the campaign's caller id");
            }
        }
    }

    record ConnectToAgent(long callId, String agentId, String place) implements Command {}

    /** Transfers an answered call to a destination DN (apply-to-call treatment, IVR port). */
    record Transfer(long callId, String destination) implements Command {}

    /** Hangs up a call; {@code reason} is what the engine records for it (e.g. Abandoned). */
    record Release(long callId, CallResult reason) implements Command {}

    // ---- store -----------------------------------------------------------------------------------------------

    /** Claims up to {@code max} due, dialable records of one list for a campaign group; answered by RecordsClaimed. */
    record ClaimRecords(long requestId, long groupId, long listId, int max) implements Command {}

    /** Makes the updates durable atomically; answered by Persisted or PersistFailed with the same write id. */
    record Persist(long writeId, List<RecordUpdate> updates) implements Command {
        public Persist {
            updates = List.copyOf(updates);
        }
    }

    /** Returns claimed, untouched records to Ready (stop, unload, window closed at dial time). */
    record ReleaseRecords(long groupId, long listId, List<Long> recordIds) implements Command {
        public ReleaseRecords {
            recordIds = List.copyOf(recordIds);
        }
    }

    /**
     * The campaign's abandon guard counted a connection, a machine among them or an abandon: for the store, so a
     * restart seeds the guard with today's and the last 30 days' tallies ({@link Event.LoadSession#abandonHistory}).
     *
     * @param answerDelayMs dial → answer; negative when unknown
     */
    record RecordAbandonTally(long tenantId, long campaignId, org.outdial.compliance.AbandonTally.Kind kind,
                              long answerDelayMs, long atMs) implements Command {}

    // ---- time ------------------------------------------------------------------------------------------------

    record ScheduleTimer(long timerId, long dueMs) implements Command {}

    record CancelTimer(long timerId) implements Command {}

    // ---- publication -----------------------------------------------------------------------------------------

    /** A session's state changed (or the periodic report is due): for HTTP campaign-group status and stat events. */
    record PublishSessionState(long groupId, SessionState state, DialMode mode, Actor actor, GroupStatsView stats)
            implements Command {}

    /** A call attempt finished: for the outcome feed and call-attempt history. */
    record PublishOutcome(UUID attemptGuid, long groupId, long listId, long recordId, long chainId, String phone,
                          CallResult result, String agentId, long dialedAtMs, long endedAtMs) implements Command {}

    /** An agent's state changed: for CTI clients. */
    record PublishAgentState(String agentId, AgentState state, int reasonCode) implements Command {}

    /** A request the engine refused (unknown agent, session in the wrong state...), for the adapter to answer. */
    record Rejected(String request, String reason) implements Command {}

    /** A user event to one agent's desktop (record data, acknowledgements, errors). */
    record NotifyAgent(String agentId, String event, Map<String, Object> attributes) implements Command {
        public NotifyAgent {
            attributes = Map.copyOf(attributes);
        }
    }

    /**
     * A preview record an agent was given is done (processed with a result, or taken back as stale): for the outcome
     * feed (a declined preview is reported with DontDial). Emitted once the record's write is durable.
     *
     * @param presentedAtMs when the record reached the agent's desktop
     */
    record PublishPreviewOutcome(String agentId, long groupId, long listId, long recordId, long chainId, String phone,
                                 CallResult result, long presentedAtMs, long endedAtMs) implements Command {}

    /**
     * An answered call was connected to an agent (right after {@link ConnectToAgent}): for CTI call events, which need
     * the record's data (ECC variables).
     */
    record PublishCallToAgent(long callId, UUID attemptGuid, String agentId, long groupId,
                              org.outdial.record.CallingRecord record) implements Command {}

    /** A preview record was put on an agent's desktop (right after its NotifyAgent): for the CTI reservation call. */
    record PublishPreviewOffered(String agentId, long groupId, long recordHandle,
                                 org.outdial.record.CallingRecord record) implements Command {}

    /**
     * A preview record left an agent's desktop unworked (returned by the agent, or stale), emitted at once, before the
     * agent's next state: for the CTI stream, which clears the reservation (or preview) call. The record's write and
     * its {@link PublishPreviewOutcome} follow.
     */
    record PublishPreviewReturned(String agentId, long groupId, long recordHandle, PreviewReturn kind)
            implements Command {}

    // ---- store: desktop requests ---------------------------------------------------------------------------------

    /**
     * Claims, for a campaign group, every record of a chain that is Ready or Chain Ready (whatever its scheduled time),
     * Retrieved by this server like {@link ClaimRecords}; answered by RecordsClaimed or ClaimFailed with the same id
     * (a desktop's ChainedRecordRequest).
     */
    record ClaimChain(long requestId, long groupId, long listId, long chainId) implements Command {}

    /**
     * Inserts a record a desktop added (AddRecord), durably; answered by {@link Event.RecordAdded} or
     * {@link Event.AddRecordFailed}. With {@code record.chainId()} null the record starts a new chain (chain_n 0);
     * with a chain id it joins that chain, taking the chain's record type: at the chain's next free chain_n when
     * {@code nextInChain}, else at {@code record.chainN()}, which must be free.
     */
    record AddRecord(long requestId, long listId, org.outdial.record.NewRecord record, boolean nextInChain)
            implements Command {
        public AddRecord {
            Objects.requireNonNull(record, "record");
        }
    }

    // ---- publication: stat events --------------------------------------------------------------------------------

    /**
     * A running group entered ({@code active}) or left a {@link GroupCondition}: for the WaitingAgents/Ports/Records
     * and SystemError Start/Over stat events. Every condition still active is reported over when the session stops
     * or unloads; a condition is reported only on a change.
     */
    record PublishGroupCondition(long groupId, GroupCondition condition, boolean active, DialMode mode)
            implements Command {}

    /**
     * A callback record (record type Personal or Campaign CallBack) is done: {@code missed} false when its attempt
     * finished (dialed, or offered on a desktop and processed), true when it could not be made in time (its agent not
     * there). Emitted once the record's write is durable.
     *
     * @param agentId the agent who handled it, else the record's agent; null for neither
     */
    record PublishCallbackEnded(long groupId, long listId, long recordId, String agentId,
                                org.outdial.record.RecordType type, CallResult result, boolean missed)
            implements Command {}
}
