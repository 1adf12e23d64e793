package org.outdial.engine;

import java.util.List;
import org.outdial.agent.AgentState;

/** A logged-in agent at a place, as the engine tracks him. */
final class AgentSeat {

    final String agentId;
    final String place;
    /** The campaign groups he works; replaced when the assignment changes while he is logged in. */
    List<Long> groupIds;
    AgentState state = AgentState.LOGGED_OUT;
    int reasonCode;
    long sinceMs;
    /** When he was connected to his current call (busy start), for pacing. */
    long busySinceMs;
    long readyHintAtMs = Long.MIN_VALUE;
    /** When his current call ended and after-call work began; {@link Long#MIN_VALUE} while talking or idle. */
    long wrapSinceMs = Long.MIN_VALUE;
    /** Dial → answer of his current call (negative: unknown), and whether he marked it not live: for pacing. */
    long callAnswerDelayMs = -1;
    boolean callNotLive;
    /** Whether {@link #callNotLive} was already set when the call was hung up (the pacer learns how often it is). */
    boolean callNotLiveAtHangUp;
    Call call;
    boolean logoutPending;
    Integer notReadyPending;
    /** Preview record on his desktop, if any. */
    BufferedRecord previewRecord;
    /** Records of a chain delivered to his desktop by ChainedRecordRequest, in delivery order. */
    final java.util.List<BufferedRecord> chainRecords = new java.util.ArrayList<>();
    /** Handle of the record of his last connected call, written when the call ended (a later RecordProcessed). */
    long releasedHandle;

    AgentSeat(String agentId, String place, List<Long> groupIds) {
        this.agentId = agentId;
        this.place = place;
        this.groupIds = List.copyOf(groupIds);
    }

    boolean isIdle() {
        return state == AgentState.READY;
    }

    boolean isBusyWithCall() {
        return state == AgentState.TALKING || state == AgentState.WORK_NOT_READY || state == AgentState.WORK_READY;
    }
}
