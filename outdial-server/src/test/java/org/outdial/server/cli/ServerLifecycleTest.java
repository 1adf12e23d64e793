package org.outdial.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServerLifecycleTest {

    @Test
    void runningForeverDoesNotOverflow() {
        assertThat(ServerLifecycle.cappedNanos(Duration.ofDays(365_000))).isEqualTo(Long.MAX_VALUE / 4);
    }

    @Test
    void aShortRunIsKeptExactly() {
        assertThat(ServerLifecycle.cappedNanos(Duration.ofSeconds(3))).isEqualTo(3_000_000_000L);
    }
}
