package org.outdial.bench;

import io.javalin.Javalin;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ObjLongConsumer;
import org.outdial.engine.Command;
import org.outdial.server.feed.AttemptHistory;
import org.outdial.server.feed.FeedDirectory;
import org.outdial.server.feed.FeedHub;
import org.outdial.server.feed.FeedMetrics;
import org.outdial.server.feed.cti.CtiEndpoint;
import org.outdial.server.feed.cti.CtiStream;
import org.outdial.server.feed.oz.OutcomeServer;
import org.outdial.server.feed.status.StatusNotifier;
import org.outdial.sim.ObservedSimulation;
import org.outdial.stats.GroupStatsView;
import org.outdial.store.Store;
import org.outdial.store.jdbc.TestDatabases;
import org.outdial.tenant.Role;

/**
 * The engine's throughput with every feed on versus none: the same virtual-time simulation (the real engine, one
 * scenario, seed 1) run alternately with no observer and with every command published to a {@link FeedHub} feeding
 * the outcome server (10 TCP subscribers), the CTI stream (100 WebSocket subscribers), the call-attempt history (H2)
 * and the status notifier (an HTTP receiver). The subscribers and the receiver run in a JVM of their own
 * ({@link FeedsSubscribers}), so what they spend decoding is not charged to this one.
 *
 * <p>Per run: the engine thread's throughput (events the engine handled per CPU second of the thread that runs it —
 * the simulation runs on one thread) and the wall time; after each feeds-on run, what each feed sent, dropped and
 * failed and what the subscribers received. A warm-up round (one run of each) is not counted; then {@code runs}
 * rounds, off and on alternating; medians and their ratios.
 *
 * <p>Read the wall time with care: the simulation produces hours of a dialer's events in well under a second, and on
 * a machine with few cores the feeds' own threads, which then run flat out, take cores from the engine thread. No
 * real dialer produces events at that rate; the engine-thread CPU figure is the cost the feeds add per event.
 * {@code pinned} (Linux, {@code taskset}, at least 2 CPUs) gives the engine thread CPU 0 to itself while it runs and
 * puts every other thread of both JVMs on the other CPUs, as a server that keeps a core for the engine would: then the
 * wall time shows what the feeds cost the engine rather than how the scheduler shares two cores.
 */
final class FeedsEngineBenchmark {

    private static final int OZ_SUBSCRIBERS = 10;
    private static final int CTI_SUBSCRIBERS = 100;
    private static final String TOKEN = "bench-token";

    private FeedsEngineBenchmark() {}

    /**
     * @param preempted times the engine thread was switched out while it could have run on (-1 = not known)
     * @param gcPauseS  stop-the-world collection time of the JVM during the run (the engine thread stands still too)
     */
    private record Run(long events, double wallS, double cpuS, long preempted, double gcPauseS) {
        double cpuRate() {
            return events / cpuS;
        }

        double wallRate() {
            return events / wallS;
        }
    }

    /** Null, or the CPUs every thread but the engine thread's runs uses ({@code pinned}). */
    private static String others;

    static void run(Path file, String scenario, int runs, boolean pinned, FeedDirectory directory) throws Exception {
        System.out.printf(Locale.ROOT, "load average at start: %s%n", loadAverage());
        if (pinned) {
            int cpus = Runtime.getRuntime().availableProcessors();
            if (cpus < 2) {
                throw new IllegalStateException("pinned needs at least 2 CPUs, this machine has " + cpus);
            }
            others = cpus == 2 ? "1" : "1-" + (cpus - 1);
            taskset("-a", "-p", "-c", others, Long.toString(ProcessHandle.current().pid()));
            System.out.printf(Locale.ROOT, "pinned: the engine thread runs on CPU 0 alone, every other thread on %s%n",
                    others);
        }
        timed(file, scenario, (c, t) -> { }); // warm-up of the engine alone
        Path dir = Files.createTempDirectory("feeds-bench");
        List<Run> off = new ArrayList<>();
        List<Run> on = new ArrayList<>();
        try (Store store = TestDatabases.open(TestDatabases.Kind.H2, dir);
             SubscriberProcess subscribers = SubscriberProcess.start()) {
            long tenant = store.tenants().create("bench", null).id();
            store.tenants().addToken(tenant, Role.READ_ONLY, "bench", TOKEN);
            for (int r = 0; r <= runs; r++) {
                String label = r == 0 ? "warm-up" : "run " + r;
                Run o = timed(file, scenario, (c, t) -> { });
                Run f = withFeeds(file, scenario, store, subscribers, directory, label);
                System.out.printf(Locale.ROOT, "%s: %,d engine events; feeds off: wall %.3f s, engine thread CPU %.3f s "
                        + "(%,.0f events/CPU-s, preempted %,d times, GC pauses %.3f s); on: wall %.3f s, engine thread "
                        + "CPU %.3f s (%,.0f events/CPU-s, preempted %,d times, GC pauses %.3f s)%n", label, o.events,
                        o.wallS, o.cpuS, o.cpuRate(), o.preempted, o.gcPauseS, f.wallS, f.cpuS, f.cpuRate(),
                        f.preempted, f.gcPauseS);
                if (r > 0) {
                    off.add(o);
                    on.add(f);
                }
            }
        }
        double offCpu = Stats.median(off.stream().mapToDouble(Run::cpuRate).toArray());
        double onCpu = Stats.median(on.stream().mapToDouble(Run::cpuRate).toArray());
        double offWall = Stats.median(off.stream().mapToDouble(Run::wallS).toArray());
        double onWall = Stats.median(on.stream().mapToDouble(Run::wallS).toArray());
        System.out.printf(Locale.ROOT, "load average at end: %s%n", loadAverage());
        System.out.printf(Locale.ROOT, "RESULT engine %s: engine-thread throughput, median of %d: feeds off %,.0f, on "
                + "%,.0f events per CPU second; on/off = %.3f (%.1f%% %s)%n", scenario, runs, offCpu, onCpu,
                onCpu / offCpu, Math.abs(1 - onCpu / offCpu) * 100, onCpu < offCpu ? "slower" : "faster");
        System.out.printf(Locale.ROOT, "RESULT engine %s: wall time, median of %d: feeds off %.3f s, on %.3f s; on/off "
                + "= %.3f (%,.0f vs %,.0f events per wall second)%n", scenario, runs, offWall, onWall,
                onWall / offWall, off.getFirst().events / offWall, on.getFirst().events / onWall);
    }

