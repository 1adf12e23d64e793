package org.outdial.bench;

import io.javalin.Javalin;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import org.outdial.campaign.OptimizationMethod;
import org.outdial.engine.Command;
import org.outdial.server.feed.FeedDirectory;
import org.outdial.server.feed.FeedHub;
import org.outdial.server.feed.FeedMetrics;
import org.outdial.server.feed.cti.CtiEndpoint;
import org.outdial.server.feed.cti.CtiStream;
import org.outdial.server.feed.oz.OutcomeServer;
import org.outdial.sim.ObservedSimulation;
import org.outdial.store.Store;
import org.outdial.store.jdbc.TestDatabases;
import org.outdial.tenant.Role;

/**
 * Throughput of the feeds, fed by a virtual-time simulation of the real engine.
 *
 * <ul>
 *   <li>{@code oz}: the engine's commands of one scenario are recorded, then replayed into the feed hub as fast as it
 *       takes them; 10 TCP clients subscribed with EO receive the OZ messages. Reports OZ messages/s delivered (all
 *       clients together) from the first publication to the last message received.</li>
 *   <li>{@code cti}: the same replay into the CTI stream with 100 WebSocket subscribers on a real Javalin server.</li>
 *   <li>{@code engine}: the engine's throughput with every feed on versus none, the subscribers in a JVM of their
 *       own: see {@link FeedsEngineBenchmark}.</li>
 * </ul>
 *
 * <p>Arguments: {@code oz|cti|engine [scenario-id] [runs] [cti: first N commands only | engine: pinned]}; scenarios from {@code ../shared/bench/scenarios.json} or
 * {@code $SCENARIOS}.
 */
public final class FeedsBenchmark {

    private static final FeedDirectory.GroupInfo GROUP = new FeedDirectory.GroupInfo(1, 1, "bench", "cc", "sim",
            "agents", 1, "simulation", null, "", OptimizationMethod.OVERDIAL_RATE, 3, Map.of(1L, "simulated"));
    private static final FeedDirectory DIRECTORY = id -> GROUP;

    public static void main(String[] args) throws Exception {
        String what = args.length > 0 ? args[0] : "oz";
        String scenario = args.length > 1 ? args[1] : "S4_N10_hit40_short";
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path file = Path.of(System.getenv().getOrDefault("SCENARIOS", "../shared/bench/scenarios.json"));
        switch (what) {
            case "oz" -> oz(record(file, scenario), runs);
            case "cti" -> {
                List<Stamped> all = record(file, scenario);
                int limit = args.length > 3 ? Math.min(all.size(), Integer.parseInt(args[3])) : all.size();
                cti(all.subList(0, limit), runs);
            }
            case "engine" -> FeedsEngineBenchmark.run(file, scenario, runs, args.length > 3 && args[3].equals("pinned"),
                    DIRECTORY);
            default -> throw new IllegalArgumentException("oz, cti or engine, not " + what);
        }
        System.exit(0);
    }

    private record Stamped(long atMs, Command command) {}

    private static List<Stamped> record(Path file, String scenario) {
        List<Stamped> commands = new ArrayList<>();
        long start = System.nanoTime();
        long events = ObservedSimulation.run(file, scenario, "predictive", 1, (c, at) -> {
            if (!(c instanceof Command.ScheduleTimer || c instanceof Command.CancelTimer
                    || c instanceof Command.ClaimRecords || c instanceof Command.ReleaseRecords)) {
                commands.add(new Stamped(at, c));
            }
        });
        long outcomes = commands.stream().filter(s -> s.command instanceof Command.PublishOutcome).count();
        System.out.printf(Locale.ROOT, "recorded %s: %,d engine events, %,d feed commands, %,d outcomes in %.1f s%n",
                scenario, events, commands.size(), outcomes, (System.nanoTime() - start) / 1e9);
        return commands;
    }

    /** Publishes like the engine would, but waits while the hub's queue is nearly full (a replay must lose nothing). */
    private static void replay(List<Stamped> commands, FeedHub hub) {
        for (Stamped s : commands) {
            while (hub.backlog() > FeedHub.DEFAULT_CAPACITY - 1_024) {
                Thread.onSpinWait();
            }
            hub.publish(s.atMs, s.command);
        }
    }

    private static final class Counter {
        final AtomicLong received = new AtomicLong();
        volatile long lastNs;

        void add(long n) {
            received.addAndGet(n);
            lastNs = System.nanoTime();
        }
    }

    private static void oz(List<Stamped> commands, int runs) throws Exception {
        double[] rates = new double[runs];
        for (int r = 0; r < runs; r++) {
            FeedMetrics metrics = new FeedMetrics(new SimpleMeterRegistry());
            FeedHub hub = new FeedHub(DIRECTORY, metrics, FeedHub.DEFAULT_CAPACITY);
            OutcomeServer server = OutcomeServer.start("127.0.0.1", 0, 1_000_000, metrics);
            hub.add(server);
            hub.start();
            Counter counter = new Counter();
            List<Socket> clients = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                Socket s = new Socket("127.0.0.1", server.port());
                clients.add(s);
                OutputStream out = s.getOutputStream();
                out.write("EO\\TXbench\\FO\\SO\0ZZ\0".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = s.getInputStream();
                while (in.read() > 0) {
                    // the ER answering ZZ: subscribed
                }
                Thread.ofVirtual().start(() -> count(in, counter));
            }
            long expected = 10 * commands.stream().filter(s -> s.command instanceof Command.PublishOutcome).count();
            long start = System.nanoTime();
            replay(commands, hub);
            waitFor(counter, expected);
            double seconds = (counter.lastNs - start) / 1e9;
            rates[r] = counter.received.get() / seconds;
            System.out.printf(Locale.ROOT, "run %d: %,d OZ messages to 10 clients in %.2f s = %,.0f msgs/s "
                    + "(dropped %.0f)%n", r + 1, counter.received.get(), seconds, rates[r],
                    metrics.count("outdial.feed.dropped", "outcome") + metrics.count("outdial.feed.dropped", "hub"));
            for (Socket s : clients) {
                s.close();
            }
            hub.close();
            server.close();
        }
        System.out.printf(Locale.ROOT, "RESULT oz: median %,.0f OZ msgs/s delivered to 10 subscribers (%d runs)%n",
                Stats.median(rates), runs);
    }

