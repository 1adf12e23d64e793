package org.outdial.pacing;

/**
 * Decides how many calls a campaign group dials now. The engine tells the pacer what happens to every dial it placed
 * and asks it, at least once per tick and whenever an agent becomes free, for a decision. A pacer is deterministic:
 * given the same calls in the same order it answers the same. Not thread-safe; one instance per dialing session.
 */
public interface Pacer {

    /**
     * How many dials to place now, with the expected number of abandons each adds (for the abandon budget).
     * The engine places at most {@link PacingView#maxNewDials()} of them.
     */
    PacingDecision decide(PacingView view);

    /** A dial was placed at {@code nowMs} with the expected abandons the decision gave it. */
    default void onDialPlaced(long callId, long nowMs, double expectedAbandon) {}


    /** A dial was answered and classified human: it needs an agent now. */
    default void onPresented(long callId, long nowMs) {}

    /** A dial ended without being presented (busy, no answer, machine, SIT, error). */
    default void onDialEnded(long callId, long nowMs) {}

    /** An agent finished a call: connect → Ready took {@code handleMs}. */
    default void onHandleCompleted(long handleMs) {}

    /**
     * As {@link #onHandleCompleted(long)}, knowing the call's dial → answer delay ({@code answerDelayMs}, negative when
     * unknown) and whether the agent marked it not live (a machine that reached him).
     */
    default void onHandleCompleted(long handleMs, long answerDelayMs, boolean markedNotLive) {
        onHandleCompleted(handleMs);
    }

    /** An agent's call ended after {@code talkMs} of talk (connect → hang-up); his after-call work begins. */
    default void onTalkCompleted(long talkMs) {}

    /** An agent finished his after-call work after {@code wrapMs} (hang-up → Ready). */
    default void onWrapCompleted(long wrapMs) {}

    /**
     * An agent finished a call of {@code talkMs} talk and {@code wrapMs} after-call work, with the call's dial → answer
     * delay ({@code answerDelayMs}, negative when unknown), whether he marked it not live — told once the call is
     * wholly done, when the mark is final — and whether that mark came by the hang-up ({@code markedByHangUp}):
     * agents may mark a machine only during their after-call work.
     */
    default void onPhasesCompleted(long talkMs, long wrapMs, long answerDelayMs, boolean markedNotLive,
                                   boolean markedByHangUp) {}

    /** A short name for logs and reports, e.g. {@code predictive}. */
    String name();

    /**
     * Whether a round whose abandon allowance is 0 reads the talking and busy agents of its view. A pacer that then
     * dials only for agents free for sure does not, and spares the engine a walk over the group's members after every
     * dial that ends.
     */
    default boolean readsBusyWhenRiskFree() {
        return true;
    }
}