    /** One simulation run with every feed on and every subscriber connected; then reports what each feed did. */
    private static Run withFeeds(Path file, String scenario, Store store, SubscriberProcess subscribers,
                                 FeedDirectory directory, String label) throws Exception {
        FeedMetrics metrics = new FeedMetrics(new SimpleMeterRegistry());
        FeedHub hub = new FeedHub(directory, metrics, FeedHub.DEFAULT_CAPACITY);
        OutcomeServer outcomes = OutcomeServer.start("127.0.0.1", 0, 100_000, metrics);
        hub.add(outcomes);
        CtiStream stream = new CtiStream(directory, metrics, e -> { }, System::currentTimeMillis, 1);
        hub.add(stream);
        AttemptHistory history = new AttemptHistory(store::attempts, metrics);
        hub.add(history);
        URI statusUri = URI.create("http://127.0.0.1:" + subscribers.statusPort + "/status");
        StatusNotifier status = new StatusNotifier(directory, g -> List.of(statusUri), new StatusNotifier.StatsSource() {
            @Override
            public GroupStatsView group(long groupId) {
                return GroupStatsView.EMPTY;
            }

            @Override
            public Map<Long, GroupStatsView> lists(long groupId) {
                return Map.of();
            }
        }, metrics, System::currentTimeMillis, 1_000, 2_000, 1);
        hub.add(status);
        hub.start();
        CtiEndpoint endpoint = new CtiEndpoint(stream, store.tenants(), metrics, 200_000);
        Javalin javalin = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.jetty.host = "127.0.0.1";
            cfg.jetty.port = 0;
            endpoint.register(cfg.routes);
        }).start();
        try {
            subscribers.connect(outcomes.port(), javalin.port());
            while (stream.subscribers() < CTI_SUBSCRIBERS || outcomes.clients() < OZ_SUBSCRIBERS) {
                Thread.sleep(10);
            }
            Run run = timed(file, scenario, (c, t) -> hub.publish(t, c));
            while (hub.backlog() > 0) {
                Thread.sleep(10);
            }
            waitQuiet(metrics);
            long[] received = subscribers.counts();
            System.out.printf(Locale.ROOT, "%s feeds: hub dropped %,.0f of its %,d slots; OZ sent %,.0f dropped %,.0f "
                    + "(received %,d by %d subscribers); CTI sent %,.0f dropped %,.0f (received %,d by %d); history "
                    + "written %,.0f dropped %,.0f failed %,.0f; status posts sent %,.0f dropped %,.0f failed %,.0f "
                    + "(received %,d)%n", label, metrics.count("outdial.feed.dropped", "hub"), hub.capacity(),
                    metrics.count("outdial.feed.sent", "outcome"), metrics.count("outdial.feed.dropped", "outcome"),
                    received[0], OZ_SUBSCRIBERS, metrics.count("outdial.feed.sent", "cti"),
                    metrics.count("outdial.feed.dropped", "cti"), received[1], CTI_SUBSCRIBERS,
                    metrics.count("outdial.feed.sent", "history"), metrics.count("outdial.feed.dropped", "history"),
                    metrics.count("outdial.feed.failed", "history"), metrics.count("outdial.feed.sent", "status"),
                    metrics.count("outdial.feed.dropped", "status"), metrics.count("outdial.feed.failed", "status"),
                    received[2]);
            return run;
        } finally {
            subscribers.disconnect();
            javalin.stop();
            hub.close();
            history.close();
            status.close();
            outcomes.close();
        }
    }

    /** Until nothing more is sent on any feed for 2 s (at most 120 s). */
    private static void waitQuiet(FeedMetrics metrics) throws InterruptedException {
        double last = -1;
        long quietSince = System.nanoTime();
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            Thread.sleep(50);
            double now = 0;
            for (String feed : List.of("cti", "outcome", "history", "status")) {
                now += metrics.count("outdial.feed.sent", feed) + metrics.count("outdial.feed.failed", feed);
            }
            if (now != last) {
                last = now;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > 2_000_000_000L) {
                return;
            }
        }
    }

    /** One simulation run on this thread: events the engine handled, wall seconds, CPU seconds of this thread. */
    private static Run timed(Path file, String scenario, ObjLongConsumer<Command> observer) {
        if (others != null) {
            taskset("-p", "-c", "0", thisThread());
        }
        try {
            return measured(file, scenario, observer);
        } finally {
            if (others != null) {
                taskset("-p", "-c", others, thisThread());
            }
        }
    }

    private static Run measured(Path file, String scenario, ObjLongConsumer<Command> observer) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long cpu = mx.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long preempted = preemptions();
        long gcMs = gcPauseMs();
        long events = ObservedSimulation.run(file, scenario, "predictive", 1, observer);
        long wallNs = System.nanoTime() - start;
        double cpuS = (mx.getCurrentThreadCpuTime() - cpu) / 1e9;
        long after = preemptions();
        return new Run(events, wallNs / 1e9, cpuS, preempted < 0 || after < 0 ? -1 : after - preempted,
                (gcPauseMs() - gcMs) / 1e3);
    }

    /** Pause time of the collectors so far (G1's concurrent cycles, which stop nobody, left out). */
    private static long gcPauseMs() {
        long ms = 0;
        for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (!gc.getName().contains("Concurrent")) {
                ms += Math.max(0, gc.getCollectionTime());
            }
        }
        return ms;
    }

    /**
     * This thread's involuntary context switches so far (Linux), -1 elsewhere: every one costs the engine thread
     * cache refills, CPU time it spends although no feed code runs on it.
     */
    private static long preemptions() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/thread-self/status"))) {
                if (line.startsWith("nonvoluntary_ctxt_switches:")) {
                    return Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }

    /** This thread's Linux task id. */
    private static String thisThread() {
        try {
            return Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
        } catch (IOException e) {
            throw new IllegalStateException("pinned needs Linux (/proc/thread-self): " + e, e);
        }
    }

    private static void taskset(String... args) {
        List<String> command = new ArrayList<>(List.of("taskset"));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out.trim());
            }
        } catch (IOException e) {
            throw new IllegalStateException("pinned needs taskset (util-linux): " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The {@link FeedsSubscribers} JVM, driven over its standard input and output. */
    private static final class SubscriberProcess implements AutoCloseable {

        private final Process process;
        private final PrintWriter commands;
        private final BufferedReader answers;
        final int statusPort;

        private SubscriberProcess(Process process) throws IOException {
            this.process = process;
            this.commands = new PrintWriter(process.outputWriter(StandardCharsets.UTF_8), true);
            this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            this.statusPort = Integer.parseInt(expect("status-port").split(" ")[1]);
        }

        static SubscriberProcess start() throws IOException {
            List<String> command = new ArrayList<>();
            if (others != null) {
                command.addAll(List.of("taskset", "-c", others));
            }
            command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                    "-cp", System.getProperty("java.class.path"), FeedsSubscribers.class.getName()));
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            return new SubscriberProcess(p);
        }

        void connect(int ozPort, int ctiPort) throws IOException {
            commands.println("connect " + ozPort + " " + ctiPort + " " + TOKEN + " " + OZ_SUBSCRIBERS + " "
                    + CTI_SUBSCRIBERS);
            expect("connected");
        }

        /** OZ messages, CTI events, status posts received since the last close. */
        long[] counts() throws IOException {
            commands.println("count");
            String[] w = expect("counts").split(" ");
            return new long[] {Long.parseLong(w[1]), Long.parseLong(w[2]), Long.parseLong(w[3])};
        }

        /** Disconnects every subscriber and resets the counts. */
        void disconnect() throws IOException {
            commands.println("close");
            expect("closed");
        }

        private String expect(String word) throws IOException {
            String line;
            while ((line = answers.readLine()) != null) {
                if (line.startsWith(word)) {
                    return line;
                }
            }
            throw new IOException("subscriber process ended before answering '" + word + "' (exit "
                    + (process.isAlive() ? "?" : process.exitValue()) + ")");
        }

        /** Ends the process: its input closes, then it is killed if it lingers. */
        @Override
        public void close() throws InterruptedException {
            commands.close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
