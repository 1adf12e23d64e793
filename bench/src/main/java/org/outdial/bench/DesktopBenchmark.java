package org.outdial.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.outdial.agent.Agent;
import org.outdial.agent.AgentGroup;
import org.outdial.campaign.Campaign;
import org.outdial.campaign.CampaignGroup;
import org.outdial.campaign.CampaignList;
import org.outdial.campaign.DialMode;
import org.outdial.campaign.OptimizationMethod;
import org.outdial.desktop.DesktopEvent;
import org.outdial.desktop.Keys;
import org.outdial.desktop.Request;
import org.outdial.list.CallingList;
import org.outdial.list.CustomField;
import org.outdial.list.NewCallingList;
import org.outdial.record.CallingWindow;
import org.outdial.record.NewRecord;
import org.outdial.server.OutdialServer;
import org.outdial.server.config.Settings;
import org.outdial.server.config.SettingsLoader;
import org.outdial.server.desktop.Credentials;
import org.outdial.server.desktop.DesktopClient;
import org.outdial.store.RecordWriter;
import org.outdial.store.Store;
import org.outdial.tenant.Tenant;

/**
 * Desktop protocol throughput: N desktops over loopback WebSocket, each in a closed loop of PreviewRecordRequest, K
 * UpdateCallCompletionStats and one RecordProcessed (acknowledged only after the store's write). Reports requests/s
 * and p50/p99 latency separately for acknowledgements that need a store write (RecordProcessed) and those that
 * don't, the median of several runs.
 *
 * <p>The server runs in a JVM of its own (started per run with {@code --server}), so the 500 client loops do not share
 * its heap, JIT and garbage collector; {@code BENCH_SERVER_JVM_OPTS} adds options to it (e.g. a JFR recording).
 *
 * <pre>bench/run desktop [desktops] [seconds] [runs] [h2|postgres|both]   (default 500 20 3 both)</pre>
 */
public final class DesktopBenchmark {

    private static final int UPDATES_PER_RECORD = 8;
    private static final Duration WAIT = Duration.ofSeconds(30);

