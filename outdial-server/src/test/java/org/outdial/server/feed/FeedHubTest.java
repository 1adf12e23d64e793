package org.outdial.server.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.outdial.agent.AgentState;
import org.outdial.engine.Command;

/** The hub between the engine thread and the feeds: publishing never waits, a full hub drops and counts. */
class FeedHubTest {

    private final FeedMetrics metrics = new FeedMetrics(new SimpleMeterRegistry());

    private static Command state(int n) {
        return new Command.PublishAgentState("a1", AgentState.READY, n);
    }

    @Test
    void aFullHubDropsNewPublicationsAndCountsThem() {
        FeedHub hub = new FeedHub(FeedDirectory.GroupInfo::unknown, metrics, 2); // not started: nothing drains it

        for (int i = 0; i < 5; i++) {
            hub.publish(i, state(i));
        }

        assertThat(hub.backlog()).isEqualTo(2);
        assertThat(hub.dropped()).isEqualTo(3);
        assertThat(metrics.count("outdial.feed.dropped", "hub")).isEqualTo(3);
    }

    @Test
    void timersClaimsAndRefusalsAreNotHandedToTheFeeds() {
        FeedHub hub = new FeedHub(FeedDirectory.GroupInfo::unknown, metrics, 2);

        hub.publish(0, new Command.ScheduleTimer(1, 5));
        hub.publish(0, new Command.CancelTimer(1));
        hub.publish(0, new Command.ClaimRecords(1, 2, 3, 4));
        hub.publish(0, new Command.ReleaseRecords(2, 3, List.of(4L)));
        hub.publish(0, new Command.Rejected("x", "y"));

        assertThat(hub.backlog()).isZero();
        assertThat(hub.dropped()).isZero();
    }

    @Test
    void aListenerThatIsStuckNeverBlocksPublishing() throws Exception {
        FeedHub hub = new FeedHub(FeedDirectory.GroupInfo::unknown, metrics, 16);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch entered = new CountDownLatch(1);
        List<Long> seen = new CopyOnWriteArrayList<>();
        hub.add(new FeedListener() {
            @Override
            public void command(long atMs, Command command) {
                seen.add(atMs);
                entered.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        hub.start();
        hub.publish(0, state(0));
        entered.await();

        for (int i = 1; i <= 100; i++) {
            hub.publish(i, state(i)); // returns at once although the hub thread is stuck: 16 held, the rest dropped
        }

        assertThat(hub.backlog()).isEqualTo(16);
        assertThat(hub.dropped()).isEqualTo(84);
        release.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() == 17);
        assertThat(seen).startsWith(0L, 1L, 2L).endsWith(16L);
        hub.close();
    }
}
