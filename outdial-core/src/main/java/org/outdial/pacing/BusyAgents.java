package org.outdial.pacing;

/** The agents now busy with a call (talking or in wrap-up), as the pacer sees them; index-based for speed. */
public interface BusyAgents {

    int size();

    /** When agent {@code i} was connected to his current call, epoch ms. */
    long busySinceMs(int i);

    /** When agent {@code i} said he will be Ready (ReadyTime), epoch ms; {@link Long#MIN_VALUE} when he did not. */
    long readyHintAtMs(int i);

    /**
     * When agent {@code i}'s call ended and his after-call work began, epoch ms; {@link Long#MIN_VALUE} while he is
     * still talking, or when the engine does not tell.
     */
    default long wrapSinceMs(int i) {
        return Long.MIN_VALUE;
    }

    /** Dial → answer delay of agent {@code i}'s call, ms; negative when unknown. */
    default long answerDelayMs(int i) {
        return -1;
    }

    /** Whether agent {@code i} marked his call not live (an answering machine that reached him). */
    default boolean markedNotLive(int i) {
        return false;
    }

    BusyAgents NONE = new BusyAgents() {
        @Override
        public int size() {
            return 0;
        }

        @Override
        public long busySinceMs(int i) {
            throw new IndexOutOfBoundsException(i);
        }

        @Override
        public long readyHintAtMs(int i) {
            throw new IndexOutOfBoundsException(i);
        }
    };
}
