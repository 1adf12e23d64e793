package org.outdial.server.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.outdial.csv.ImportListener;
import org.outdial.csv.ImportReport;
import org.outdial.csv.RowError;

/**
 * Follows an import for a person: progress while it runs, every rejected row into the error CSV, and a summary at
 * the end that says where the errors are.
 */
final class ImportReporter implements ImportListener, AutoCloseable {

    private final Progress progress;
    private final RejectedRowsFile errors;

    ImportReporter(CliContext ctx, String label, Path input) {
        this.progress = new Progress(ctx.out(), ctx.interactive(), label, System::nanoTime);
        this.errors = new RejectedRowsFile(RejectedRowsFile.besides(input));
    }

    @Override
    public void progress(long bytesRead, long totalBytes, long rowsRead) {
        progress.update(bytesRead, totalBytes, rowsRead);
    }

    @Override
    public void rowRejected(RowError error) {
        errors.add(error.line(), error.column(), error.reason());
    }

    /** Prints the summary; call after the import returned. */
    void summarize(PrintWriter out, ImportReport report) {
        progress.finish();
        out.printf(Locale.ROOT, "read %,d rows: %,d imported, %,d rejected, %,d duplicates skipped in %.1f s (%,.0f rows/s)%n",
                report.rowsRead(), report.imported(), report.rejected(), report.duplicates(),
                report.elapsed().toMillis() / 1000.0, report.rowsPerSecond());
        if (!report.ignoredColumns().isEmpty()) {
            out.println("ignored columns: " + String.join(", ", report.ignoredColumns()));
        }
        if (errors.rows() > 0) {
            out.printf("%,d errors of rejected rows (line, column, reason) are in %s%n", errors.rows(), errors.path());
        }
    }

    @Override
    public void close() throws java.io.IOException {
        progress.finish();
        errors.close();
    }
}
