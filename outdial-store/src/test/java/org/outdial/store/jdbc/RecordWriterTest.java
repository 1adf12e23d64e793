package org.outdial.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.outdial.list.CallingList;
import org.outdial.list.CustomField;
import org.outdial.list.CustomFieldType;
import org.outdial.record.CallingRecord;
import org.outdial.record.NewRecord;
import org.outdial.record.RecordStatus;
import org.outdial.store.RecordWriter;
import org.outdial.store.StoreException;

class RecordWriterTest extends StoreTestBase {

    @Test
    void commitWritesTheBatchWithConsecutiveRecordIdsAndDefaultsFromTheNewRecord() {
        CallingList list = createList("l1");
        try (RecordWriter w = store.lists().openWriter(list.id())) {
            w.append(record("+12125550001"));
            w.append(record("+12125550002"));
            assertThat(w.pending()).isEqualTo(2);
            assertThat(w.commit()).isEqualTo(2);
            assertThat(w.pending()).isZero();
            w.append(record("+12125550003"));
            assertThat(w.commit()).isEqualTo(1);
        }
        List<CallingRecord> all = all(list.id());
        assertThat(all).extracting(CallingRecord::recordId).containsExactly(1L, 2L, 3L);
        CallingRecord first = all.getFirst();
        assertThat(first.recordStatus()).isEqualTo(RecordStatus.READY);
        assertThat(first.callResult().code()).isEqualTo(28);
        assertThat(first.timeZone()).isEqualTo(NEW_YORK);
        assertThat(first.window()).isEqualTo(ALL_DAY);
        assertThat(first.chainId()).isEqualTo(1L);
        assertThat(first.chainN()).isZero();
        assertThat(first.appId()).isNull();
    }

    @Test
    void recordsOfOneCustomerShareTheChainOfTheEarliestRecordAcrossBatches() {
        CallingList list = createList("l1");
        write(list.id(), record("+12125550001", "C1"), record("+12125550002", "C2"), record("+12125550003", "C1"));
        write(list.id(), record("+12125550004", null), record("+12125550005", "C1"), record("+12125550006", "C2"));
        Map<String, long[]> chains = new HashMap<>();
        for (CallingRecord r : all(list.id())) {
            chains.put(r.contactInfo(), new long[] {r.chainId(), r.chainN()});
        }
        assertThat(chains.get("+12125550001")).containsExactly(1, 0);
        assertThat(chains.get("+12125550003")).containsExactly(1, 1);
        assertThat(chains.get("+12125550005")).containsExactly(1, 2);
        assertThat(chains.get("+12125550002")).containsExactly(2, 0);
        assertThat(chains.get("+12125550006")).containsExactly(2, 1);
        assertThat(chains.get("+12125550004")).containsExactly(4, 0);
        assertThat(store.lists().chain(list.id(), 1)).extracting(CallingRecord::contactInfo)
                .containsExactly("+12125550001", "+12125550003", "+12125550005");
    }

    @Test
    void recordsWrittenOutOfRecordIdOrderAreRelinkedToTheEarliest() throws Exception {
        CallingList list = createList("l1");
        setNextRecordId(list.id(), 100);
        write(list.id(), record("+12125550001", "C1"), record("+12125550002", "C1"));
        // as when a writer that took an earlier block of ids commits after a later one
        setNextRecordId(list.id(), 10);
        write(list.id(), record("+12125550003", "C1"));
        assertThat(store.lists().chain(list.id(), 10))
                .extracting(CallingRecord::recordId, CallingRecord::contactInfo, CallingRecord::chainN)
                .containsExactly(tuple(10L, "+12125550003", 0), tuple(100L, "+12125550001", 1),
                        tuple(101L, "+12125550002", 2));
    }

    private void setNextRecordId(long listId, long next) throws java.sql.SQLException {
        StoreSettings s = store.settings();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(s.jdbcUrl(), s.user(), s.password());
             java.sql.PreparedStatement ps = c.prepareStatement(
                     "UPDATE calling_lists SET next_record_id = ? WHERE id = ?")) {
            ps.setLong(1, next);
            ps.setLong(2, listId);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }

