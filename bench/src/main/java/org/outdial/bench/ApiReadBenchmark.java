package org.outdial.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.outdial.list.CallingList;
import org.outdial.list.NewCallingList;
import org.outdial.record.CallingWindow;
import org.outdial.record.NewRecord;
import org.outdial.server.OutdialServer;
import org.outdial.server.config.Settings;
import org.outdial.server.config.SettingsLoader;
import org.outdial.store.RecordWriter;
import org.outdial.store.jdbc.JdbcStore;
import org.outdial.tenant.Role;

/**
 * Read throughput and latency of the REST API on a large calling list: {@code clients} concurrent clients (virtual
 * threads, keep-alive connections) search records by phone ({@code GET /api/v1/lists/{id}/records?phone=…}, the
 * indexed search the console uses) and, in a second measurement, read records by id, for {@code seconds} per run.
 * Client and server share this machine's cores, so the figures are a floor.
 *
 * <pre>bench/run api-read [records] [seconds] [clients] [runs] [h2|postgres]   (default 1000000 10 16 3 h2)</pre>
 */
public final class ApiReadBenchmark {

    private static final String TOKEN = "bench-read-token";

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        Backend backend = Backend.valueOf((args.length > 4 ? args[4] : "h2").toUpperCase(Locale.ROOT));
        Path work = Files.createDirectories(Path.of("bench/target/api-read"));
        try (JdbcStore store = backend.openFresh(work)) {
            long tenant = store.tenants().create("bench", null).id();
            store.tenants().addToken(tenant, Role.READ_ONLY, "bench", TOKEN);
            CallingList list = store.lists().create(new NewCallingList(tenant, "big", "", List.of(),
                    ZoneId.of("America/New_York"), new CallingWindow(8 * 3600, 21 * 3600), "US", 10));
            long loadStart = System.nanoTime();
            try (RecordWriter writer = store.lists().openWriter(list.id())) {
                for (int i = 0; i < records; i++) {
                    writer.append(NewRecord.ready(phone(i), list.defaultWindow(), list.defaultTimeZone(), null, 0,
                            "C" + i, Map.of()));
                    if (writer.pending() == 50_000) {
                        writer.commit();
                    }
                }
                writer.commit();
            }
            System.out.printf(Locale.ROOT, "loaded %,d records in %.1f s%n", records, (System.nanoTime() - loadStart) / 1e9);
            Path data = Files.createTempDirectory(work, "data-");
            Settings settings = new SettingsLoader(Map.of("http.port", "0", "http.host", "127.0.0.1",
                    "data", data.toString(), "log.level", "warn"), Map.of(), null, data).load();
            OutdialServer server = OutdialServer.start(settings, store);
            String base = "http://127.0.0.1:" + server.port() + "/api/v1/lists/" + list.id();
            try {
                measure("warm-up", base, records, 15, clients, true);
                measure("warm-up", base, records, 5, clients, false);
                List<double[]> search = new ArrayList<>();
                List<double[]> byId = new ArrayList<>();
                for (int run = 0; run < runs; run++) {
                    search.add(measure("search by phone", base, records, seconds, clients, true));
                    byId.add(measure("record by id", base, records, seconds, clients, false));
                }
                summarize("search by phone", backend, records, clients, search);
                summarize("record by id", backend, records, clients, byId);
            } finally {
                server.close();
            }
        }
    }

    static String phone(int i) {
        return "+12125" + String.format("%06d", i);
    }

    /** @return {requests per second, p50 ms, p99 ms, errors} */
    private static double[] measure(String what, String base, int records, int seconds, int clients, boolean search)
            throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong errors = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        int[] counts = new int[clients];
        for (int c = 0; c < clients; c++) {
            // room for 5,000 requests a second per client: the heap (256 MB) is shared with the server and H2
            long[] mine = new long[Math.max(1, seconds) * 5_000];
            latencies.add(mine);
            int client = c;
            threads.add(Thread.ofVirtual().start(() -> {
                SplittableRandom random = new SplittableRandom(client);
                int n = 0;
                while (System.nanoTime() < end && n < mine.length) {
                    int i = random.nextInt(records);
                    String url = search ? base + "/records?phone=%2B" + phone(i).substring(1) : base + "/records/" + (i + 1);
                    HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                            .header("Authorization", "Bearer " + TOKEN).build();
                    long start = System.nanoTime();
                    try {
                        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 200 || (search && r.body().length() < 10)) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    mine[n++] = System.nanoTime() - start;
                }
                counts[client] = n;
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        int total = 0;
        for (int n : counts) {
            total += n;
        }
        double[] ms = new double[total];
        int k = 0;
        for (int c = 0; c < clients; c++) {
            for (int i = 0; i < counts[c]; i++) {
                ms[k++] = latencies.get(c)[i] / 1e6;
            }
        }
        double rps = total / (double) seconds;
        double[] result = {rps, Stats.percentile(ms, 50), Stats.percentile(ms, 99), errors.get()};
        System.out.printf(Locale.ROOT, "%s: %,.0f req/s, p50 %.2f ms, p99 %.2f ms, %d errors%n", what, result[0],
                result[1], result[2], errors.get());
        return result;
    }

    private static void summarize(String what, Backend backend, int records, int clients, List<double[]> runs) {
        double[] rps = runs.stream().mapToDouble(r -> r[0]).toArray();
        double[] p99 = runs.stream().mapToDouble(r -> r[2]).toArray();
        double[] p50 = runs.stream().mapToDouble(r -> r[1]).toArray();
        System.out.printf(Locale.ROOT, "RESULT %s %s on %,d records, %d clients: median of %d runs %,.0f req/s, "
                        + "p50 %.2f ms, p99 %.2f ms%n", backend, what, records, clients, runs.size(), Stats.median(rps),
                Stats.median(p50), Stats.median(p99));
    }
}
