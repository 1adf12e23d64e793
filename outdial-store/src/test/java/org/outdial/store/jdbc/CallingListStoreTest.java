package org.outdial.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.outdial.list.CallingList;
import org.outdial.list.CustomField;
import org.outdial.list.CustomFieldType;
import org.outdial.list.NewCallingList;
import org.outdial.record.CallingRecord;
import org.outdial.record.CallingWindow;
import org.outdial.record.RecordStatus;
import org.outdial.store.ConflictException;
import org.outdial.store.NotFoundException;
import org.outdial.store.RecordWriter;

class CallingListStoreTest extends StoreTestBase {

    @Test
    void aListIsStoredWithItsCustomFieldsAndDefaults() {
        CallingList list = store.lists().create(new NewCallingList(tenant.id(), "spring-2025", "Spring promo",
                List.of(CustomField.varchar("first_name", 50, "GSW_FIRST_NAME"),
                        CustomField.of("balance", CustomFieldType.DECIMAL, null)),
                BERLIN, new CallingWindow(9 * 3600, 20 * 3600), "DE", 7));
        assertThat(list.id()).isPositive();
        assertThat(list.version()).isEqualTo(1);
        assertThat(store.lists().find(tenant.id(), list.id())).contains(list);
        assertThat(store.lists().find(list.id())).contains(list);
        assertThat(store.lists().findByName(tenant.id(), "spring-2025")).contains(list);
        assertThat(store.lists().all(tenant.id())).containsExactly(list);
        assertThat(list.customField("first_name").orElseThrow().sendAttribute()).isEqualTo("GSW_FIRST_NAME");
        assertThat(list.defaultTimeZone()).isEqualTo(BERLIN);
        assertThat(list.maxAttempts()).isEqualTo(7);
    }

    @Test
    void aListNameCanBeUsedOncePerTenant() {
        createList("l");
        assertThatThrownBy(() -> createList("l")).isInstanceOf(ConflictException.class).hasMessageContaining("'l'");
        long other = store.tenants().create("other", null).id();
        store.lists().create(new NewCallingList(other, "l", null, List.of(), NEW_YORK, ALL_DAY, "US", 1));
    }

    @Test
    void aListForAnUnknownTenantIsNotCreated() {
        assertThatThrownBy(() -> store.lists().create(new NewCallingList(999, "l", null, List.of(), NEW_YORK, ALL_DAY,
                "US", 1))).isInstanceOf(NotFoundException.class);
        assertThat(store.lists().findByName(999, "l")).isEmpty();
    }

    @Test
    void deletingAListDropsItsRecords() {
        CallingList list = createList("l");
        write(list.id(), record("+12125550001"));
        assertThatThrownBy(() -> store.lists().delete(999, list.id())).isInstanceOf(NotFoundException.class);
        store.lists().delete(tenant.id(), list.id());
        assertThat(store.lists().find(list.id())).isEmpty();
        assertThatThrownBy(() -> store.lists().count(list.id())).isInstanceOf(NotFoundException.class);
        // the name is free again
        CallingList again = createList("l");
        assertThat(store.lists().count(again.id())).isZero();
    }

    @Test
    void recordsAndContactInfosStreamInRecordIdOrder() {
        CallingList list = createList("l");
        try (RecordWriter w = store.lists().openWriter(list.id())) {
            for (int i = 0; i < 2_500; i++) {
                w.append(record("+1212" + (5_000_000 + i)));
            }
            w.commit();
        }
        List<Long> ids = new ArrayList<>();
        store.lists().forEachRecord(list.id(), r -> ids.add(r.recordId()));
        assertThat(ids).hasSize(2_500).isSorted();
        List<String> phones = new ArrayList<>();
        store.lists().forEachContactInfo(list.id(), phones::add);
        assertThat(phones).hasSize(2_500).contains("+12125000000", "+12125002499");
        assertThat(store.lists().count(list.id())).isEqualTo(2_500);
    }

