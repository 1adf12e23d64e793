package org.outdial.server.dialing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outdial.engine.Command;
import org.outdial.engine.Event;
import org.outdial.engine.RecordUpdate;
import org.outdial.list.CallingList;
import org.outdial.list.NewCallingList;
import org.outdial.record.CallingRecord;
import org.outdial.record.CallingWindow;
import org.outdial.record.NewRecord;
import org.outdial.record.RecordStatus;
import org.outdial.store.CallingListStore;
import org.outdial.store.RecordWriter;
import org.outdial.store.Store;
import org.outdial.store.jdbc.TestDatabases;

/** The store writer: each Persist is atomic, bursts are group-committed, and one bad write fails alone. */
class StoreAdapterTest {

    private static final int RECORDS = 200;

    @TempDir
    Path dir;

    private Store store;
    private CallingList list;
    private StoreAdapter adapter;
    private final List<Event> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() {
        store = TestDatabases.open(TestDatabases.Kind.H2, dir);
        long tenant = store.tenants().create("t", null).id();
        list = store.lists().create(new NewCallingList(tenant, "l", null, List.of(), ZoneOffset.UTC,
                new CallingWindow(0, CallingWindow.DAY_SEC), "US", 5));
        try (RecordWriter writer = store.lists().openWriter(list.id())) {
            for (int i = 0; i < RECORDS; i++) {
                writer.append(NewRecord.ready("+1415555" + String.format("%04d", i), list.defaultWindow(),
                        list.defaultTimeZone(), null, 0, null, Map.of()));
            }
            writer.commit();
        }
        adapter = new StoreAdapter(store.lists(), 1, System::currentTimeMillis, events::add);
    }

    @AfterEach
    void close() {
        adapter.close();
        store.close();
    }

    @Test
    void writesQueuedWhileTheWriterIsBusyCommitTogetherAndEachIsAcknowledgedInOrder() throws Exception {
        // a store whose first record write waits until the test lets it go: meanwhile the rest of the burst queues up
        java.util.concurrent.CountDownLatch firstWriteStarted = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        CallingListStore real = store.lists();
        CallingListStore held = (CallingListStore) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {CallingListStore.class}, (proxy, method, args) -> {
                    boolean first = method.getName().equals("update") && ((CallingRecord) args[0]).recordId() == 1
                            || method.getName().equals("updateAll") && ((List<?>) args[0]).stream()
                            .anyMatch(r -> ((CallingRecord) r).recordId() == 1);
                    if (first) {
                        firstWriteStarted.countDown();
                        release.await();
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        adapter.close();
        adapter = new StoreAdapter(held, 1, System::currentTimeMillis, events::add);

        adapter.execute(new Command.Persist(1, List.of(updated(1))));
        firstWriteStarted.await();
        for (int i = 2; i <= RECORDS; i++) {
            adapter.execute(new Command.Persist(i, List.of(updated(i))));
        }
        release.countDown();

        await().atMost(Duration.ofSeconds(30)).until(() -> events.size() == RECORDS);
        assertThat(events).allMatch(e -> e instanceof Event.Persisted);
        assertThat(events).extracting(e -> ((Event.Persisted) e).writeId())
                .containsExactlyElementsOf(ids(RECORDS));
        assertThat(adapter.writesCommitted()).isEqualTo(RECORDS);
        assertThat(adapter.commits()).as("the first write alone, then the queued burst in one transaction")
                .isEqualTo(2);
        for (int i = 1; i <= RECORDS; i++) {
            assertThat(store.lists().findRecord(list.id(), i).orElseThrow().recordStatus())
                    .isEqualTo(RecordStatus.UPDATED);
        }
    }

    @Test
    void aWriteThatFailsIsReportedAloneAndLeavesNothingHalfWritten() {
        CallingRecord missing = withStatus(store.lists().findRecord(list.id(), 1).orElseThrow(), 999_999,
                RecordStatus.UPDATED);
        for (int i = 1; i <= 50; i++) {
            List<RecordUpdate> updates = i == 25
                    ? List.of(updated(i), new RecordUpdate.WriteRecord(missing)) // the second update fails
                    : List.of(updated(i));
            adapter.execute(new Command.Persist(i, updates));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> events.size() == 50);
        assertThat(events).filteredOn(e -> e instanceof Event.PersistFailed)
                .extracting(e -> ((Event.PersistFailed) e).writeId()).containsExactly(25L);
        assertThat(events).filteredOn(e -> e instanceof Event.Persisted).hasSize(49);
        // record 25 was part of the failed write, so its first update was rolled back with it
        assertThat(store.lists().findRecord(list.id(), 25).orElseThrow().recordStatus()).isEqualTo(RecordStatus.READY);
        assertThat(store.lists().findRecord(list.id(), 24).orElseThrow().recordStatus())
                .isEqualTo(RecordStatus.UPDATED);
    }

    private RecordUpdate updated(long recordId) {
        CallingRecord r = store.lists().findRecord(list.id(), recordId).orElseThrow();
        return new RecordUpdate.WriteRecord(withStatus(r, r.recordId(), RecordStatus.UPDATED));
    }

    private static List<Long> ids(int n) {
        List<Long> ids = new ArrayList<>();
        for (long i = 1; i <= n; i++) {
            ids.add(i);
        }
        return ids;
    }

    private static CallingRecord withStatus(CallingRecord r, long recordId, RecordStatus status) {
        return new CallingRecord(recordId, r.listId(), r.contactInfo(), r.contactInfoType(), r.recordType(), status,
                r.callResult(), r.attempt(), r.dialSchedTime(), r.callTime(), r.window(), r.timeZone(), r.campaignId(),
                r.agentId(), r.chainId(), r.chainN(), r.groupId(), r.appId(), r.treatments(), r.customerId(),
                r.customFields());
    }
}