    private static void count(InputStream in, Counter counter) {
        byte[] buf = new byte[64 * 1024];
        try {
            int n;
            while ((n = in.read(buf)) >= 0) {
                long messages = 0;
                for (int i = 0; i < n; i++) {
                    if (buf[i] == 0) {
                        messages++;
                    }
                }
                if (messages > 0) {
                    counter.add(messages);
                }
            }
        } catch (IOException e) {
            // closed
        }
    }

    private static void waitFor(Counter counter, long expected) throws InterruptedException {
        long idleSince = System.nanoTime();
        long last = -1;
        while (counter.received.get() < expected) {
            Thread.sleep(20);
            long now = counter.received.get();
            if (now != last) {
                last = now;
                idleSince = System.nanoTime();
            } else if (System.nanoTime() - idleSince > 5_000_000_000L) {
                System.out.printf(Locale.ROOT, "  stalled at %,d of %,d%n", now, expected);
                return;
            }
        }
    }

    private static void cti(List<Stamped> commands, int runs) throws Exception {
        Path dir = Files.createTempDirectory("cti-bench");
        try (Store store = TestDatabases.open(TestDatabases.Kind.H2, dir)) {
            long tenant = store.tenants().create("bench", null).id();
            store.tenants().addToken(tenant, Role.READ_ONLY, "bench", "bench-token");
            double[] rates = new double[runs];
            for (int r = 0; r < runs; r++) {
                FeedMetrics metrics = new FeedMetrics(new SimpleMeterRegistry());
                FeedHub hub = new FeedHub(DIRECTORY, metrics, FeedHub.DEFAULT_CAPACITY);
                CtiStream stream = new CtiStream(DIRECTORY, metrics, e -> { }, System::currentTimeMillis, 1);
                hub.add(stream);
                hub.start();
                CtiEndpoint endpoint = new CtiEndpoint(stream, store.tenants(), metrics, 200_000);
                Javalin javalin = Javalin.create(cfg -> {
                    cfg.startup.showJavalinBanner = false;
                    cfg.jetty.host = "127.0.0.1";
                    cfg.jetty.port = 0;
                    endpoint.register(cfg.routes);
                }).start();
                Counter counter = new Counter();
                List<WebSocket> sockets = connect(javalin.port(), 100, new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        long lines = 0;
                        for (int k = 0; k < data.length(); k++) {
                            if (data.charAt(k) == '\n') {
                                lines++;
                            }
                        }
                        counter.add(lines + (last ? 1 : 0));
                        ws.request(1);
                        return null;
                    }
                });
                while (stream.subscribers() < 100) {
                    Thread.sleep(10);
                }
                long start = System.nanoTime();
                replay(commands, hub);
                while (hub.backlog() > 0) {
                    Thread.sleep(10);
                }
                waitStable(counter, metrics);
                double seconds = (counter.lastNs - start) / 1e9;
                rates[r] = counter.received.get() / seconds;
                System.out.printf(Locale.ROOT, "run %d: %,d CTI events to 100 subscribers in %.2f s = %,.0f events/s "
                        + "(dropped %.0f)%n", r + 1, counter.received.get(), seconds, rates[r],
                        metrics.count("outdial.feed.dropped", "cti") + metrics.count("outdial.feed.dropped", "hub"));
                sockets.forEach(ws -> ws.abort());
                javalin.stop();
                hub.close();
            }
            System.out.printf(Locale.ROOT, "RESULT cti: median %,.0f CTI events/s delivered to 100 WebSocket "
                    + "subscribers (%d runs)%n", Stats.median(rates), runs);
        }
    }

    /** Until what the subscribers received equals what the stream sent, or nothing arrives for 5 s. */
    private static void waitStable(Counter counter, FeedMetrics metrics) throws InterruptedException {
        long idleSince = System.nanoTime();
        long last = -1;
        while (true) {
            Thread.sleep(50);
            long now = counter.received.get();
            if (now == (long) metrics.count("outdial.feed.sent", "cti") && now == last
                    && System.nanoTime() - idleSince > 300_000_000L) {
                return;
            }
            if (now != last) {
                last = now;
                idleSince = System.nanoTime();
            } else if (System.nanoTime() - idleSince > 5_000_000_000L) {
                return;
            }
        }
    }

    /** Opens {@code n} subscribers at once (each upgrade checks the API token, which takes a while). */
    private static List<WebSocket> connect(int port, int n, WebSocket.Listener listener) {
        HttpClient http = HttpClient.newHttpClient();
        List<java.util.concurrent.CompletableFuture<WebSocket>> pending = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            pending.add(http.newWebSocketBuilder().header("Authorization", "Bearer bench-token")
                    .connectTimeout(java.time.Duration.ofSeconds(120))
                    .buildAsync(URI.create("ws://127.0.0.1:" + port + "/cti"), listener));
        }
        return pending.stream().map(java.util.concurrent.CompletableFuture::join).toList();
    }
}
