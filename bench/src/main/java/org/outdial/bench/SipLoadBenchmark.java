package org.outdial.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.outdial.engine.Command;
import org.outdial.engine.Event;
import org.outdial.sip.AgentPhones;
import org.outdial.sip.Registrations;
import org.outdial.sip.SipSwitch;
import org.outdial.sip.SipSwitchConfig;
import org.outdial.sip.Sipp;
import org.outdial.sip.Trunk;

/**
 * Load on the SIP switch adapter against sipp: one sipp plays the customer network (answers, accepts the bridging
 * re-INVITE, waits for the BYE), one plays every agent's phone (answers with an offer, checks the relayed answer,
 * hangs up after the hold time). The driver dials at a fixed rate for a while and connects every answer at once, as
 * the engine would with free agents.
 *
 * <p>Reports per run: the attempt rate reached, peak concurrent bridged calls, dialogs lost (dials that never ended
 * with a release or failure, calls still held by the adapter, sipp calls failed or still open), and heap per
 * concurrent call (heap after GC at the plateau minus before, over the calls up). Medians over the runs.
 *
 * <p>Usage: {@code bench/run sip [callsPerSecond] [seconds] [holdMs] [runs] [udp|tcp]} (default 100 20 12000 3 udp);
 * with tcp both the trunk and the agents' phones are reached over TCP (no retransmissions).
 */
public final class SipLoadBenchmark {

    private SipLoadBenchmark() {}

    record Result(double attemptsPerSecond, long peakBridged, long lost, double heapKbPerCall, int sippCustomerExit,
                  int sippAgentExit, long failed) {}

