package org.outdial.csv;

import java.util.ArrayList;
import java.util.List;

/** Keeps everything an import tells its listener, and checks it is told on one thread. */
final class RecordingListener implements ImportListener {

    final List<RowError> errors = new ArrayList<>();
    final List<Long> duplicateLines = new ArrayList<>();
    final List<long[]> batches = new ArrayList<>();
    final List<long[]> progress = new ArrayList<>();
    final Thread caller = Thread.currentThread();

    @Override
    public void progress(long bytesRead, long totalBytes, long rowsRead) {
        checkThread();
        progress.add(new long[] {bytesRead, totalBytes, rowsRead});
    }

    @Override
    public void rowRejected(RowError error) {
        checkThread();
        errors.add(error);
    }

    @Override
    public void rowSkippedAsDuplicate(long line, String contactInfo) {
        checkThread();
        duplicateLines.add(line);
    }

    @Override
    public void batchCommitted(long firstLine, long lastLine, int rows, long committedRows) {
        checkThread();
        batches.add(new long[] {firstLine, lastLine, rows, committedRows});
    }

    List<Long> errorLines() {
        return errors.stream().map(RowError::line).distinct().toList();
    }

    private void checkThread() {
        if (Thread.currentThread() != caller) {
            throw new AssertionError("listener called on " + Thread.currentThread().getName());
        }
    }
}
