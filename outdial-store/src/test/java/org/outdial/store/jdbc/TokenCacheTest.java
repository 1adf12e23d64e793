package org.outdial.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.outdial.tenant.ApiToken;
import org.outdial.tenant.Role;

class TokenCacheTest {

    private final AtomicLong now = new AtomicLong();
    private final TokenCache cache = new TokenCache(now::get);
    private final AtomicInteger loads = new AtomicInteger();
    private Optional<ApiToken> stored = Optional.of(new ApiToken(1, 1, Role.ADMIN, "alice", Instant.EPOCH));
    private final Function<String, Optional<ApiToken>> load = d -> {
        loads.incrementAndGet();
        return stored;
    };

    @Test
    void aValidTokenIsLoadedOnceWithinItsTimeToLive() {
        cache.find("d", load);
        now.addAndGet(TokenCache.TTL_NANOS - 1);
        assertThat(cache.find("d", load)).isPresent();

        assertThat(loads).hasValue(1);
    }

    @Test
    void aTokenIsLoadedAgainAfterItsTimeToLive() {
        cache.find("d", load);
        stored = Optional.empty();
        now.addAndGet(TokenCache.TTL_NANOS);

        assertThat(cache.find("d", load)).isEmpty();
        assertThat(loads).hasValue(2);
    }

    @Test
    void anUnknownTokenIsNeverKept() {
        stored = Optional.empty();
        cache.find("d", load);
        stored = Optional.of(new ApiToken(2, 1, Role.READ_ONLY, "new", Instant.EPOCH));

        assertThat(cache.find("d", load)).isPresent();
    }

    @Test
    void invalidatingForgetsEveryToken() {
        cache.find("d", load);
        cache.invalidateAll();
        stored = Optional.empty();

        assertThat(cache.find("d", load)).isEmpty();
    }

    @Test
    void theCacheStaysBounded() {
        for (int i = 0; i <= TokenCache.MAX_ENTRIES; i++) {
            cache.find("d" + i, load);
        }
        loads.set(0);
        cache.find("d" + TokenCache.MAX_ENTRIES, load);
        cache.find("d0", load);

        assertThat(loads).as("the newest entry kept, the older ones dropped when full").hasValue(1);
    }
}
