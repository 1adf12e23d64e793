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
