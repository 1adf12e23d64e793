package org.outdial.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.outdial.callback.BusinessHours;
import org.outdial.callback.Callback;
import org.outdial.callback.CallbackLifecycle;
import org.outdial.callback.CallbackRequest;
import org.outdial.callback.CallbackService;
import org.outdial.callback.CallbackState;
import org.outdial.callback.ReportingKeys;
import org.outdial.list.CallingList;
import org.outdial.list.CustomField;
import org.outdial.record.NewRecord;
import org.outdial.record.RecordStatus;
import org.outdial.store.CallbackStore;
import org.outdial.store.ConflictException;
import org.outdial.store.RecordWriter;

class CallbackStoreTest extends StoreTestBase {

    static final long NOW = Instant.parse("2026-03-02T10:00:00Z").toEpochMilli();

    CallbackService service(CallingList list) {
        return store.callbacks().createService(CallbackService.defaults(tenant.id(), "support",
                BusinessHours.parse("Mon-Fri 08:00-20:00", NEW_YORK)).withStorage(0, list.id(), 42));
    }

    @Test
    void aServiceIsStoredWithItsOptionsAndItsNameIsUniquePerTenant() {
        CallbackService s = service(createList("cb"));
        assertThat(store.callbacks().service(tenant.id(), "support")).contains(s);
        assertThat(s.hours().text()).isEqualTo("Mon 08:00-20:00; Tue 08:00-20:00; Wed 08:00-20:00; Thu 08:00-20:00;"
                + " Fri 08:00-20:00");
        assertThatThrownBy(() -> service(createList("cb2"))).isInstanceOf(ConflictException.class);
        CallbackService changed = store.callbacks().updateService(new CallbackService(s.id(), s.tenantId(), s.name(),
                s.listId(), s.campaignGroupId(), s.hours(), s.connectOrder(), 15, 10, 5, 60, 3600, 10, 7, false, 0,
                0, 2, false, s.version()));
        assertThat(changed.maxDialAttempts()).isEqualTo(5);
        assertThat(changed.version()).isEqualTo(s.version() + 1);
    }

    @Test
    void aCallbackIsStoredWithItsStartEventAndFoundByIdNumberStateAndRecord() {
        CallbackService s = service(createList("cb"));
        Callback cb = CallbackLifecycle.create("cb-1", s, CallbackRequest.parse(Map.of("_customer_number", "+12125550100",
                "order", "A-17")), NOW).withRecord(s.listId(), 5);
        store.callbacks().insert(cb, List.of(ReportingKeys.start(cb, "support")));

        Callback read = store.callbacks().find(tenant.id(), "cb-1").orElseThrow();
        assertThat(read.toKv()).isEqualTo(cb.toKv());
        assertThat(store.callbacks().findByRecord(s.listId(), 5)).isPresent();
        assertThat(store.callbacks().query(new CallbackStore.CallbackQuery(tenant.id(), null, null, "+12125550100",
                List.of(CallbackState.QUEUED), null, null, 10))).hasSize(1);
        assertThat(store.callbacks().query(new CallbackStore.CallbackQuery(tenant.id(), null, null, null,
                List.of(CallbackState.SCHEDULED), null, null, 10))).isEmpty();
        assertThat(store.callbacks().countWaiting(s.id(), "+12125550100")).isEqualTo(1);
        assertThat(store.callbacks().countCreatedSince(s.id(), "+12125550100", NOW - 1)).isEqualTo(1);
        assertThat(store.callbacks().countDesiredBetween(s.id(), NOW, NOW + 1)).isEqualTo(1);
        assertThat(store.callbacks().find(tenant.id() + 1, "cb-1")).isEmpty();
    }

    @Test
    void theCallbackRecordIsCancelledOrRequeuedOnlyWhenNotClaimed() {
        CallingList list = createList("cb", CustomField.varchar("cb_service_id", 64, "_CB_SERVICE_ID"));
        try (RecordWriter w = store.lists().openWriter(list.id())) {
            w.append(NewRecord.ready("+12125550100", list.defaultWindow(), list.defaultTimeZone(), null, 0, "cb-1",
                    Map.of()));
            w.commit();
        }
        long recordId = store.lists().search(list.id(), null, "cb-1", 1).getFirst().recordId();
        store.callbacks().attachToRecord(list.id(), recordId, Map.of("cb_service_id", "cb-1"));
        assertThat(store.lists().findRecord(list.id(), recordId).orElseThrow().customFields())
                .containsEntry("cb_service_id", "cb-1");

        // 10:00 in New York, inside the list's calling window (the wall clock failed this test at night there)
        store.lists().claimReady(list.id(), 1, 9, 10, Instant.parse("2026-03-02T15:00:00Z"));
        assertThat(store.callbacks().cancelRecordIfIdle(list.id(), recordId)).isFalse();
        store.lists().releaseAll(9);
        assertThat(store.callbacks().requeueRecord(list.id(), recordId, NOW + 60_000)).isTrue();
        assertThat(store.lists().findRecord(list.id(), recordId).orElseThrow().dialSchedTime())
                .isEqualTo(Instant.ofEpochMilli(NOW + 60_000));
        assertThat(store.callbacks().cancelRecordIfIdle(list.id(), recordId)).isTrue();
        assertThat(store.lists().findRecord(list.id(), recordId).orElseThrow().recordStatus())
                .isEqualTo(RecordStatus.CANCELLED);
    }
}
