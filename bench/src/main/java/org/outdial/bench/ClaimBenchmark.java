package org.outdial.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.outdial.dnc.DncEntry;
import org.outdial.list.CallingList;
import org.outdial.list.NewCallingList;
import org.outdial.record.CallingWindow;
import org.outdial.record.NewRecord;
import org.outdial.store.RecordWriter;
import org.outdial.store.jdbc.JdbcStore;

/**
 * Latency of {@code claimReady} of 500 records from a 1,000,000-record list on H2 and PostgreSQL. The list mixes
 * time zones around the world so that at the measured instant a share of the records is outside its calling window,
 * and holds 1% Do-Not-Call numbers, so the claim query has to skip rows as it would in production.
 *
 * <p>Arguments: {@code [records] [claims] [batch] [h2|postgres|both]}.
 */
public final class ClaimBenchmark {

    private static final String[] ZONES = {"America/New_York", "America/Chicago", "America/Los_Angeles",
        "Europe/Berlin", "Europe/London", "Asia/Kolkata", "Australia/Sydney", "America/Sao_Paulo"};
    private static final Instant NOW = Instant.parse("2026-06-16T17:00:00Z");

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int claims = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        String which = args.length > 3 ? args[3] : "both";
        Path work = Files.createDirectories(Path.of("bench/target/claim-bench"));
        for (Backend backend : Backend.values()) {
            if (which.equals("both") || which.equalsIgnoreCase(backend.name())) {
                run(backend, work, records, claims, batch);
            }
        }
        System.exit(0);
    }

    private static void run(Backend backend, Path work, int records, int claims, int batch) throws Exception {
        try (JdbcStore store = backend.openFresh(work)) {
            long tenant = store.tenants().create("bench", null).id();
            CallingList list = store.lists().create(new NewCallingList(tenant, "claim-bench", "", List.of(),
                    ZoneId.of("America/New_York"), new CallingWindow(8 * 3600, 21 * 3600), "US", 10));
            long loadStart = System.nanoTime();
            List<DncEntry> dnc = load(store, list, tenant, records);
            store.dnc().addAll(dnc);
            System.out.printf(Locale.ROOT, "%s: loaded %,d records (%,d DNC) in %.1f s%n", backend, records,
                    dnc.size(), (System.nanoTime() - loadStart) / 1e9);

            for (int i = 0; i < 10; i++) { // warm-up: JIT, caches, plans
                store.lists().claimReady(list.id(), 1, 1, batch, NOW);
            }
            double[] ms = new double[claims];
            int claimed = 0;
            for (int i = 0; i < claims; i++) {
                long start = System.nanoTime();
                claimed += store.lists().claimReady(list.id(), 1, 1, batch, NOW).size();
                ms[i] = (System.nanoTime() - start) / 1e6;
            }
            Map<?, Long> counts = store.lists().countByStatus(list.id());
            System.out.printf(Locale.ROOT, "RESULT %s claimReady(%d) from %,d records: p50 %.1f ms, p99 %.1f ms, "
                            + "max %.1f ms over %d claims (%,d records claimed; status counts %s)%n", backend, batch,
                    records, Stats.median(ms), Stats.percentile(ms, 99), Stats.percentile(ms, 100), claims, claimed,
                    counts);
        }
    }

    /** Appends the records through the store's own writer; returns the DNC entries to add (1% of the phones). */
    private static List<DncEntry> load(JdbcStore store, CallingList list, long tenant, int records) {
        SplittableRandom random = new SplittableRandom(7);
        List<DncEntry> dnc = new ArrayList<>();
        try (RecordWriter writer = store.lists().openWriter(list.id())) {
            for (int i = 0; i < records; i++) {
                String phone = "+1555" + String.format("%07d", i);
                ZoneId zone = ZoneId.of(ZONES[random.nextInt(ZONES.length)]);
                writer.append(NewRecord.ready(phone, list.defaultWindow(), zone, null, 0, "C" + (i / 2), Map.of()));
                if (random.nextInt(100) == 0) {
                    dnc.add(new DncEntry(tenant, phone, null, "bench", NOW, "bench", null));
                }
                if (writer.pending() == 50_000) {
                    writer.commit();
                }
            }
            writer.commit();
        }
        return dnc;
    }
}
