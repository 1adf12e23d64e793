package org.outdial.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.outdial.dnc.DncEntry;

class DncStoreTest extends StoreTestBase {

    static final Instant NOW = Instant.parse("2025-06-02T15:00:00Z");

    DncEntry phone(String phone, String message) {
        return new DncEntry(tenant.id(), phone, null, message, NOW, "test", null);
    }

    DncEntry customer(String customerId, String message) {
        return new DncEntry(tenant.id(), null, customerId, message, NOW, "test", null);
    }

    @Test
    void addingAnEntryForAPhoneAgainReplacesIt() {
        store.dnc().add(phone("+12125550001", "first"));
        store.dnc().add(phone("+12125550001", "second"));
        assertThat(store.dnc().count(tenant.id())).isEqualTo(1);
        assertThat(store.dnc().check(tenant.id(), "+12125550001", null, NOW)).get()
                .extracting(DncEntry::message).isEqualTo("second");
    }

    @Test
    void anEntryWithPhoneAndCustomerIdReplacesEntriesForEither() {
        store.dnc().add(phone("+12125550001", "phone"));
        store.dnc().add(customer("C1", "customer"));
        store.dnc().add(new DncEntry(tenant.id(), "+12125550001", "C1", "both", NOW, "agent1", null));
        assertThat(store.dnc().count(tenant.id())).isEqualTo(1);
        assertThat(store.dnc().check(tenant.id(), null, "C1", NOW)).get().extracting(DncEntry::message).isEqualTo("both");
    }

    @Test
    void aPhoneMatchWinsOverACustomerIdMatch() {
        store.dnc().add(customer("C1", "by customer"));
        store.dnc().add(phone("+12125550001", "by phone"));
        assertThat(store.dnc().check(tenant.id(), "+12125550001", "C1", NOW)).get()
                .extracting(DncEntry::message).isEqualTo("by phone");
        assertThat(store.dnc().check(tenant.id(), "+12125550002", "C1", NOW)).get()
                .extracting(DncEntry::message).isEqualTo("by customer");
        assertThat(store.dnc().check(tenant.id(), "+12125550002", "C2", NOW)).isEmpty();
        assertThat(store.dnc().check(tenant.id(), null, null, NOW)).isEmpty();
    }

    @Test
    void expiredEntriesDoNotBlock() {
        store.dnc().add(new DncEntry(tenant.id(), "+12125550001", null, "m", NOW, "t", NOW.plusSeconds(60)));
        assertThat(store.dnc().check(tenant.id(), "+12125550001", null, NOW.plusSeconds(59))).isPresent();
        assertThat(store.dnc().check(tenant.id(), "+12125550001", null, NOW.plusSeconds(60))).isEmpty();
    }

    @Test
    void entriesBelongToTheirTenant() {
        long other = store.tenants().create("other", null).id();
        store.dnc().add(phone("+12125550001", "mine"));
        assertThat(store.dnc().check(other, "+12125550001", null, NOW)).isEmpty();
        assertThat(store.dnc().count(other)).isZero();
        assertThat(store.dnc().remove(other, "+12125550001", null)).isFalse();
        assertThat(store.dnc().count(tenant.id())).isEqualTo(1);
    }

    @Test
    void addAllWritesManyEntriesInOneGoAndTheLastOfDuplicatesWins() {
        List<DncEntry> entries = new java.util.ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            entries.add(phone("+1212" + (5_000_000 + i), "bulk"));
        }
        entries.add(phone("+12125000000", "again"));
        entries.add(customer("C1", "customer"));
        assertThat(store.dnc().addAll(entries)).isEqualTo(2_501);
        assertThat(store.dnc().count(tenant.id())).isEqualTo(2_501);
        assertThat(store.dnc().check(tenant.id(), "+12125000000", null, NOW)).get()
                .extracting(DncEntry::message).isEqualTo("again");
        assertThat(store.dnc().addAll(List.of())).isZero();
    }

    @Test
    void removeDeletesByPhoneOrByCustomerId() {
        store.dnc().add(phone("+12125550001", "p"));
        store.dnc().add(customer("C1", "c"));
        assertThat(store.dnc().remove(tenant.id(), "+12125550001", null)).isTrue();
        assertThat(store.dnc().remove(tenant.id(), "+12125550001", null)).isFalse();
        assertThat(store.dnc().remove(tenant.id(), null, "C1")).isTrue();
        assertThat(store.dnc().count(tenant.id())).isZero();
    }

    @Test
    void searchFindsPhonesAndCustomerIdsByPrefixInPhoneOrder() {
        store.dnc().addAll(List.of(phone("+12125550002", "b"), phone("+12125550001", "a"), phone("+4930555", "de"),
                customer("+1212_weird", "c"), customer("X%1", "pct")));
        assertThat(store.dnc().search(tenant.id(), "+1212", 10)).extracting(e -> e.phone() + "/" + e.customerId())
                .containsExactly("+12125550001/null", "+12125550002/null", "null/+1212_weird");
        // LIKE wildcards in the prefix are taken literally
        assertThat(store.dnc().search(tenant.id(), "+1212_", 10)).extracting(DncEntry::customerId)
                .containsExactly("+1212_weird");
        assertThat(store.dnc().search(tenant.id(), "X%", 10)).extracting(DncEntry::message).containsExactly("pct");
        assertThat(store.dnc().search(tenant.id(), null, 2)).hasSize(2);
        assertThat(store.dnc().search(tenant.id(), "", 100)).hasSize(5);
    }

    @Test
    void entriesKeepTheirFields() {
        DncEntry entry = new DncEntry(tenant.id(), "+12125550001", "C1", "asked twice", NOW, "agent7",
                NOW.plusSeconds(3600));
        store.dnc().add(entry);
        assertThat(store.dnc().search(tenant.id(), null, 10)).containsExactly(entry);
    }
}
