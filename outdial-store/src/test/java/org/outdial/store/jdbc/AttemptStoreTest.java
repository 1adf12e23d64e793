package org.outdial.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.outdial.attempt.CallAttempt;
import org.outdial.record.CallResult;

class AttemptStoreTest extends StoreTestBase {

    static final Instant T0 = Instant.parse("2025-06-02T15:00:00.123Z");

    @Test
    void anAttemptIsSavedAsItProgressesAndReadBackOldestFirst() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        CallAttempt dialing = new CallAttempt(first, 3, 10, 10, 7L, null, "+12125550001", CallResult.UNKNOWN_CALL_RESULT,
                T0, T0.plusMillis(5), null, null, null, null, null);
        store.attempts().save(dialing);
        CallAttempt done = new CallAttempt(first, 3, 10, 10, 7L, "agent1", "+12125550001", CallResult.ANSWER,
                T0, T0.plusMillis(5), T0.plusSeconds(8), T0.plusSeconds(9), T0.plusSeconds(60), T0.plusSeconds(90),
                T0.plusSeconds(91));
        store.attempts().save(done);
        CallAttempt later = new CallAttempt(second, 3, 10, 10, null, null, "+12125550001", CallResult.BUSY,
                T0.plusSeconds(3600), null, null, null, null, null, null);
        store.attempts().save(later);
        store.attempts().save(new CallAttempt(UUID.randomUUID(), 3, 11, 11, null, null, "+1", CallResult.BUSY, T0,
                null, null, null, null, null, null));
        assertThat(store.attempts().ofRecord(3, 10)).containsExactly(done, later);
        assertThat(store.attempts().ofRecord(4, 10)).isEmpty();
    }

    @Test
    void attemptsSavedTogetherAreWrittenInOrderAndAnUpdateInTheSameBatchWins() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        CallAttempt dialing = new CallAttempt(first, 3, 10, 10, 7L, null, "+12125550001", CallResult.UNKNOWN_CALL_RESULT,
                T0, T0.plusMillis(5), null, null, null, null, null);
        CallAttempt done = new CallAttempt(first, 3, 10, 10, 7L, "agent1", "+12125550001", CallResult.ANSWER,
                T0, T0.plusMillis(5), T0.plusSeconds(8), T0.plusSeconds(9), T0.plusSeconds(60), null,
                T0.plusSeconds(61));
        CallAttempt other = new CallAttempt(second, 3, 10, 10, 7L, null, "+12125550001", CallResult.BUSY,
                T0.plusSeconds(3600), null, null, null, null, null, null);

        store.attempts().saveAll(java.util.List.of(dialing, done, other));

        assertThat(store.attempts().ofRecord(3, 10)).containsExactly(done, other);
        store.attempts().saveAll(java.util.List.of());
        assertThat(store.attempts().ofRecord(3, 10)).hasSize(2);
    }
}
