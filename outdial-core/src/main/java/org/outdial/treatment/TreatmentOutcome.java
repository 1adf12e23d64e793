package org.outdial.treatment;

import java.util.Objects;
import org.outdial.record.CallingRecord;

/**
 * What a treatment decided for a record after a call result.
 *
 * @param record     the record as it must be written (status, type, result, schedule, treatment history)
 * @param chainStep  what else happens to the record's chain; never null
 * @param applied    the treatment applied; null when none applied (the record is then Updated)
 */
public record TreatmentOutcome(CallingRecord record, ChainStep chainStep, Treatment applied) {

    public TreatmentOutcome {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(chainStep, "chainStep");
    }

    /** The chain-level part of a treatment. */
    public sealed interface ChainStep {
        record None() implements ChainStep {}

        /** Make the next record of the chain due at {@code dueAtMs}. */
        record NextInChain(long dueAtMs) implements ChainStep {}

        /** Finalize every record of the chain like this one. */
        record FinalizeChain() implements ChainStep {}
    }

    static final ChainStep NONE = new ChainStep.None();
}
