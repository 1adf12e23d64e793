package org.outdial.store.jdbc;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.outdial.list.CallingList;
import org.outdial.list.CustomField;
import org.outdial.list.NewCallingList;
import org.outdial.record.CallResult;
import org.outdial.record.CallingWindow;
import org.outdial.record.ContactInfoType;
import org.outdial.record.NewRecord;
import org.outdial.record.RecordStatus;
import org.outdial.record.RecordType;
import org.outdial.store.RecordWriter;
import org.outdial.tenant.Tenant;

/** Runs each test of a subclass against a fresh H2 database and a fresh PostgreSQL database. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabases.Kind.class)
abstract class StoreTestBase {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final CallingWindow ALL_DAY = new CallingWindow(0, CallingWindow.DAY_SEC);

    @Parameter
    TestDatabases.Kind kind;

    @TempDir
    Path tempDir;

    JdbcStore store;
    Tenant tenant;

    @BeforeEach
    void openStore() {
        store = TestDatabases.open(kind, tempDir);
        tenant = store.tenants().create("acme", "CC1");
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    CallingList createList(String name, CustomField... fields) {
        return store.lists().create(new NewCallingList(tenant.id(), name, "test list", List.of(fields), NEW_YORK,
                new CallingWindow(8 * 3600, 21 * 3600), "US", 5));
    }

    /** A General, Ready record callable all day in New York. */
    static NewRecord record(String phone) {
        return NewRecord.ready(phone, ALL_DAY, NEW_YORK, null, 0, null, Map.of());
    }

    static NewRecord record(String phone, String customerId) {
        return NewRecord.ready(phone, ALL_DAY, NEW_YORK, null, 0, customerId, Map.of());
    }

    static NewRecord record(String phone, RecordType type, Instant dialSchedTime, CallingWindow window, ZoneId zone,
                            String customerId) {
        return new NewRecord(phone, ContactInfoType.HOME_PHONE, type, RecordStatus.READY,
                CallResult.UNKNOWN_CALL_RESULT, 0, dialSchedTime, window, zone, null, null, 0, customerId, Map.of());
    }

    void write(long listId, NewRecord... records) {
        try (RecordWriter writer = store.lists().openWriter(listId)) {
            for (NewRecord r : records) {
                writer.append(r);
            }
            writer.commit();
        }
    }
}
