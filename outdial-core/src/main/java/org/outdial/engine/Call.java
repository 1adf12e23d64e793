package org.outdial.engine;

import java.util.UUID;
import org.outdial.record.CallResult;

/** One dial and what became of it, while the engine follows it. */
final class Call {

    enum State { DIALING, WAITING_AGENT, CONNECTED, TRANSFERRED, ENDED }

    final long callId;
    final UUID guid;
    final Session session;
    final BufferedRecord record;
    final long dialedAtMs;
    final double expectedAbandon;
    State state = State.DIALING;
    AgentSeat agent;
    boolean seized;
    boolean countedLive;
    long presentedAtMs;
    long connectTimerId;
    /** The dial guard timer while the call is DIALING, else 0. */
    long guardTimerId;
    CallResult disposition;
    CallResult technicalResult;

    Call(long callId, UUID guid, Session session, BufferedRecord record, long dialedAtMs, double expectedAbandon) {
        this.callId = callId;
        this.guid = guid;
        this.session = session;
        this.record = record;
        this.dialedAtMs = dialedAtMs;
        this.expectedAbandon = expectedAbandon;
    }

    boolean inFlight() {
        return state == State.DIALING;
    }
}
