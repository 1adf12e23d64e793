package org.outdial.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.outdial.store.ConflictException;
import org.outdial.store.NotFoundException;
import org.outdial.tenant.ApiToken;
import org.outdial.tenant.Role;
import org.outdial.tenant.Tenant;

class TenantStoreTest extends StoreTestBase {

    @Test
    void tenantsAreFoundByIdAndName() {
        Tenant beta = store.tenants().create("beta", null);
        assertThat(store.tenants().find(beta.id())).contains(beta);
        assertThat(store.tenants().findByName("acme")).contains(tenant);
        assertThat(store.tenants().all()).containsExactly(tenant, beta);
        assertThat(store.tenants().find(999)).isEmpty();
    }

    @Test
    void aTenantNameCanBeUsedOnce() {
        assertThatThrownBy(() -> store.tenants().create("acme", null)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("'acme'");
    }

    @Test
    void aTokenIsFoundByItsSecretWhichIsNeverStored() throws Exception {
        ApiToken token = store.tenants().addToken(tenant.id(), Role.ADMIN, "ops", "s3cret-token-value-0123456789");
        assertThat(store.tenants().findToken("s3cret-token-value-0123456789")).contains(token);
        assertThat(store.tenants().findToken("wrong")).isEmpty();
        assertThat(store.tenants().findToken(null)).isEmpty();
        try (Connection c = DriverManager.getConnection(store.settings().jdbcUrl(), store.settings().user(),
                store.settings().password());
             ResultSet rs = c.createStatement().executeQuery("SELECT digest FROM api_tokens")) {
            rs.next();
            assertThat(rs.getString(1)).hasSize(64).isNotEqualTo("s3cret-token-value-0123456789")
                    .isEqualTo(TenantRepository.digest("s3cret-token-value-0123456789"));
        }
    }

    @Test
    void aRevokedTokenIsNoLongerFound() {
        ApiToken a = store.tenants().addToken(tenant.id(), Role.ADMIN, "a", "secret-a-0000000000000000");
        ApiToken b = store.tenants().addToken(tenant.id(), Role.READ_ONLY, "b", "secret-b-0000000000000000");
        store.tenants().revokeToken(tenant.id(), a.id());
        assertThat(store.tenants().findToken("secret-a-0000000000000000")).isEmpty();
        assertThat(store.tenants().tokens(tenant.id())).containsExactly(b);
        assertThatThrownBy(() -> store.tenants().revokeToken(tenant.id(), a.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aTokenFoundBeforeItsRevocationIsRefusedAtOnce() {
        ApiToken a = store.tenants().addToken(tenant.id(), Role.ADMIN, "a", "secret-c-0000000000000000");
        assertThat(store.tenants().findToken("secret-c-0000000000000000")).isPresent();

        store.tenants().revokeToken(tenant.id(), a.id());

        assertThat(store.tenants().findToken("secret-c-0000000000000000")).isEmpty();
    }

    @Test
    void tokensOfOneTenantCannotBeRevokedThroughAnother() {
        Tenant other = store.tenants().create("other", null);
        ApiToken t = store.tenants().addToken(tenant.id(), Role.ADMIN, "a", "secret-a-0000000000000000");
        assertThatThrownBy(() -> store.tenants().revokeToken(other.id(), t.id())).isInstanceOf(NotFoundException.class);
        assertThat(store.tenants().tokens(other.id())).isEmpty();
        assertThatThrownBy(() -> store.tenants().addToken(999, Role.ADMIN, "x", "secret-x-000000000000000"))
                .isInstanceOf(NotFoundException.class);
    }
}