    @Test
    void aGivenChainIdIsKeptForRecordsWithoutCustomerId() {
        CallingList list = createList("l1");
        write(list.id(), record("+12125550001"));
        write(list.id(), NewRecord.ready("+12125550002", ALL_DAY, NEW_YORK, 1L, 1, null, Map.of()));
        assertThat(store.lists().chain(list.id(), 1)).extracting(CallingRecord::contactInfo, CallingRecord::chainN)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("+12125550001", 0),
                        org.assertj.core.groups.Tuple.tuple("+12125550002", 1));
    }

    @Test
    void blankCustomerIdsDoNotChainRecordsTogether() {
        CallingList list = createList("l1");
        write(list.id(), record("+12125550001", " "), record("+12125550002", ""));
        assertThat(all(list.id())).extracting(CallingRecord::chainId).containsExactly(1L, 2L);
        assertThat(all(list.id())).extracting(CallingRecord::customerId).containsOnlyNulls();
    }

    @Test
    void aFailedBatchLeavesNothingBehind() {
        CallingList list = createList("l1", CustomField.varchar("note", 5, null));
        write(list.id(), withCustom(record("+12125550001", "C1"), Map.of("note", "ok")));
        try (RecordWriter w = store.lists().openWriter(list.id())) {
            w.append(withCustom(record("+12125550002", "C1"), Map.of("note", "fine")));
            w.append(withCustom(record("+12125550003", "C9"), Map.of("note", "far too long")));
            assertThatThrownBy(w::commit).isInstanceOf(StoreException.class)
                    .hasMessageContaining("nothing of it is stored");
            assertThat(w.pending()).isZero();
            // the writer stays usable after a failed batch
            w.append(withCustom(record("+12125550004", "C1"), Map.of("note", "next")));
            w.commit();
        }
        List<CallingRecord> all = all(list.id());
        assertThat(all).extracting(CallingRecord::contactInfo).containsExactly("+12125550001", "+12125550004");
        assertThat(all.get(1).chainId()).isEqualTo(all.get(0).recordId());
        assertThat(all.get(1).chainN()).isEqualTo(1);
    }

    @Test
    void appendRejectsUndeclaredCustomFieldsAndValuesOfTheWrongType() {
        CallingList list = createList("l1", CustomField.of("age", CustomFieldType.INTEGER, null));
        try (RecordWriter w = store.lists().openWriter(list.id())) {
            assertThatThrownBy(() -> w.append(withCustom(record("+12125550001"), Map.of("color", "red"))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("color").hasMessageContaining("age");
            assertThatThrownBy(() -> w.append(withCustom(record("+12125550001"), Map.of("age", "old"))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'age' is integer");
            assertThatThrownBy(() -> w.append(withCustom(record("+12125550001"), Map.of("age", 3_000_000_000L))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32-bit");
            assertThat(w.pending()).isZero();
        }
    }

    @Test
    void customFieldsOfEveryTypeRoundTrip() {
        CallingList list = createList("l1",
                CustomField.varchar("name", 100, "GSW_NAME"),
                CustomField.of("age", CustomFieldType.INTEGER, null),
                CustomField.of("balance_cents", CustomFieldType.BIGINT, null),
                CustomField.of("amount", CustomFieldType.DECIMAL, null),
                CustomField.of("vip", CustomFieldType.BOOLEAN, null),
                CustomField.of("born", CustomFieldType.DATE, null),
                CustomField.of("last_seen", CustomFieldType.TIMESTAMP, null),
                CustomField.varchar("order", 10, null));
        Map<String, Object> values = new HashMap<>();
        values.put("name", "Zoë \"Q\" O'Neil");
        values.put("age", 42);
        values.put("balance_cents", 9_000_000_000L);
        values.put("amount", new BigDecimal("1234.5600"));
        values.put("vip", true);
        values.put("born", LocalDate.of(1980, 2, 29));
        values.put("last_seen", Instant.parse("2025-06-01T10:15:30Z"));
        values.put("order", null);
        Map<String, Object> strings = new HashMap<>(Map.of("name", "x", "age", "7", "balance_cents", "8",
                "amount", "0.5", "vip", "no", "born", "2000-01-01", "last_seen", "2025-01-01T00:00:00+01:00"));
        write(list.id(), withCustom(record("+12125550001"), values), withCustom(record("+12125550002"), strings));

        List<CallingRecord> all = all(list.id());
        Map<String, Object> expected = new HashMap<>(values);
        expected.put("age", 42L);
        assertThat(all.get(0).customFields()).containsExactlyEntriesOf(ordered(list, expected));
        assertThat(all.get(0).customFields().keySet()).containsExactly("name", "age", "balance_cents", "amount", "vip",
                "born", "last_seen", "order");
        assertThat(all.get(1).customFields()).containsEntry("age", 7L).containsEntry("vip", false)
                .containsEntry("amount", new BigDecimal("0.5000"))
                .containsEntry("last_seen", Instant.parse("2024-12-31T23:00:00Z"));
    }

    @Test
    void textWithTabsNewlinesBackslashesAndNullMarkersRoundTrips() {
        CallingList list = createList("l1", CustomField.varchar("note", 200, null));
        String[] tricky = {"a\tb", "line1\nline2\r\n", "back\\slash", "\\N", "\\.", "trailing\\", "ünïcödé ☎",
                "form\ffeed\u000Bvt\bbs"};
        List<NewRecord> records = new ArrayList<>();
        for (int i = 0; i < tricky.length; i++) {
            records.add(withCustom(record("+1212555000" + i, "cust\t" + i), Map.of("note", tricky[i])));
        }
        write(list.id(), records.toArray(NewRecord[]::new));
        List<CallingRecord> all = all(list.id());
        for (int i = 0; i < tricky.length; i++) {
            assertThat(all.get(i).customFields().get("note")).isEqualTo(tricky[i]);
            assertThat(all.get(i).customerId()).isEqualTo("cust\t" + i);
        }
    }

    @Test
    void closeDiscardsPendingRecords() {
        CallingList list = createList("l1");
        RecordWriter w = store.lists().openWriter(list.id());
        w.append(record("+12125550001"));
        w.close();
        assertThat(store.lists().count(list.id())).isZero();
    }

    @Test
    void aLargeBatchIsWrittenWholeAndLinked() {
        CallingList list = createList("l1", CustomField.varchar("note", 20, null));
        int n = 5_000;
        try (RecordWriter w = store.lists().openWriter(list.id())) {
            for (int i = 0; i < n; i++) {
                w.append(withCustom(record("+1212" + (5_000_000 + i), "C" + (i % 1000)), Map.of("note", "n" + i)));
            }
            assertThat(w.commit()).isEqualTo(n);
        }
        assertThat(store.lists().count(list.id())).isEqualTo(n);
        assertThat(store.lists().chain(list.id(), 1)).hasSize(5).extracting(CallingRecord::chainN)
                .containsExactly(0, 1, 2, 3, 4);
    }

    private static Map<String, Object> ordered(CallingList list, Map<String, Object> values) {
        Map<String, Object> ordered = new java.util.LinkedHashMap<>();
        for (CustomField f : list.customFields()) {
            ordered.put(f.name(), values.get(f.name()));
        }
        return ordered;
    }

    static NewRecord withCustom(NewRecord r, Map<String, Object> custom) {
        return new NewRecord(r.contactInfo(), r.contactInfoType(), r.recordType(), r.recordStatus(), r.callResult(),
                r.attempt(), r.dialSchedTime(), r.window(), r.timeZone(), r.agentId(), r.chainId(), r.chainN(),
                r.customerId(), custom);
    }

    List<CallingRecord> all(long listId) {
        List<CallingRecord> all = new ArrayList<>();
        store.lists().forEachRecord(listId, all::add);
        return all;
    }
}
