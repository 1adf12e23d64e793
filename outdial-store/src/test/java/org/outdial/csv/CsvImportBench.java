package org.outdial.csv;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import org.outdial.list.CallingList;
import org.outdial.list.NewCallingList;
import org.outdial.record.CallingWindow;
import org.outdial.store.jdbc.JdbcStore;
import org.outdial.store.jdbc.TestDatabases;

/**
 * A manual benchmark, not a test: generates a sample list (US numbers, 10 custom fields) and imports it into a fresh
 * H2 or PostgreSQL database. Run with the test classpath and the heap to prove, e.g.
 * {@code java -Xmx256m -cp … org.outdial.csv.CsvImportBench h2 1000000}. Prints rows/s and process CPU per row.
 */
public final class CsvImportBench {

    private CsvImportBench() {
    }

    public static void main(String[] args) throws Exception {
        TestDatabases.Kind kind = args.length > 0 && args[0].equalsIgnoreCase("postgres")
                ? TestDatabases.Kind.POSTGRES : TestDatabases.Kind.H2;
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        Path dir = Files.createTempDirectory("csv-bench");
        Path file = dir.resolve("sample.csv");
        SampleListGenerator generator = new SampleListGenerator("US", 10, 1);
        long startNs = System.nanoTime();
        generator.write(rows, file);
        System.out.printf("generated %d rows (%d MB) in %.1f s%n", rows, Files.size(file) >> 20,
                (System.nanoTime() - startNs) / 1e9);
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (JdbcStore store = TestDatabases.open(kind, dir)) {
            long tenantId = store.tenants().create("bench", "CC").id();
            CallingList list = store.lists().create(new NewCallingList(tenantId, "bench", "", generator.customFields(),
                    ZoneId.of("America/New_York"), new CallingWindow(9 * 3600, 21 * 3600), "US", 5));
            long cpuNs = os.getProcessCpuTime();
            ImportReport report = new CsvImporter(store.lists(), ImportOptions.defaults())
                    .importCsv(list, file, ImportListener.NONE);
            Runtime runtime = Runtime.getRuntime();
            System.out.printf("%s: %s; process CPU %.1f us/row; heap max %d MB%n", store.describe(), report,
                    (os.getProcessCpuTime() - cpuNs) / 1e3 / report.rowsRead(), runtime.maxMemory() >> 20);
        }
        System.exit(0); // the embedded PostgreSQL server stops in a shutdown hook
    }
}
