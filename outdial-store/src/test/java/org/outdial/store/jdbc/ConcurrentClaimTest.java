package org.outdial.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.outdial.list.CallingList;
import org.outdial.record.CallingRecord;
import org.outdial.record.RecordStatus;
import org.outdial.store.RecordWriter;

class ConcurrentClaimTest extends StoreTestBase {

    private static final int RECORDS = 20_000;
    private static final int CLAIMERS = 8;
    private static final Instant NOW = Instant.parse("2025-06-02T15:00:00Z");

    @Test
    void concurrentClaimersTakeEveryRecordExactlyOnce() throws Exception {
        CallingList list = createList("big");
        try (RecordWriter w = store.lists().openWriter(list.id())) {
            for (int i = 0; i < RECORDS; i++) {
                w.append(record("+1212" + (5_000_000 + i)));
            }
            w.commit();
        }
        List<Callable<List<Long>>> claimers = new ArrayList<>();
        for (int c = 0; c < CLAIMERS; c++) {
            int owner = c + 1;
            claimers.add(() -> {
                List<Long> mine = new ArrayList<>();
                while (true) {
                    List<CallingRecord> batch = store.lists().claimReady(list.id(), 1, owner, 50 + owner, NOW);
                    if (batch.isEmpty()) {
                        return mine;
                    }
                    for (CallingRecord r : batch) {
                        assertThat(r.appId()).isEqualTo(owner);
                        mine.add(r.recordId());
                    }
                }
            });
        }
        List<Long> all = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(CLAIMERS);
        try {
            for (Future<List<Long>> f : pool.invokeAll(claimers)) {
                all.addAll(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        Set<Long> unique = new HashSet<>(all);
        assertThat(all).hasSize(RECORDS);
        assertThat(unique).hasSize(RECORDS);
        assertThat(store.lists().countByStatus(list.id())).containsExactly(java.util.Map.entry(RecordStatus.RETRIEVED,
                (long) RECORDS));
    }
}
