package org.outdial.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.outdial.pacing.BusyAgents;
import org.outdial.pacing.LookAheadPacer;
import org.outdial.pacing.PacingView;

/**
 * Latency of one predictive pacing decision ({@link LookAheadPacer#decide}) for a large group: the pacer learned
 * 20,000 calls and dials, then decides round after round with every agent busy for a different time, a ReadyTime
 * hint on some, one in five in wrap-up (talk and wrap-up predicted apart), and about one dial in flight per agent,
 * as in a 10%-contact list. Time moves 200 ms a round and the
 * in-flight dials turn over, so the per-round caches are rebuilt as in the engine. Prints p50, p99 and max of
 * several runs, in wall time and in the thread's CPU time (which a loaded machine does not inflate).
 *
 * <p>Arguments: {@code [agents] [rounds] [runs]} (default 1000 20000 5).
 */
public final class PacingDecisionBenchmark {

    public static void main(String[] args) {
        int agents = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        for (int run = 0; run < runs; run++) {
            long[][] both = runOnce(agents, rounds, run);
            long[] ns = both[0];
            long[] cpu = both[1];
            Arrays.sort(ns);
            Arrays.sort(cpu);
            System.out.printf(Locale.ROOT, "run %d: %d agents, %d decisions: wall p50 %.3f ms, p99 %.3f ms, max %.3f ms;"
                            + " thread CPU p50 %.3f ms, p99 %.3f ms%n", run + 1, agents, rounds, ns[ns.length / 2] / 1e6,
                    ns[(int) (ns.length * 0.99)] / 1e6, ns[ns.length - 1] / 1e6, cpu[cpu.length / 2] / 1e6,
                    cpu[(int) (cpu.length * 0.99)] / 1e6);
        }
    }

    private static long[][] runOnce(int agents, int rounds, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        LookAheadPacer pacer = new LookAheadPacer(2_000, 24_000, 150_000);
        long now = 10_000_000;
        long id = 0;
        for (int i = 0; i < 20_000; i++) {
            long talk = (long) (5_000 + rnd.nextExponential() * 115_000);
            long wrap = (long) (1_000 + rnd.nextExponential() * 29_000);
            pacer.onTalkCompleted(talk);
            pacer.onWrapCompleted(wrap);
            pacer.onHandleCompleted(talk + wrap);
            long placed = now - 60_000;
            pacer.onDialPlaced(++id, placed, 0);
            if (rnd.nextDouble() < 0.1) {
                pacer.onPresented(id, placed + 9_000);
            } else {
                pacer.onDialEnded(id, placed + 1_000 + rnd.nextLong(23_000));
            }
        }
        long[] since = new long[agents];
        long[] hint = new long[agents];
        long[] wrapSince = new long[agents];
        for (int i = 0; i < agents; i++) {
            since[i] = now - rnd.nextLong(600_000);
            // one agent in five is in wrap-up, for up to 30 s
            wrapSince[i] = i % 5 == 1 ? now - rnd.nextLong(Math.min(30_000, now - since[i])) : Long.MIN_VALUE;
            hint[i] = i % 10 == 0 ? now + rnd.nextLong(30_000) : Long.MIN_VALUE;
        }
        BusyAgents busy = new BusyAgents() {
            @Override
            public int size() {
                return agents;
            }

            @Override
            public long busySinceMs(int i) {
                return since[i];
            }

            @Override
            public long readyHintAtMs(int i) {
                return hint[i];
            }

            @Override
            public long wrapSinceMs(int i) {
                return wrapSince[i];
            }
        };
        long[] inFlight = new long[agents];
        for (int j = 0; j < agents; j++) {
            inFlight[j] = ++id;
            pacer.onDialPlaced(id, now - rnd.nextLong(24_000), 0);
        }
        long[] ns = new long[rounds];
        long[] cpu = new long[rounds];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int r = 0; r < rounds; r++) {
            now += 200;
            // turn over a few dials and agents, as a busy group does every 200 ms
            for (int k = 0; k < 3; k++) {
                int j = rnd.nextInt(agents);
                pacer.onDialEnded(inFlight[j], now);
                inFlight[j] = ++id;
                pacer.onDialPlaced(id, now, 0.01);
                int a = rnd.nextInt(agents);
                since[a] = now;
                wrapSince[a] = Long.MIN_VALUE;
            }
            PacingView view = new PacingView(now, 0, agents, 0, agents, 200, 0.05, busy);
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            int dials = pacer.decide(view).dials();
            ns[r] = System.nanoTime() - t0;
            cpu[r] = threads.getCurrentThreadCpuTime() - c0;
            if (dials < 0) {
                throw new AssertionError();
            }
        }
        return new long[][] {ns, cpu};
    }

    private PacingDecisionBenchmark() {}
}
