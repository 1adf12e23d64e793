package org.outdial.csv;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import org.outdial.list.CallingList;
import org.outdial.list.CustomField;
import org.outdial.list.CustomFieldType;
import org.outdial.list.NewCallingList;
import org.outdial.record.CallingRecord;
import org.outdial.record.CallingWindow;
import org.outdial.store.CallingListStore;

/** A calling list in a store, and shortcuts to import CSV text into it. */
final class ImportFixture {

    static final ZoneId LIST_ZONE = ZoneId.of("America/New_York");
    static final CallingWindow LIST_WINDOW = new CallingWindow(9 * 3600, 21 * 3600);

    /** One custom field of every type. */
    static final List<CustomField> FIELDS = List.of(
            CustomField.varchar("account_no", 10, "AccountNo"),
            CustomField.of("balance", CustomFieldType.DECIMAL, null),
            CustomField.of("due_date", CustomFieldType.DATE, null),
            CustomField.of("opted_in", CustomFieldType.BOOLEAN, null),
            CustomField.of("visits", CustomFieldType.INTEGER, null),
            CustomField.of("credit", CustomFieldType.BIGINT, null),
            CustomField.of("paid_at", CustomFieldType.TIMESTAMP, null));

    final CallingListStore store;
    final CallingList list;
    final RecordingListener listener = new RecordingListener();
    ImportOptions options = ImportOptions.defaults();

    ImportFixture() {
        this(new InMemoryListStore(), "spring");
    }

    ImportFixture(CallingListStore store, String listName) {
        this(store, 1, listName);
    }

    ImportFixture(CallingListStore store, long tenantId, String listName) {
        this.store = store;
        this.list = store.create(new NewCallingList(tenantId, listName, "", FIELDS, LIST_ZONE, LIST_WINDOW, "US", 5));
    }

    ImportReport importText(String csv) {
        return importBytes(csv.getBytes(StandardCharsets.UTF_8));
    }

    ImportReport importBytes(byte[] bytes) {
        try {
            return new CsvImporter(store, options).importCsv(list, new ByteArrayInputStream(bytes), bytes.length, listener);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<CallingRecord> records() {
        List<CallingRecord> all = new java.util.ArrayList<>();
        store.forEachRecord(list.id(), all::add);
        return all;
    }

    CallingRecord only() {
        List<CallingRecord> all = records();
        if (all.size() != 1) {
            throw new AssertionError("expected one record, got " + all + "; errors " + listener.errors);
        }
        return all.getFirst();
    }

    List<String> contacts() {
        return records().stream().map(CallingRecord::contactInfo).toList();
    }
}
