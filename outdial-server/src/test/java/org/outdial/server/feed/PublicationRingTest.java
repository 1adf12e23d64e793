package org.outdial.server.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.outdial.agent.AgentState;
import org.outdial.engine.Command;

/** The engine thread's queue to the feeds: bounded, in order, lossless until full, safe for concurrent producers. */
class PublicationRingTest {

    private record Taken(long atMs, Command command) {}

    private static Command state(String agent, int n) {
        return new Command.PublishAgentState(agent, AgentState.READY, n);
    }

    private static List<Taken> drainAll(PublicationRing ring) {
        List<Taken> taken = new ArrayList<>();
        while (ring.drain((at, c) -> taken.add(new Taken(at, c)), 7) > 0) {
            // in small batches, as the hub does
        }
        return taken;
    }

    @Test
    void commandsAreHandedOverInOfferOrderWithTheirTimes() {
        PublicationRing ring = new PublicationRing(16);
        for (int i = 0; i < 10; i++) {
            assertThat(ring.offer(1_000L + i, state("a", i))).isTrue();
        }

        assertThat(ring.size()).isEqualTo(10);
        List<Taken> taken = drainAll(ring);
        assertThat(taken).hasSize(10);
        for (int i = 0; i < 10; i++) {
            assertThat(taken.get(i)).isEqualTo(new Taken(1_000L + i, state("a", i)));
        }
        assertThat(ring.size()).isZero();
    }

    @Test
    void aFullRingRefusesTheOfferAndKeepsWhatItHolds() {
        PublicationRing ring = new PublicationRing(4);
        for (int i = 0; i < 4; i++) {
            assertThat(ring.offer(i, state("a", i))).isTrue();
        }

        assertThat(ring.offer(4, state("a", 4))).isFalse();
        assertThat(drainAll(ring)).extracting(Taken::atMs).containsExactly(0L, 1L, 2L, 3L);
    }

    @Test
    void drainedSlotsAreReusedLapAfterLap() {
        PublicationRing ring = new PublicationRing(4);
        List<Long> seen = new ArrayList<>();
        for (long i = 0; i < 1_000; i++) {
            assertThat(ring.offer(i, state("a", 0))).isTrue();
            if (i % 3 == 2) {
                drainAll(ring).forEach(t -> seen.add(t.atMs()));
            }
        }
        drainAll(ring).forEach(t -> seen.add(t.atMs()));

        assertThat(seen).hasSize(1_000);
        for (int i = 0; i < seen.size(); i++) {
            assertThat(seen.get(i)).isEqualTo(i);
        }
    }

    @Test
    void theCapacityMustBeAPowerOfTwo() {
        assertThatThrownBy(() -> new PublicationRing(1_000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1000").hasMessageContaining("power of two");
    }

    /** Seeded: producers offer at random, the consumer drains at random batch sizes; nothing is lost or reordered. */
    @Test
    void concurrentProducersLoseNothingAcceptedAndKeepEachProducersOrder() throws Exception {
        long seed = new SplittableRandom().nextLong();
        SplittableRandom random = new SplittableRandom(seed);
        PublicationRing ring = new PublicationRing(64);
        int producers = 3;
        int perProducer = 20_000;
        long[] accepted = new long[producers];
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int id = p;
            long producerSeed = random.nextLong();
            threads.add(Thread.ofPlatform().start(() -> {
                SplittableRandom r = new SplittableRandom(producerSeed);
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < perProducer; i++) {
                    if (ring.offer(id, state("p" + id, i))) {
                        accepted[id]++;
                    }
                    if (r.nextInt(64) == 0) {
                        Thread.yield();
                    }
                }
            }));
        }
        int[] next = new int[producers];
        long[] received = new long[producers];
        List<String> errors = new ArrayList<>();
        PublicationRing.Sink check = (atMs, c) -> {
            int id = (int) atMs;
            int n = ((Command.PublishAgentState) c).reasonCode();
            if (!((Command.PublishAgentState) c).agentId().equals("p" + id) || n < next[id]) {
                errors.add("seed " + seed + ": producer " + id + " item " + n + " after " + next[id]);
            }
            next[id] = n + 1;
            received[id]++;
        };
        go.countDown();
        while (threads.stream().anyMatch(Thread::isAlive)) {
            ring.drain(check, 1 + random.nextInt(100));
        }
        for (Thread t : threads) {
            t.join();
        }
        while (ring.drain(check, 100) > 0) {
            // the rest
        }

        assertThat(errors).isEmpty();
        assertThat(received).as("seed %d", seed).containsExactly(accepted);
        assertThat(ring.size()).isZero();
    }
}
