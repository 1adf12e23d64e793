package org.outdial.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.outdial.store.ConflictException;
import org.outdial.store.NotFoundException;
import org.outdial.store.StatusTargetStore.StatusTarget;

/** Status targets: a change applies only to the content it was based on (optimistic concurrency without a version). */
class StatusTargetStoreTest extends StoreTestBase {

    private static final URI A = URI.create("https://a.example/status");
    private static final URI B = URI.create("https://b.example/status");

    @Test
    void aTargetIsFoundByItsTenantOnly() {
        StatusTarget t = store.statusTargets().add(tenant.id(), null, A);

        assertThat(store.statusTargets().find(tenant.id(), t.id())).contains(t);
        assertThat(store.statusTargets().find(tenant.id() + 1000, t.id())).isEmpty();
    }

    @Test
    void aReplaceBasedOnTheCurrentContentChangesIt() {
        StatusTarget t = store.statusTargets().add(tenant.id(), null, A);

        StatusTarget changed = store.statusTargets().replace(t, null, B);

        assertThat(store.statusTargets().find(tenant.id(), t.id())).contains(changed);
        assertThat(changed.uri()).isEqualTo(B);
    }

    @Test
    void aReplaceBasedOnStaleContentIsAConflict() {
        StatusTarget t = store.statusTargets().add(tenant.id(), null, A);
        store.statusTargets().replace(t, null, B);

        assertThatThrownBy(() -> store.statusTargets().replace(t, null, URI.create("https://c.example/s")))
                .isInstanceOf(ConflictException.class);
        assertThat(store.statusTargets().find(tenant.id(), t.id()).orElseThrow().uri()).isEqualTo(B);
    }

    @Test
    void aReplaceOfARemovedTargetIsNotFound() {
        StatusTarget t = store.statusTargets().add(tenant.id(), null, A);
        store.statusTargets().remove(tenant.id(), t.id());

        assertThatThrownBy(() -> store.statusTargets().replace(t, null, B)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aReplaceNeedsAnHttpUri() {
        StatusTarget t = store.statusTargets().add(tenant.id(), null, A);

        assertThatThrownBy(() -> store.statusTargets().replace(t, null, URI.create("ftp://x.example/s")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http");
    }
}