    @Test
    void searchFindsRecordsByPhoneOrCustomerId() {
        CallingList list = createList("l");
        write(list.id(), record("+12125550001", "C1"), record("+12125550002", "C1"), record("+12125550003", "C2"));
        assertThat(ClaimTest.phones(store.lists().search(list.id(), "+12125550003", null, 10))).containsExactly("+12125550003");
        assertThat(ClaimTest.phones(store.lists().search(list.id(), null, "C1", 10)))
                .containsExactly("+12125550001", "+12125550002");
        assertThat(ClaimTest.phones(store.lists().search(list.id(), "+12125550003", "C1", 10)))
                .containsExactly("+12125550001", "+12125550002", "+12125550003");
        assertThat(store.lists().search(list.id(), "+12125550003", "C1", 1)).hasSize(1);
        assertThat(store.lists().search(list.id(), null, null, 10)).isEmpty();
    }

    @Test
    void updateWritesTheMutableFieldsAndGivenCustomFields() {
        CallingList list = createList("l", CustomField.varchar("note", 20, null), CustomField.of("age", CustomFieldType.INTEGER, null));
        write(list.id(), RecordWriterTest.withCustom(record("+12125550001"), Map.of("note", "before", "age", 30)));
        CallingRecord r = store.lists().findRecord(list.id(), 1).orElseThrow();
        CallingRecord edited = new CallingRecord(r.recordId(), r.listId(), r.contactInfo(), r.contactInfoType(),
                r.recordType(), org.outdial.record.RecordStatus.UPDATED, org.outdial.record.CallResult.ANSWER, 1, null,
                java.time.Instant.parse("2025-06-02T15:00:00Z"), r.window(), r.timeZone(), 4L, "agent1", r.chainId(),
                r.chainN(), 9L, 2, null, r.customerId(), Map.of("note", "after"));
        store.lists().update(edited);
        CallingRecord stored = store.lists().findRecord(list.id(), 1).orElseThrow();
        assertThat(stored.customFields()).containsEntry("note", "after").containsEntry("age", 30L);
        assertThat(stored.callResult()).isEqualTo(org.outdial.record.CallResult.ANSWER);
        assertThat(stored.agentId()).isEqualTo("agent1");
        assertThat(stored.callTime()).isEqualTo(java.time.Instant.parse("2025-06-02T15:00:00Z"));
        CallingRecord missing = new CallingRecord(99, list.id(), "+1", r.contactInfoType(), r.recordType(),
                r.recordStatus(), r.callResult(), 0, null, null, r.window(), r.timeZone(), null, null, 99, 0, null, null,
                null, null, Map.of());
        assertThatThrownBy(() -> store.lists().update(missing)).isInstanceOf(NotFoundException.class);
        assertThat(store.lists().findRecord(list.id(), 99)).isEmpty();
    }

    @Test
    void aListDeletedByAnotherStoreIsNotFoundHere() {
        CallingList list = createList("l");
        write(list.id(), record("+12125550001"));
        try (JdbcStore other = JdbcStore.open(store.settings().withMigrateOnOpen(false))) {
            other.lists().delete(tenant.id(), list.id());
        }
        assertThatThrownBy(() -> store.lists().claimReady(list.id(), 1, 1, 1, java.time.Instant.now()))
                .isInstanceOf(NotFoundException.class);
        assertThat(store.lists().find(list.id())).isEmpty();
    }

    @Test
    void writesMadeAtomicallyCommitTogether() {
        CallingList list = createList("l");
        write(list.id(), record("+12125550001"), record("+12125550002"));
        store.lists().atomically(() -> {
            store.lists().update(withStatus(store.lists().findRecord(list.id(), 1).orElseThrow(), RecordStatus.UPDATED));
            store.lists().update(withStatus(store.lists().findRecord(list.id(), 2).orElseThrow(), RecordStatus.UPDATED));
        });
        assertThat(store.lists().findRecord(list.id(), 1).orElseThrow().recordStatus()).isEqualTo(RecordStatus.UPDATED);
        assertThat(store.lists().findRecord(list.id(), 2).orElseThrow().recordStatus()).isEqualTo(RecordStatus.UPDATED);
    }

