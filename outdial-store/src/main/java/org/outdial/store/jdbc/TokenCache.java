package org.outdial.store.jdbc;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.outdial.tenant.ApiToken;

/**
 * Valid API tokens by digest, kept a short while so that every API request need not query the database for its
 * token. Bounded (cleared when full: tokens are few, a flood of distinct ones is not worth keeping); unknown and revoked
 * tokens are never kept, so a new token works at once; a revocation in this process clears it, one made by another
 * process takes effect within the time to live.
 */
final class TokenCache {

    static final long TTL_NANOS = 2_000_000_000L;
    static final int MAX_ENTRIES = 4_096;

    private record Entry(ApiToken token, long expiresAtNanos) {}

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    TokenCache(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    Optional<ApiToken> find(String digest, Function<String, Optional<ApiToken>> load) {
        long now = nanoTime.getAsLong();
        Entry e = entries.get(digest);
        if (e != null && now - e.expiresAtNanos() < 0) {
            return Optional.of(e.token());
        }
        Optional<ApiToken> token = load.apply(digest);
        if (token.isPresent()) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(digest, new Entry(token.get(), now + TTL_NANOS));
        } else if (e != null) {
            entries.remove(digest);
        }
        return token;
    }

    void invalidateAll() {
        entries.clear();
    }
}