    private record Result(double requestsPerSec, double processedPerSec, double p50Read, double p99Read,
                          double p50Write, double p99Write) {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--server")) {
            serve(Backend.valueOf(args[1]), Path.of(args[2]), Integer.parseInt(args[3]));
            return;
        }
        int desktops = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        String which = args.length > 3 ? args[3] : "both";
        Path work = Files.createTempDirectory("desktop-bench");
        for (Backend backend : Backend.values()) {
            if (!which.equals("both") && !which.equalsIgnoreCase(backend.name())) {
                continue;
            }
            List<Result> results = new ArrayList<>();
            for (int run = 0; run < runs; run++) {
                Result r = run(backend, work, desktops, seconds);
                System.out.printf(Locale.ROOT, "%s run %d: %.0f req/s, %.0f RecordProcessed/s, non-writing p50 %.2f ms "
                                + "p99 %.2f ms, RecordProcessed p50 %.2f ms p99 %.2f ms%n", backend, run + 1,
                        r.requestsPerSec, r.processedPerSec, r.p50Read, r.p99Read, r.p50Write, r.p99Write);
                results.add(r);
            }
            System.out.printf(Locale.ROOT, "%s median of %d runs (%d desktops, %d s): %.0f req/s, %.0f RecordProcessed/s,"
                            + " non-writing p50 %.2f ms p99 %.2f ms, RecordProcessed p50 %.2f ms p99 %.2f ms%n",
                    backend, runs, desktops, seconds, med(results, Result::requestsPerSec),
                    med(results, Result::processedPerSec), med(results, Result::p50Read),
                    med(results, Result::p99Read), med(results, Result::p50Write), med(results, Result::p99Write));
        }
        System.exit(0);
    }

    private static double med(List<Result> rs, java.util.function.ToDoubleFunction<Result> f) {
        return Stats.median(rs.stream().mapToDouble(f).toArray());
    }

    /**
     * The server side of a run, in its own JVM: a fresh store with the campaign, the server started, "READY port"
     * printed; it stops when its standard input closes or says anything.
     */
    private static void serve(Backend backend, Path work, int desktops) throws Exception {
        Store store = backend.openFresh(work);
        Tenant tenant = store.tenants().create("bench", null);
        int records = Math.max(50_000, desktops * 150);
        CallingList list = store.lists().create(new NewCallingList(tenant.id(), "leads", null,
                List.of(CustomField.varchar("customer_name", 60, "CustomerName")), ZoneOffset.UTC,
                new CallingWindow(0, CallingWindow.DAY_SEC), "US", 5));
        try (RecordWriter w = store.lists().openWriter(list.id())) {
            for (int i = 0; i < records; i++) {
                w.append(NewRecord.ready("+1" + (2_000_000_000L + i), list.defaultWindow(), ZoneOffset.UTC, null, 0,
                        null, Map.of("customer_name", "C" + i)));
            }
            w.commit();
        }
        String hash = Credentials.hash("pw");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < desktops; i++) {
            ids.add(store.config().createAgent(new Agent(0, tenant.id(), "b" + i, null, null, hash)).id());
        }
        AgentGroup team = store.config().createAgentGroup(new AgentGroup(0, tenant.id(), "team", ids));
        Campaign campaign = store.config().createCampaign(new Campaign(0, tenant.id(), "Bench", null,
                List.of(new CampaignList(list.id(), 100, true)), List.of(), "18005550100", null, 0));
        CampaignGroup group = store.config().createCampaignGroup(new CampaignGroup(0, tenant.id(), "Bench@team",
                campaign.id(), team.id(), DialMode.PREVIEW, OptimizationMethod.OVERDIAL_RATE, 3, desktops * 2,
                desktops * 6, Map.of(), 0));
        Settings settings = new SettingsLoader(Map.of("http.port", "0", "http.host", "127.0.0.1",
                "data", work.toString(), "server.application-id", "101"), Map.of(), null, work).load();
        try (OutdialServer server = OutdialServer.start(settings, store, 1)) {
            server.startCampaignGroup(group, null);
            System.out.println("READY " + server.port());
            System.out.flush();
            System.in.read(); // the client side closes stdin (or writes) when the run is over
        }
        System.exit(0);
    }

    /** Starts the server JVM of one run and waits for its port. */
    private static Process startServer(Backend backend, Path work, int desktops, int[] port) throws Exception {
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(javaBin, "-Xmx1g"));
        String opts = System.getenv("BENCH_SERVER_JVM_OPTS");
        if (opts != null && !opts.isBlank()) {
            cmd.addAll(List.of(opts.trim().split("\\s+")));
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), DesktopBenchmark.class.getName(),
                "--server", backend.name(), Files.createTempDirectory(work, "run-").toString(),
                String.valueOf(desktops)));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        var out = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
                java.nio.charset.StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("READY ")) {
                port[0] = Integer.parseInt(line.substring(6).trim());
                Thread.ofVirtual().start(() -> out.lines().forEach(System.err::println));
                return p;
            }
            System.err.println(line);
        }
        throw new IllegalStateException("the server JVM exited before it was ready (exit " + p.waitFor() + ")");
    }

    private static Result run(Backend backend, Path work, int desktops, int seconds) throws Exception {
        int[] port = new int[1];
        Process server = startServer(backend, work, desktops, port);
        try {
            return measure(URI.create("ws://127.0.0.1:" + port[0] + "/desktop"), desktops, seconds);
        } finally {
            server.getOutputStream().close();
            if (!server.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                server.destroy();
            }
        }
    }

    private static Result measure(URI uri, int desktops, int seconds) throws Exception {

        HttpClient http = HttpClient.newHttpClient();
        List<DesktopClient> clients = new ArrayList<>();
        for (int i = 0; i < desktops; i++) {
            DesktopClient c = DesktopClient.connect(http, uri);
            c.send(new Request.Login("b" + i, "p" + i, "pw", null));
            clients.add(c);
        }
        for (DesktopClient c : clients) {
            c.await(DesktopEvent.CAMPAIGN_STARTED, WAIT);
        }
        Thread.sleep(2_000); // let the buffer fill
        LongAdder requests = new LongAdder();
        LongAdder processed = new LongAdder();
        ConcurrentLinkedQueue<long[]> readLat = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<long[]> writeLat = new ConcurrentLinkedQueue<>();
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(desktops);
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        Request.Target bench = Request.Target.campaign("Bench");
        for (DesktopClient c : clients) {
            threads.execute(() -> {
                long[] reads = new long[1 << 16];
                long[] writes = new long[1 << 13];
                int nr = 0;
                int nw = 0;
                try {
                    while (!stop.get()) {
                        long t = System.nanoTime();
                        DesktopEvent rec = c.awaitReply(c.send(new Request.PreviewRecordRequest(bench)), WAIT);
                        long dt = System.nanoTime() - t;
                        if (rec.isError()) {
                            Thread.sleep(50);
                            continue;
                        }
                        boolean m = measuring.get();
                        if (m && nr < reads.length) {
                            reads[nr++] = dt;
                            requests.increment();
                        }
                        long handle = rec.recordHandle();
                        for (int k = 0; k < UPDATES_PER_RECORD; k++) {
                            t = System.nanoTime();
                            c.awaitReply(c.send(new Request.UpdateCallCompletionStats(handle, bench,
                                    new Request.RecordChanges(33, null, null, null, null,
                                            Map.of("CustomerName", "u" + k)))), WAIT);
                            dt = System.nanoTime() - t;
                            if (measuring.get() && nr < reads.length) {
                                reads[nr++] = dt;
                                requests.increment();
                            }
                        }
                        t = System.nanoTime();
                        c.awaitReply(c.send(new Request.RecordProcessed(handle, bench, rec.string(Keys.CALLING_LIST),
                                Request.RecordChanges.NONE, null)), WAIT);
                        dt = System.nanoTime() - t;
                        if (measuring.get() && nw < writes.length) {
                            writes[nw++] = dt;
                            requests.increment();
                            processed.increment();
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (AssertionError e) {
                    System.err.println("desktop stalled: " + e.getMessage());
                } finally {
                    readLat.add(java.util.Arrays.copyOf(reads, nr));
                    writeLat.add(java.util.Arrays.copyOf(writes, nw));
                    done.countDown();
                }
            });
        }
        Thread.sleep(5_000); // warm-up
        measuring.set(true);
        long start = System.nanoTime();
        Thread.sleep(seconds * 1_000L);
        measuring.set(false);
        double elapsed = (System.nanoTime() - start) / 1e9;
        stop.set(true);
        done.await();
        threads.shutdown();
        for (DesktopClient c : clients) {
            c.close();
        }
        return new Result(requests.sum() / elapsed, processed.sum() / elapsed, pct(readLat, 50),
                pct(readLat, 99), pct(writeLat, 50), pct(writeLat, 99));
    }

    private static double pct(ConcurrentLinkedQueue<long[]> parts, double p) {
        double[] all = parts.stream().flatMapToLong(java.util.Arrays::stream).mapToDouble(n -> n / 1e6).toArray();
        return all.length == 0 ? Double.NaN : Stats.percentile(all, p);
    }
}