    @Test
    void aFailedAtomicWriteLeavesEveryRecordAsItWas() {
        CallingList list = createList("l");
        write(list.id(), record("+12125550001"));
        CallingRecord first = store.lists().findRecord(list.id(), 1).orElseThrow();
        CallingRecord missing = new CallingRecord(99, list.id(), "+1", first.contactInfoType(), first.recordType(),
                first.recordStatus(), first.callResult(), 0, null, null, first.window(), first.timeZone(), null, null,
                99, 0, null, null, null, null, Map.of());
        assertThatThrownBy(() -> store.lists().atomically(() -> {
            store.lists().update(withStatus(first, RecordStatus.UPDATED));
            store.lists().update(missing);
        })).isInstanceOf(NotFoundException.class);
        assertThat(store.lists().findRecord(list.id(), 1).orElseThrow().recordStatus()).isEqualTo(first.recordStatus());
    }

    @Test
    void updateAllWritesEveryRecordInOneBatchAndAMissingOneFailsIt() {
        CallingList list = createList("l");
        write(list.id(), record("+12125550001"), record("+12125550002"), record("+12125550003"));
        List<CallingRecord> edited = new ArrayList<>();
        for (long id = 1; id <= 3; id++) {
            edited.add(withStatus(store.lists().findRecord(list.id(), id).orElseThrow(), RecordStatus.UPDATED));
        }
        store.lists().atomically(() -> store.lists().updateAll(edited));
        for (long id = 1; id <= 3; id++) {
            assertThat(store.lists().findRecord(list.id(), id).orElseThrow().recordStatus())
                    .isEqualTo(RecordStatus.UPDATED);
        }
        CallingRecord first = store.lists().findRecord(list.id(), 1).orElseThrow();
        CallingRecord missing = new CallingRecord(99, list.id(), "+1", first.contactInfoType(), first.recordType(),
                first.recordStatus(), first.callResult(), 0, null, null, first.window(), first.timeZone(), null, null,
                99, 0, null, null, null, null, Map.of());
        assertThatThrownBy(() -> store.lists().updateAll(List.of(withStatus(first, RecordStatus.CANCELLED), missing)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void claimChainTakesTheChainsReadyRecordsOnceForTheGroup() {
        CallingList list = createList("l");
        write(list.id(), record("+12125550001", "C1"), record("+12125550002", "C1"), record("+12125550003", "C1"),
                record("+12125550004", "C2"));
        long chain = store.lists().findRecord(list.id(), 1).orElseThrow().chainId();
        List<CallingRecord> claimed = store.lists().claimChain(list.id(), chain, 9, 2);
        assertThat(ClaimTest.phones(claimed)).containsExactly("+12125550001", "+12125550002", "+12125550003");
        assertThat(claimed).allSatisfy(r -> {
            assertThat(r.recordStatus()).isEqualTo(RecordStatus.RETRIEVED);
            assertThat(r.groupId()).isEqualTo(9L);
            assertThat(r.appId()).isEqualTo(2);
        });
        assertThat(store.lists().findRecord(list.id(), 2).orElseThrow().recordStatus())
                .isEqualTo(RecordStatus.RETRIEVED);
        assertThat(store.lists().claimChain(list.id(), chain, 9, 2)).as("already claimed").isEmpty();
        assertThat(store.lists().findRecord(list.id(), 4).orElseThrow().recordStatus()).isEqualTo(RecordStatus.READY);
    }

    @Test
    void aWriterTellsTheRecordIdOfTheFirstRecordOfItsLastCommit() {
        CallingList list = createList("l");
        write(list.id(), record("+12125550001"));
        try (RecordWriter w = store.lists().openWriter(list.id())) {
            w.append(record("+12125550002"));
            w.commit();
            assertThat(w.firstIdOfLastCommit()).isEqualTo(2);
            assertThat(store.lists().findRecord(list.id(), 2).orElseThrow().contactInfo()).isEqualTo("+12125550002");
        }
    }

    private static CallingRecord withStatus(CallingRecord r, RecordStatus status) {
        return new CallingRecord(r.recordId(), r.listId(), r.contactInfo(), r.contactInfoType(), r.recordType(), status,
                r.callResult(), r.attempt(), r.dialSchedTime(), r.callTime(), r.window(), r.timeZone(), r.campaignId(),
                r.agentId(), r.chainId(), r.chainN(), r.groupId(), r.appId(), r.treatments(), r.customerId(),
                r.customFields());
    }
}
