package org.outdial.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.outdial.dnc.DncEntry;
import org.outdial.list.CallingList;
import org.outdial.record.CallResult;
import org.outdial.record.CallingRecord;
import org.outdial.record.CallingWindow;
import org.outdial.record.ContactInfoType;
import org.outdial.record.NewRecord;
import org.outdial.record.RecordStatus;
import org.outdial.record.RecordType;
import org.outdial.store.NotFoundException;

class ClaimTest extends StoreTestBase {

    /** 2025-06-02 15:00 UTC: 11:00 in New York, 17:00 in Berlin, 00:00 in Tokyo. */
    static final Instant NOW = Instant.parse("2025-06-02T15:00:00Z");
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final CallingWindow NINE_TO_FIVE = new CallingWindow(9 * 3600, 17 * 3600);

    @Test
    void claimMarksRecordsRetrievedForTheOwnerAndCampaignGroup() {
        CallingList list = createList("l");
        write(list.id(), record("+12125550001"), record("+12125550002"));
        List<CallingRecord> claimed = store.lists().claimReady(list.id(), 77, 5, 10, NOW);
        assertThat(claimed).hasSize(2).allSatisfy(r -> {
            assertThat(r.recordStatus()).isEqualTo(RecordStatus.RETRIEVED);
            assertThat(r.appId()).isEqualTo(5);
            assertThat(r.groupId()).isEqualTo(77L);
            assertThat(r.listId()).isEqualTo(list.id());
        });
        assertThat(store.lists().findRecord(list.id(), 1).orElseThrow()).isEqualTo(claimed.getFirst());
        assertThat(store.lists().claimReady(list.id(), 77, 5, 10, NOW)).isEmpty();
        assertThat(store.lists().countByStatus(list.id())).containsExactly(Map.entry(RecordStatus.RETRIEVED, 2L));
    }

    @Test
    void claimSkipsRecordsThatAreNotYetDue() {
        CallingList list = createList("l");
        write(list.id(),
                record("+12125550001", RecordType.GENERAL, NOW.plusSeconds(1), ALL_DAY, NEW_YORK, null),
                record("+12125550002", RecordType.GENERAL, NOW, ALL_DAY, NEW_YORK, null),
                record("+12125550003", RecordType.GENERAL, NOW.minusSeconds(3600), ALL_DAY, NEW_YORK, null),
                record("+12125550004", RecordType.GENERAL, null, ALL_DAY, NEW_YORK, null));
        assertThat(phones(store.lists().claimReady(list.id(), 1, 1, 10, NOW)))
                .containsExactlyInAnyOrder("+12125550002", "+12125550003", "+12125550004");
        assertThat(phones(store.lists().claimReady(list.id(), 1, 1, 10, NOW.plusSeconds(1))))
                .containsExactly("+12125550001");
    }

    @Test
    void claimSkipsRecordsOutsideTheirCallingWindowInTheirOwnTimeZone() {
        CallingList list = createList("l");
        write(list.id(),
                record("+12125550001", RecordType.GENERAL, null, NINE_TO_FIVE, NEW_YORK, null),  // 11:00 there
                record("+4930555001", RecordType.GENERAL, null, NINE_TO_FIVE, BERLIN, null),     // 17:00 there
                record("+81355550001", RecordType.GENERAL, null, NINE_TO_FIVE, TOKYO, null));    // 00:00 there
        assertThat(phones(store.lists().claimReady(list.id(), 1, 1, 10, NOW))).containsExactly("+12125550001");
    }

    @Test
    void theWindowIncludesItsStartAndExcludesItsEnd() {
        CallingList list = createList("l");
        write(list.id(),
                record("+12125550001", RecordType.GENERAL, null, new CallingWindow(11 * 3600, 12 * 3600), NEW_YORK, null),
                record("+12125550002", RecordType.GENERAL, null, new CallingWindow(10 * 3600, 11 * 3600), NEW_YORK, null));
        assertThat(phones(store.lists().claimReady(list.id(), 1, 1, 10, NOW))).containsExactly("+12125550001");
    }

    @Test
    void aWindowThatWrapsMidnightAllowsLateEveningAndEarlyMorning() {
        CallingList list = createList("l");
        CallingWindow night = new CallingWindow(20 * 3600, 2 * 3600);
        write(list.id(), record("+81355550001", RecordType.GENERAL, null, night, TOKYO, null),  // 00:00 in Tokyo
                record("+12125550001", RecordType.GENERAL, null, night, NEW_YORK, null));       // 11:00 in New York
        assertThat(phones(store.lists().claimReady(list.id(), 1, 1, 10, NOW))).containsExactly("+81355550001");
        // 21:30 in New York, 10:30 next morning in Tokyo
        assertThat(phones(store.lists().claimReady(list.id(), 1, 1, 10, Instant.parse("2025-06-03T01:30:00Z"))))
                .containsExactly("+12125550001");
    }

