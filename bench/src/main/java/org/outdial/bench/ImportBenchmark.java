package org.outdial.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.outdial.csv.CsvImporter;
import org.outdial.csv.ImportListener;
import org.outdial.csv.ImportOptions;
import org.outdial.csv.ImportReport;
import org.outdial.csv.SampleListGenerator;
import org.outdial.list.CallingList;
import org.outdial.list.NewCallingList;
import org.outdial.record.CallingWindow;
import org.outdial.store.jdbc.JdbcStore;
import org.outdial.store.jdbc.TestDatabases;

/**
 * Calling-list CSV import throughput: generates a sample list once, then imports it into a fresh database per run and
 * prints rows/s, process CPU per row and the peak heap used; ends with the median per database.
 *
 * <p>{@code java -Xmx256m -cp … org.outdial.bench.ImportBenchmark [rows=200000] [customFields=10] [runs=3]
 * [h2|postgres|both]}
 */
public final class ImportBenchmark {

    private ImportBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int fields = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        String which = args.length > 3 ? args[3] : "h2";
        List<TestDatabases.Kind> kinds = switch (which.toLowerCase()) {
            case "h2" -> List.of(TestDatabases.Kind.H2);
            case "postgres" -> List.of(TestDatabases.Kind.POSTGRES);
            case "both" -> List.of(TestDatabases.Kind.H2, TestDatabases.Kind.POSTGRES);
            default -> throw new IllegalArgumentException("h2, postgres or both, not " + which);
        };
        Path dir = Files.createTempDirectory("import-bench");
        Path file = dir.resolve("sample.csv");
        SampleListGenerator generator = new SampleListGenerator("US", fields, 1);
        long t0 = System.nanoTime();
        generator.write(rows, file);
        System.out.printf("generated %d rows, %d custom fields (%d MB) in %.1f s%n", rows, fields,
                Files.size(file) >> 20, (System.nanoTime() - t0) / 1e9);
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (TestDatabases.Kind kind : kinds) {
            double[] rates = new double[runs];
            for (int run = 0; run < runs; run++) {
                Path runDir = Files.createDirectory(dir.resolve(kind + "-" + run));
                System.gc();
                resetPeaks();
                try (JdbcStore store = TestDatabases.open(kind, runDir)) {
                    long tenantId = store.tenants().create("bench", "US").id();
                    CallingList list = store.lists().create(new NewCallingList(tenantId, "bench", "",
                            generator.customFields(), ZoneId.of("America/New_York"),
                            new CallingWindow(9 * 3600, 21 * 3600), "US", 5));
                    long cpu = os.getProcessCpuTime();
                    long start = System.nanoTime();
                    ImportReport report = new CsvImporter(store.lists(), ImportOptions.defaults())
                            .importCsv(list, file, ImportListener.NONE);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    rates[run] = report.imported() / seconds;
                    System.out.printf("%s run %d: %d imported in %.2f s = %,.0f rows/s; CPU %.1f us/row; heap pools peak %d MB"
                                    + " (sum of per-pool peaks) of max %d MB%n", kind, run + 1, report.imported(), seconds, rates[run],
                            (os.getProcessCpuTime() - cpu) / 1e3 / report.rowsRead(), peakHeapMb(),
                            Runtime.getRuntime().maxMemory() >> 20);
                }
                deleteTree(runDir);
            }
            double[] sorted = rates.clone();
            Arrays.sort(sorted);
            System.out.printf("%s median %,.0f rows/s over %d runs %s%n", kind, sorted[runs / 2], runs,
                    Arrays.toString(Arrays.stream(rates).mapToLong(Math::round).toArray()));
        }
        System.exit(0); // the embedded PostgreSQL server stops in a shutdown hook
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeapMb() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum >> 20;
    }

    private static void deleteTree(Path root) throws Exception {
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.forEach(paths::add);
        }
        for (int i = paths.size() - 1; i >= 0; i--) {
            Files.deleteIfExists(paths.get(i));
        }
    }
}
