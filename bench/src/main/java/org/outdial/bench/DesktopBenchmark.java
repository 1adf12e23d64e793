package org.outdial.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.outdial.agent.Agent;
import org.outdial.agent.AgentGroup;
import org.outdial.campaign.Campaign;
import org.outdial.campaign.CampaignGroup;
import org.outdial.campaign.CampaignList;
import org.outdial.campaign.DialMode;
import org.outdial.campaign.OptimizationMethod;
import org.outdial.list.CallingList;
import org.outdial.list.CustomField;
import org.outdial.list.NewCallingList;
import org.outdial.record.CallingWindow;
import org.outdial.record.NewRecord;
import org.outdial.server.OutdialServer;
import org.outdial.server.config.Settings;
import org.outdial.server.config.SettingsLoader;
import org.outdial.server.desktop.Credentials;
import org.outdial.store.RecordWriter;
import org.outdial.store.Store;
import org.outdial.tenant.Tenant;

/**
 * Desktop protocol throughput and latency: N desktops over loopback WebSocket ({@link DesktopLoad}: one selector
 * thread, real masked frames and the reference codec's JSON), each in a loop of PreviewRecordRequest, K
 * UpdateCallCompletionStats and one RecordProcessed (acknowledged only after the store's write). Two measured windows
 * per run: saturated (each desktop sends its next request as soon as the last is answered: the most the server
 * sustains; latency there is queueing, N / throughput by Little's law) and paced (the desktops together offer
 * {@code rate} requests/s on a fixed schedule; latency from when each request was due). Each window reports
 * requests/s, RecordProcessed/s, p50/p99 latency for non-writing requests and for RecordProcessed, and the CPU time the
 * server JVM, the PostgreSQL processes and the client JVM spent per 1,000 requests (on a shared machine a steadier
 * figure than requests/s). Medians of several runs.
 *
 * <p>The server runs in a JVM of its own (started per run with {@code --server}); {@code BENCH_SERVER_JVM_OPTS} adds
 * options to it, {@code BENCH_PROFILE=dir} records JFR of both JVMs over the measured windows.
 *
 * <pre>bench/run desktop [desktops] [seconds] [runs] [h2|postgres|both] [rate]   (default 500 20 3 both 20000)</pre>
 */
public final class DesktopBenchmark {

    private static final int UPDATES_PER_RECORD = 8;

    private record Result(double requestsPerSec, double processedPerSec, double p50Read, double p99Read,
                          double p50Write, double p99Write, Cpu cpu) {}