    @Test
    void aWindowWhoseStartEqualsItsEndAllowsNoCalls() {
        CallingList list = createList("l");
        write(list.id(), record("+12125550001", RecordType.GENERAL, null, new CallingWindow(0, 0), NEW_YORK, null),
                record("+12125550002", RecordType.GENERAL, null, new CallingWindow(11 * 3600, 11 * 3600), NEW_YORK, null),
                record("+12125550003", RecordType.GENERAL, null, new CallingWindow(0, CallingWindow.DAY_SEC), NEW_YORK, null));
        assertThat(phones(store.lists().claimReady(list.id(), 1, 1, 10, NOW))).containsExactly("+12125550003");
    }

    @Test
    void noCallRecordsAndRecordsThatAreNotReadyAreNeverClaimed() {
        CallingList list = createList("l");
        write(list.id(), record("+12125550001", RecordType.NO_CALL, null, ALL_DAY, NEW_YORK, null),
                withStatus(record("+12125550002"), RecordStatus.UPDATED),
                withStatus(record("+12125550003"), RecordStatus.CANCELLED),
                withStatus(record("+12125550004"), RecordStatus.RETRIEVED),
                record("+12125550005", RecordType.UNKNOWN, null, ALL_DAY, NEW_YORK, null));
        assertThat(phones(store.lists().claimReady(list.id(), 1, 1, 10, NOW))).containsExactly("+12125550005");
    }

    @Test
    void doNotCallEntriesBlockByPhoneAndByCustomerIdUntilTheyExpire() {
        CallingList list = createList("l");
        write(list.id(), record("+12125550001", "C1"), record("+12125550002", "C2"), record("+12125550003", "C3"),
                record("+12125550004", "C4"), record("+12125550005", null));
        store.dnc().add(new DncEntry(tenant.id(), "+12125550001", null, "asked", NOW, "test", null));
        store.dnc().add(new DncEntry(tenant.id(), null, "C2", "asked", NOW, "test", null));
        store.dnc().add(new DncEntry(tenant.id(), "+12125550003", null, "expired", NOW, "test", NOW));
        store.dnc().add(new DncEntry(tenant.id(), null, "C4", "until tomorrow", NOW, "test", NOW.plusSeconds(86_400)));
        long other = store.tenants().create("other", null).id();
        store.dnc().add(new DncEntry(other, "+12125550005", null, "other tenant", NOW, "test", null));

        assertThat(phones(store.lists().claimReady(list.id(), 1, 1, 10, NOW)))
                .containsExactlyInAnyOrder("+12125550003", "+12125550005");
        assertThat(phones(store.lists().claimReady(list.id(), 1, 1, 10, NOW.plusSeconds(86_400))))
                .containsExactly("+12125550004");
    }

