package org.outdial.server.http;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.outdial.store.AttemptStore;
import org.outdial.store.CallingListStore;
import org.outdial.store.ConfigStore;
import org.outdial.store.DncStore;
import org.outdial.store.Store;
import org.outdial.store.TenantStore;
import org.outdial.tenant.ApiToken;
import org.outdial.tenant.Role;
import org.outdial.tenant.Tenant;

/**
 * A store with fixed tokens and nothing else, for tests of the HTTP adapter itself (errors, access, lifecycle). Tests
 * of the API's data use the real JDBC store.
 */
final class StubStore implements Store {

    final AtomicBoolean closed = new AtomicBoolean();
    private final Map<String, ApiToken> tokens;
    private final Supplier<String> describe;
    private Runnable onClose = () -> { };

    StubStore(Map<String, Role> tokensBySecret, Supplier<String> describe) {
        this.tokens = tokensBySecret.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                e -> new ApiToken(1, 1, e.getValue(), e.getKey() + "-label", Instant.EPOCH)));
        this.describe = describe;
    }

    StubStore onClose(Runnable action) {
        this.onClose = action;
        return this;
    }

    @Override
    public TenantStore tenants() {
        return new TenantStore() {
            @Override
            public Tenant create(String name, String ccid) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Tenant update(Tenant tenant) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Optional<Tenant> find(long id) {
                return Optional.of(new Tenant(id, "stub", null));
            }

            @Override
            public Optional<Tenant> findByName(String name) {
                return Optional.empty();
            }

            @Override
            public List<Tenant> all() {
                return List.of();
            }

            @Override
            public ApiToken addToken(long tenantId, Role role, String label, String secret) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Optional<ApiToken> findToken(String secret) {
                return Optional.ofNullable(tokens.get(secret));
            }

            @Override
            public List<ApiToken> tokens(long tenantId) {
                return List.copyOf(tokens.values());
            }

            @Override
            public void revokeToken(long tenantId, long tokenId) {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Override
    public CallingListStore lists() {
        return unsupportedExcept(CallingListStore.class, "releaseAll", 0);
    }

    @Override
    public DncStore dnc() {
        return unsupportedExcept(DncStore.class, null, null);
    }

    /** Every method throws except {@code method}, which answers {@code answer} (the server's start-up recovery). */
    private static <T> T unsupportedExcept(Class<T> type, String method, Object answer) {
        return type.cast(java.lang.reflect.Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, m, args) -> {
                    if (m.getName().equals(method)) {
                        return answer;
                    }
                    throw new UnsupportedOperationException("not in the stub");
                }));
    }

    @Override
    public ConfigStore config() {
        throw new UnsupportedOperationException("not in the stub");
    }

    @Override
    public AttemptStore attempts() {
        throw new UnsupportedOperationException("not in the stub");
    }

    final List<org.outdial.audit.AuditEntry> audit = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public org.outdial.store.AuditStore audit() {
        return new org.outdial.store.AuditStore() {
            @Override
            public org.outdial.audit.AuditEntry append(org.outdial.audit.AuditEntry entry) {
                audit.add(entry);
                return entry;
            }

            @Override
            public List<org.outdial.audit.AuditEntry> recent(long tenantId, String objectType, long beforeId, int limit) {
                return List.copyOf(audit);
            }
        };
    }

    @Override
    public org.outdial.store.StatusTargetStore statusTargets() {
        throw new UnsupportedOperationException("not in the stub");
    }

    @Override
    public String describe() {
        return describe.get();
    }

    @Override
    public void close() {
        onClose.run();
        closed.set(true);
    }
}
