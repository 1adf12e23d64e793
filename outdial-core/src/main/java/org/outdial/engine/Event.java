package org.outdial.engine;

import java.util.List;
import java.util.Objects;
import org.outdial.campaign.DialMode;
import org.outdial.record.CallResult;
import org.outdial.record.CallingRecord;

/**
 * Everything the engine reacts to. Adapters stamp each event with {@code nowMs} (epoch milliseconds of their clock, or
 * virtual time in the simulator); the engine never reads a clock. Events are immutable values.
 */
public sealed interface Event {

    /** When the event happened, epoch milliseconds. Never decreases from one event to the next. */
    long nowMs();

    // ---- admin: dialing sessions -------------------------------------------------------------------------------

    /** Loads a campaign group with its configuration as the adapter read it from the store. */
    /**
     * @param abandonHistory the campaign's abandon-guard tallies kept in the store (last {@code HISTORY_MS}); they
     *                       seed the campaign's guard when this engine has none yet (after a restart), else are ignored
     */
    record LoadSession(long nowMs, SessionConfig config, Actor actor,
                       List<org.outdial.compliance.AbandonTally> abandonHistory) implements Event {
        public LoadSession {
            Objects.requireNonNull(config, "config");
            Objects.requireNonNull(actor, "actor");
            abandonHistory = List.copyOf(abandonHistory);
        }

        public LoadSession(long nowMs, SessionConfig config, Actor actor) {
            this(nowMs, config, actor, List.of());
        }
    }

    record StartDialing(long nowMs, long groupId, Actor actor) implements Event {}

    record StopDialing(long nowMs, long groupId, Actor actor) implements Event {}

    record UnloadSession(long nowMs, long groupId, Actor actor) implements Event {}

    record SetDialMode(long nowMs, long groupId, DialMode mode, Actor actor) implements Event {
        public SetDialMode {
            Objects.requireNonNull(mode, "mode");
        }
    }

    // ---- agents (CTI and desktop) -----------------------------------------------------------------------------

    /** An agent logs in at a place and is assigned to the given campaign groups; he starts Not Ready. */
    record AgentLogin(long nowMs, String agentId, String place, List<Long> groupIds) implements Event {
        public AgentLogin {
            Objects.requireNonNull(agentId, "agentId");
            groupIds = List.copyOf(groupIds);
        }
    }

    record AgentReady(long nowMs, String agentId) implements Event {}

    record AgentNotReady(long nowMs, String agentId, int reasonCode) implements Event {}

    /** Logout; when the agent is on a call or in wrap-up it takes effect once he is done (smart logout). */
    record AgentLogout(long nowMs, String agentId, int reasonCode) implements Event {}

    /** The desktop's estimate of how long until this agent is Ready again: an input to pacing. */
    record ReadyTimeHint(long nowMs, String agentId, long readyInMs) implements Event {}

    /** The agent's disposition of the call he handles (overrides the switch's technical result). */
    record CallDisposition(long nowMs, long callId, CallResult result) implements Event {
        public CallDisposition {
            Objects.requireNonNull(result, "result");
        }
    }

    /** A preview agent asks for a record (Preview mode). */
    record PreviewRequest(long nowMs, String agentId) implements Event {}

    /** A preview agent is done with a record he was given. */
    record RecordProcessed(long nowMs, String agentId, long recordHandle, CallResult result) implements Event {}

    // ---- switch: call progress ---------------------------------------------------------------------------------

    record CallDialing(long nowMs, long callId) implements Event {}

    record CallRinging(long nowMs, long callId) implements Event {}