    @Test
    void callbacksComeFirstThenRescheduledThenGeneralEachByDueTimeThenRecordId() {
        CallingList list = createList("l");
        Instant t1 = NOW.minusSeconds(600);
        Instant t2 = NOW.minusSeconds(300);
        write(list.id(),
                record("g-null-1", RecordType.GENERAL, null, ALL_DAY, NEW_YORK, null),
                record("g-t2", RecordType.GENERAL, t2, ALL_DAY, NEW_YORK, null),
                record("g-t1", RecordType.GENERAL, t1, ALL_DAY, NEW_YORK, null),
                record("r-personal-t2", RecordType.PERSONAL_RESCHEDULED, t2, ALL_DAY, NEW_YORK, null),
                record("r-campaign-t1", RecordType.CAMPAIGN_RESCHEDULED, t1, ALL_DAY, NEW_YORK, null),
                record("cb-campaign-t2", RecordType.CAMPAIGN_CALLBACK, t2, ALL_DAY, NEW_YORK, null),
                record("cb-personal-t2", RecordType.PERSONAL_CALLBACK, t2, ALL_DAY, NEW_YORK, null),
                record("cb-campaign-t1", RecordType.CAMPAIGN_CALLBACK, t1, ALL_DAY, NEW_YORK, null),
                record("g-null-2", RecordType.GENERAL, null, ALL_DAY, NEW_YORK, null));
        List<String> expected = List.of("cb-campaign-t1", "cb-campaign-t2", "cb-personal-t2", "r-campaign-t1",
                "r-personal-t2", "g-null-1", "g-null-2", "g-t1", "g-t2");
        assertThat(phones(store.lists().claimReady(list.id(), 1, 1, 100, NOW))).containsExactlyElementsOf(expected);
        store.lists().releaseAll(1);
        // claimed three at a time, the same order continues
        List<String> inSteps = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            inSteps.addAll(phones(store.lists().claimReady(list.id(), 1, 1, 3, NOW)));
        }
        assertThat(inSteps).containsExactlyElementsOf(expected);
    }

    @Test
    void releaseReturnsOnlyTheGivenRecordsClaimedByTheOwnerToReady() {
        CallingList list = createList("l");
        write(list.id(), record("+12125550001"), record("+12125550002"), record("+12125550003"));
        List<CallingRecord> mine = store.lists().claimReady(list.id(), 1, 1, 2, NOW);
        List<CallingRecord> theirs = store.lists().claimReady(list.id(), 1, 2, 1, NOW);
        long theirId = theirs.getFirst().recordId();
        List<Long> ids = new java.util.ArrayList<>(mine.stream().map(CallingRecord::recordId).toList());
        ids.add(theirId);
        assertThat(store.lists().release(list.id(), 1, ids)).isEqualTo(2);
        assertThat(store.lists().findRecord(list.id(), theirId).orElseThrow().recordStatus())
                .isEqualTo(RecordStatus.RETRIEVED);
        assertThat(store.lists().claimReady(list.id(), 1, 3, 10, NOW)).hasSize(2);
        assertThat(store.lists().release(list.id(), 1, List.of())).isZero();
    }

    @Test
    void releaseAllReturnsTheOwnersClaimsInEveryListToReady() {
        CallingList a = createList("a");
        CallingList b = createList("b");
        write(a.id(), record("+12125550001"), record("+12125550002"));
        write(b.id(), record("+12125550003"));
        store.lists().claimReady(a.id(), 1, 9, 1, NOW);
        store.lists().claimReady(b.id(), 1, 9, 1, NOW);
        store.lists().claimReady(a.id(), 1, 8, 1, NOW);
        assertThat(store.lists().releaseAll(9)).isEqualTo(2);
        assertThat(store.lists().countByStatus(a.id()))
                .containsEntry(RecordStatus.READY, 1L).containsEntry(RecordStatus.RETRIEVED, 1L);
        assertThat(store.lists().countByStatus(b.id())).containsExactly(Map.entry(RecordStatus.READY, 1L));
        assertThat(store.lists().releaseAll(9)).isZero();
    }

    @Test
    void claimingFromAnUnknownListIsNotFound() {
        assertThatThrownBy(() -> store.lists().claimReady(999, 1, 1, 10, NOW)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anEmptyListOrAZeroMaxClaimsNothing() {
        CallingList list = createList("l");
        assertThat(store.lists().claimReady(list.id(), 1, 1, 10, NOW)).isEmpty();
        write(list.id(), record("+12125550001"));
        assertThat(store.lists().claimReady(list.id(), 1, 1, 0, NOW)).isEmpty();
    }

    @Test
    void anUpdatedRecordBecomesClaimableAgainWhenMadeReady() {
        CallingList list = createList("l");
        write(list.id(), record("+12125550001"));
        CallingRecord claimed = store.lists().claimReady(list.id(), 1, 1, 1, NOW).getFirst();
        CallingRecord rescheduled = new CallingRecord(claimed.recordId(), claimed.listId(), claimed.contactInfo(),
                claimed.contactInfoType(), RecordType.CAMPAIGN_RESCHEDULED, RecordStatus.READY, CallResult.BUSY, 1,
                NOW.plusSeconds(60), NOW, claimed.window(), claimed.timeZone(), 3L, "agent7", claimed.chainId(),
                claimed.chainN(), claimed.groupId(), claimed.appId(), "1@1@0@1", claimed.customerId(), Map.of());
        store.lists().update(rescheduled);
        assertThat(store.lists().findRecord(list.id(), claimed.recordId())).contains(rescheduled);
        assertThat(store.lists().claimReady(list.id(), 1, 1, 1, NOW)).isEmpty();
        assertThat(store.lists().claimReady(list.id(), 1, 1, 1, NOW.plusSeconds(60))).hasSize(1);
    }

    static List<String> phones(List<CallingRecord> records) {
        return records.stream().map(CallingRecord::contactInfo).toList();
    }

    static NewRecord withStatus(NewRecord r, RecordStatus status) {
        return new NewRecord(r.contactInfo(), ContactInfoType.HOME_PHONE, r.recordType(), status, r.callResult(),
                r.attempt(), r.dialSchedTime(), r.window(), r.timeZone(), r.agentId(), r.chainId(), r.chainN(),
                r.customerId(), r.customFields());
    }
}
