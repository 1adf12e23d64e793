package org.outdial.store;

import java.util.List;
import org.outdial.attempt.CallAttempt;

/** Call-attempt history. */
public interface AttemptStore {

    /** Inserts the attempt, or updates it when its GUID is already stored (attempts are written as they progress). */
    void save(CallAttempt attempt);

    /** Saves several attempts, in order; a store may write them in one transaction. */
    default void saveAll(List<CallAttempt> attempts) {
        attempts.forEach(this::save);
    }

    /** Attempts of one record, oldest first. */
    List<CallAttempt> ofRecord(long listId, long recordId);
}