    /**
     * CPU time spent during the measured window per 1,000 requests, in ms, by the server JVM, the PostgreSQL processes
     * it started and the client JVM: on a shared machine these say more than the requests/s do.
     */
    private record Cpu(double server, double database, double client, double switches) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "CPU ms per 1000 requests: server %.1f, database %.1f, clients %.1f; "
                    + "server context switches per request %.2f", server, database, client, switches);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--server")) {
            serve(Backend.valueOf(args[1]), Path.of(args[2]), Integer.parseInt(args[3]));
            return;
        }
        int desktops = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        String which = args.length > 3 ? args[3] : "both";
        double rate = args.length > 4 ? Double.parseDouble(args[4]) : 20_000;
        Path work = Files.createTempDirectory("desktop-bench");
        for (Backend backend : Backend.values()) {
            if (!which.equals("both") && !which.equalsIgnoreCase(backend.name())) {
                continue;
            }
            List<Result> saturated = new ArrayList<>();
            List<Result> paced = new ArrayList<>();
            for (int run = 0; run < runs; run++) {
                Result[] r = run(backend, work, desktops, seconds, rate);
                print(backend + " run " + (run + 1) + " saturated", r[0]);
                saturated.add(r[0]);
                if (r[1] != null) {
                    print(backend + " run " + (run + 1) + " offered " + (long) rate + " req/s", r[1]);
                    paced.add(r[1]);
                }
            }
            String of = " median of " + runs + " runs (" + desktops + " desktops, " + seconds + " s)";
            print(backend + " saturated" + of, median(saturated));
            if (!paced.isEmpty()) {
                print(backend + " offered " + (long) rate + " req/s" + of, median(paced));
            }
        }
        System.exit(0);
    }

    private static void print(String what, Result r) {
        System.out.printf(Locale.ROOT, "%s: %.0f req/s, %.0f RecordProcessed/s, non-writing p50 %.2f ms p99 %.2f ms, "
                        + "RecordProcessed p50 %.2f ms p99 %.2f ms%n  %s%n", what, r.requestsPerSec, r.processedPerSec,
                r.p50Read, r.p99Read, r.p50Write, r.p99Write, r.cpu());
    }

    private static Result median(List<Result> rs) {
        return new Result(med(rs, Result::requestsPerSec), med(rs, Result::processedPerSec), med(rs, Result::p50Read),
                med(rs, Result::p99Read), med(rs, Result::p50Write), med(rs, Result::p99Write),
                new Cpu(med(rs, r -> r.cpu().server()), med(rs, r -> r.cpu().database()),
                        med(rs, r -> r.cpu().client()), med(rs, r -> r.cpu().switches())));
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
        // Enough records that neither window runs the list dry: the saturated phase (warm-up and window, ~20 s)
        // finalizes up to ~5,000 records a second and the paced one ~2,000; a list running low turns previews into
        // "no record" answers and the offered rate is never reached.
        int records = Math.max(50_000, desktops * 600);
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
            // the database's port lets the client side find its processes, to count their CPU time
            System.out.println("READY " + server.port() + " " + (backend == Backend.POSTGRES
                    ? Backend.postgresServer().getPort() : 0));
            System.out.flush();
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
                    java.nio.charset.StandardCharsets.UTF_8));
            String line;
            jdk.jfr.Recording profile = null;
            // "PROFILE file" starts a JFR recording of the measured window; anything else or EOF ends the run
            while ((line = in.readLine()) != null && line.startsWith("PROFILE ")) {
                profile = startProfile(Path.of(line.substring(8).trim()));
            }
            if (profile != null) {
                profile.stop();
                profile.close();
            }
        }
        System.exit(0);
    }

    /** A JFR recording with the "profile" settings, dumped to the file when stopped. */
    private static jdk.jfr.Recording startProfile(Path file) throws Exception {
        var r = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
        r.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(2)); // enough samples in a short window
        r.setDestination(file);
        r.start();
        return r;
    }

    private static double cpuMs(ProcessHandle p) {
        return p.info().totalCpuDuration().map(d -> d.toNanos() / 1e6).orElse(0.0);
    }

    private static int databasePort;

    /** The PostgreSQL server listening on {@link #databasePort} and its backends (started detached, not our children). */
    private static java.util.stream.Stream<ProcessHandle> database() {
        if (databasePort == 0) {
            return java.util.stream.Stream.empty();
        }
        return ProcessHandle.allProcesses().filter(p -> p.info().command().orElse("").endsWith("/postgres")
                        && java.util.Arrays.asList(p.info().arguments().orElse(new String[0])).contains(
                                String.valueOf(databasePort)))
                .flatMap(p -> java.util.stream.Stream.concat(java.util.stream.Stream.of(p), p.descendants()));
    }

    private static double[] cpuNow(Process server) {
        double db = database().mapToDouble(DesktopBenchmark::cpuMs).sum();
        return new double[] {cpuMs(server.toHandle()), db, cpuMs(ProcessHandle.current()), contextSwitches(server.pid())};
    }

    /**
     * Voluntary and involuntary context switches of every thread of a process so far (Linux {@code /proc}; 0
     * elsewhere): each is a thread hand-off or a wait for CPU, so per request they show how much waking there is.
     */
    private static double contextSwitches(long pid) {
        long n = 0;
        try (var tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path t : tasks.toList()) {
                try {
                    for (String line : Files.readAllLines(t.resolve("status"))) {
                        if (line.contains("ctxt_switches:")) {
                            n += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                        }
                    }
                } catch (java.io.IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (java.io.IOException e) {
            return 0;
        }
        return n;
    }

    /** Starts the server JVM of one run and waits for its port. */
    private static Process startServer(Backend backend, Path work, int desktops, int[] port) throws Exception {
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        // the heap floor the ./outdial launcher sets (fewer young collections: fewer latency spikes)
        List<String> cmd = new ArrayList<>(List.of(javaBin, "-Xmx1g", "-Xms1g", "-XX:+AlwaysPreTouch"));
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
                String[] ports = line.substring(6).trim().split(" ");
                port[0] = Integer.parseInt(ports[0]);
                port[1] = Integer.parseInt(ports[1]);
                Thread.ofVirtual().start(() -> out.lines().forEach(System.err::println));
                return p;
            }
            System.err.println(line);
        }
        throw new IllegalStateException("the server JVM exited before it was ready (exit " + p.waitFor() + ")");
    }

    private static int runCount;

    private static Result[] run(Backend backend, Path work, int desktops, int seconds, double rate) throws Exception {
        int[] port = new int[2];
        Process server = startServer(backend, work, desktops, port);
        try {
            databasePort = port[1];
            return measure(URI.create("ws://127.0.0.1:" + port[0] + "/desktop"), desktops, seconds, rate, server,
                    ++runCount);
        } finally {
            server.getOutputStream().close();
            if (!server.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                server.destroy();
            }
        }
    }

    private static Result[] measure(URI uri, int desktops, int seconds, double rate, Process server, int runNo)
            throws Exception {
        DesktopLoad load = new DesktopLoad("Bench", UPDATES_PER_RECORD);
        load.connect(uri, desktops);
        Thread.sleep(2_000); // let the buffer fill
        load.start();
        // warm-up: JIT, and each connection's one-time costs (Jetty binds a method handle per connection, which the
        // JVM customizes after ~128 calls); at least 5 s, until every desktop sent 200 requests, at most 30 s
        long warmStart = System.nanoTime();
        Thread.sleep(5_000);
        while (load.sent() < desktops * 200L && System.nanoTime() - warmStart < 30e9) {
            Thread.sleep(200);
        }
        // BENCH_PROFILE=dir: JFR recordings of the measured windows, server-N.jfr and client-N.jfr
        String profileDir = System.getenv("BENCH_PROFILE");
        jdk.jfr.Recording clientProfile = null;
        if (profileDir != null && !profileDir.isBlank()) {
            var serverIn = server.getOutputStream();
            serverIn.write(("PROFILE " + Path.of(profileDir, "server-" + runNo + ".jfr").toAbsolutePath() + "\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            serverIn.flush();
            clientProfile = startProfile(Path.of(profileDir, "client-" + runNo + ".jfr"));
            Thread.sleep(1_000); // starting a recording costs CPU: not in the measured window
        }
        Result saturated = window(load, server, seconds);
        Result paced = null;
        if (rate > 0) {
            load.pace(rate);
            Thread.sleep(2_000);
            paced = window(load, server, seconds);
        }
        if (clientProfile != null) {
            clientProfile.stop();
            clientProfile.close();
        }
        load.close();
        if (load.previewErrors.get() > 0) {
            System.out.println("  " + load.previewErrors.get() + " preview requests found no record (retried after 50 ms,"
                    + " not counted as requests): a list running low lowers the rate reached");
        }
        if (load.unexpected.get() > 0) {
            System.err.println(load.unexpected.get() + " unexpected answers, the first: " + load.firstUnexpected());
        }
        return new Result[] {saturated, paced};
    }

    /** One measured window: what the desktops did in it and the CPU time the processes spent. */
    private static Result window(DesktopLoad load, Process server, int seconds) throws InterruptedException {
        load.reads.clear();
        load.writes.clear();
        double[] cpu0 = cpuNow(server);
        load.measuring = true;
        long start = System.nanoTime();
        Thread.sleep(seconds * 1_000L);
        load.measuring = false;
        double elapsed = (System.nanoTime() - start) / 1e9;
        double[] cpu1 = cpuNow(server);
        Thread.sleep(500); // answers in flight at the end land before the samples are read
        double[] reads = load.reads.millis();
        double[] writes = load.writes.millis();
        long requests = reads.length + writes.length;
        double perK = 1000.0 / Math.max(1, requests);
        return new Result(requests / elapsed, writes.length / elapsed, pct(reads, 50), pct(reads, 99),
                pct(writes, 50), pct(writes, 99), new Cpu((cpu1[0] - cpu0[0]) * perK,
                (cpu1[1] - cpu0[1]) * perK, (cpu1[2] - cpu0[2]) * perK, (cpu1[3] - cpu0[3]) / Math.max(1, requests)));
    }

    private static double pct(double[] ms, double p) {
        return ms.length == 0 ? Double.NaN : Stats.percentile(ms, p);
    }

}