    /** The far end answered and call-progress detection classified it. */
    record CallAnswered(long nowMs, long callId, AnswerKind kind) implements Event {
        public CallAnswered {
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** The dial ended without an answer: busy, no answer, a SIT variant, invalid number, or an error. */
    record CallFailed(long nowMs, long callId, CallResult result) implements Event {
        public CallFailed {
            Objects.requireNonNull(result, "result");
        }
    }

    /** The customer hung up before reaching an agent. */
    record CallDropped(long nowMs, long callId) implements Event {}

    /** A connected or transferred call ended. */
    record CallReleased(long nowMs, long callId) implements Event {}

    // ---- store ------------------------------------------------------------------------------------------------

    record RecordsClaimed(long nowMs, long requestId, List<CallingRecord> records) implements Event {
        public RecordsClaimed {
            records = List.copyOf(records);
        }
    }

    record ClaimFailed(long nowMs, long requestId, String reason) implements Event {}

    record Persisted(long nowMs, long writeId) implements Event {}

    /** How many records of a list are still to dial for a campaign group (the store counted); for time to complete. */
    record RecordsRemaining(long nowMs, long groupId, long listId, long remaining) implements Event {}

    record PersistFailed(long nowMs, long writeId, String reason) implements Event {}

    // ---- time -------------------------------------------------------------------------------------------------

    record TimerFired(long nowMs, long timerId) implements Event {}

    // ---- agent desktops (the desktop protocol) -----------------------------------------------------------------

    /**
     * A desktop request of a logged-in agent. {@code referenceId} is the request's {@code GSW_REFERENCE_ID} exactly as
     * sent (null when absent); every answer carries it back.
     */
    record DesktopRequest(long nowMs, String agentId, Object referenceId, org.outdial.desktop.Request request)
            implements Event {
        public DesktopRequest {
            Objects.requireNonNull(agentId, "agentId");
            Objects.requireNonNull(request, "request");
        }
    }

    /**
     * The campaign groups a logged-in agent works changed (an agent group or campaign group was edited): he joins the
     * new groups' sessions (his desktop hears CampaignGroupAssigned) and leaves the others. Ignored for an agent who is
     * not logged in (login reads the assignment).
     */
    record AgentGroupsChanged(long nowMs, String agentId, List<Long> groupIds) implements Event {
        public AgentGroupsChanged {
            Objects.requireNonNull(agentId, "agentId");
            groupIds = List.copyOf(groupIds);
        }
    }

    /** The agent's desktop went away (connection closed): his desktop records go back to the list, he logs out. */
    record DesktopGone(long nowMs, String agentId) implements Event {}

    /**
     * A direct-preview agent hands the record on his desktop back without working it (the CTI reservation answers
     * Reject, Skip and Cancel Reservation): the record goes back to its list Ready for later or another agent, and the
     * agent goes on as {@code kind} says.
     */
    record PreviewReturned(long nowMs, String agentId, long recordHandle, PreviewReturn kind) implements Event {
        public PreviewReturned {
            Objects.requireNonNull(agentId, "agentId");
            Objects.requireNonNull(kind, "kind");
            if (kind == PreviewReturn.STALE) {
                throw new IllegalArgumentException("a record goes stale by the engine's own timer, not by request");
            }
        }
    }


    /** The store inserted a record a desktop added ({@link Command.AddRecord}); it is durable. */
    record RecordAdded(long nowMs, long requestId, long recordId, long chainId, int chainN) implements Event {}

    /** The store could not insert an added record: why, and what exactly was wrong. */
    record AddRecordFailed(long nowMs, long requestId, AddFailure failure, String reason) implements Event {
        public AddRecordFailed {
            Objects.requireNonNull(failure, "failure");
        }
    }

    /** Why an added record was refused. */
    enum AddFailure {
        /** GSW_CHAIN_ID names no chain of the list. */
        CHAIN_NOT_FOUND,
        /** The (chain_id, chain_n) asked for is taken. */
        RECORD_EXISTS,
        /** Any other reason (a value the list cannot store, the store failing). */
        FAILED
    }

    /** How call-progress detection classified an answer. */
    enum AnswerKind {
        HUMAN(CallResult.ANSWER),
        MACHINE(CallResult.ANSWERING_MACHINE),
        FAX(CallResult.FAX_DETECTED),
        SILENCE(CallResult.SILENCE);

        private final CallResult result;

        AnswerKind(CallResult result) {
            this.result = result;
        }

        public CallResult result() {
            return result;
        }
    }
}