    public static void main(String[] args) throws Exception {
        int cps = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int holdMs = args.length > 2 ? Integer.parseInt(args[2]) : 12_000;
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        boolean tcp = args.length > 4 && args[4].equalsIgnoreCase("tcp");
        System.out.printf("SIP load over %s: %d calls/s for %d s, agents hold %d ms, %d runs, %d cores, "
                        + "heap max %d MB%n", tcp ? "TCP" : "UDP", cps, seconds, holdMs, runs, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        double[] rate = new double[runs];
        double[] peak = new double[runs];
        double[] lost = new double[runs];
        double[] kb = new double[runs];
        for (int i = 0; i < runs; i++) {
            Result r = run(cps, seconds, holdMs, tcp);
            System.out.printf("run %d: %.1f attempts/s, peak %d concurrent bridged calls, %d lost, %d failed, "
                            + "%.1f KB heap per call, sipp exit customer=%d agent=%d%n", i + 1, r.attemptsPerSecond(),
                    r.peakBridged(), r.lost(), r.failed(), r.heapKbPerCall(), r.sippCustomerExit(),
                    r.sippAgentExit());
            rate[i] = r.attemptsPerSecond();
            peak[i] = r.peakBridged();
            lost[i] = r.lost();
            kb[i] = r.heapKbPerCall();
        }
        System.out.printf("median: %.1f attempts/s, %.0f concurrent bridged calls, %.0f lost dialogs, %.1f KB heap "
                + "per concurrent call%n", Stats.median(rate), Stats.median(peak), Stats.median(lost), Stats.median(kb));
    }

    static Result run(int cps, int seconds, int holdMs, boolean tcp) throws Exception {
        Path dir = Files.createTempDirectory("sip-bench");
        int total = cps * seconds;
        int switchPort = Sipp.freePort();
        String outdial = "127.0.0.1:" + switchPort;
        List<String> load = new java.util.ArrayList<>(List.of("-m", Integer.toString(total),
                "-timeout", Integer.toString(seconds * 3 + 60) + "s", "-max_recv_loops", "10000",
                "-buff_size", Integer.toString(8 << 20)));
        if (tcp) {
            load.addAll(List.of("-t", "t1"));
        }
        try (Sipp customer = Sipp.load("customer-bridge", Map.of("callerId", "18005550100", "ringMs", "100",
                "outdial", outdial), dir, load);
             Sipp agent = Sipp.load("agent-answer", Map.of("talkMs", Integer.toString(holdMs), "outdial", outdial),
                     dir, load)) {
            AgentPhones phones = new AgentPhones(Map.of("p", "sip:agent@127.0.0.1:" + agent.port
                    + (tcp ? ";transport=tcp" : "")), Map.of(),
                    new Registrations(System::currentTimeMillis, 10));
            SipSwitchConfig config = SipSwitchConfig.of("127.0.0.1", switchPort,
                    List.of(tcp ? tcpTrunk(customer.port) : Trunk.udp("load", "127.0.0.1", customer.port)
                            .withLimits(10_000, 100_000)), phones)
                    .withTimers(5_000, 6_000, 15_000, 8_000, 4_000);
            AtomicLong released = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            AtomicLong dropped = new AtomicLong();
            try (SipSwitch sip = SipSwitch.start(config, System::currentTimeMillis)) {
                sip.start(e -> {
                    switch (e) {
                        case Event.CallAnswered a -> sip.connect(new Command.ConnectToAgent(a.callId(), "a", "p"));
                        case Event.CallReleased r -> released.incrementAndGet();
                        case Event.CallFailed f -> failed.incrementAndGet();
                        case Event.CallDropped d -> dropped.incrementAndGet();
                        default -> { }
                    }
                });
                System.gc();
                long heapBefore = usedHeap();
                long start = System.nanoTime();
                long intervalNanos = 1_000_000_000L / cps;
                long peakBridged = 0;
                long heapAtPlateau = 0;
                long callsAtPlateau = 0;
                for (int i = 0; i < total; i++) {
                    long due = start + i * intervalNanos;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    sip.dial(new Command.Dial(i + 1, UUID.randomUUID(), 1, i + 1, "5550" + (1000 + i % 9000),
                            "18005550100", 30_000, false, null));
                    if (i % cps == 0) {
                        long up = sip.metrics().bridged() - released.get();
                        peakBridged = Math.max(peakBridged, up);
                    }
                }
                double elapsedS = (System.nanoTime() - start) / 1e9;
                double attemptsPerSecond = total / elapsedS;
                // plateau: all dials placed, the first agents only now start hanging up when holdMs > seconds
                long plateauDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
                while (System.nanoTime() < plateauDeadline) {
                    peakBridged = Math.max(peakBridged, sip.metrics().bridged() - released.get());
                    Thread.sleep(50);
                }
                System.gc();
                heapAtPlateau = usedHeap();
                callsAtPlateau = Math.max(1, sip.activeCalls());
                long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(holdMs + 30_000L);
                while (released.get() + failed.get() + dropped.get() < total && System.nanoTime() < end) {
                    peakBridged = Math.max(peakBridged, sip.metrics().bridged() - released.get());
                    Thread.sleep(100);
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (sip.activeCalls() > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                int customerExit = exitOf(customer);
                int agentExit = exitOf(agent);
                long ended = released.get() + failed.get() + dropped.get();
                long lost = (total - ended) + sip.activeCalls() + sip.boundLegs();
                if (customerExit != 0 || agentExit != 0) {
                    System.out.println("sipp reported failed calls; logs under " + dir + " (*.err, *.out)");
                }
                return new Result(attemptsPerSecond, peakBridged, lost,
                        (heapAtPlateau - heapBefore) / 1024.0 / callsAtPlateau, customerExit, agentExit,
                        failed.get() + dropped.get());
            }
        }
    }

    private static Trunk tcpTrunk(int port) {
        Trunk t = Trunk.udp("load", "127.0.0.1", port);
        return t.withTransport(Trunk.Transport.TCP).withLimits(10_000, 100_000);
    }

    /** sipp's exit code, or -1 when it did not finish (its log names the calls it still holds). */
    private static int exitOf(Sipp sipp) {
        try {
            return sipp.awaitExit(Duration.ofSeconds(40));
        } catch (AssertionError e) {
            return -1;
        }
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
