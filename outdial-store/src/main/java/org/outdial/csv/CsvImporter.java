package org.outdial.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.outdial.csv.ParsedRow.Chunk;
import org.outdial.list.CallingList;
import org.outdial.record.NewRecord;
import org.outdial.store.CallingListStore;
import org.outdial.store.RecordWriter;

/**
 * Imports records into a calling list from an RFC 4180 CSV file.
 *
 * <p>The header row names the columns: mandatory field names ({@code contact_info} or {@code phone},
 * {@code contact_info_type}, {@code record_type}, {@code record_status}, {@code call_result}, {@code attempt},
 * {@code dial_sched_time}, {@code daily_from}, {@code daily_till}, {@code agent_id}, {@code customer_id}),
 * {@code tz} or {@code time_zone}, and the list's custom fields; case and surrounding spaces do not matter, and a
 * {@link ColumnMapping} maps other headers. The remaining mandatory fields (record_id, call_time, tz_dbid, chain_id,
 * chain_n…) are accepted and ignored, so an export re-imports as it is. A header naming nothing known, or a
 * file without contact_info, is refused before any row is read.
 *
 * <p>Values: phone numbers become E.164 (national numbers in the list's default country; invalid ones reject the
 * row); e-mail and IM addresses (contact_info_type 10, 11) are kept trimmed; enumerations by code or name;
 * {@code dial_sched_time} as epoch seconds or ISO-8601; {@code daily_from}/{@code daily_till} as seconds or
 * {@code HH:mm}, each defaulting to the list's window; {@code tz} as IANA name or UTC offset, defaulting to the list's
 * zone; custom fields parsed to their type. Empty cells are null. record_status Retrieved is read as Ready: a claim
 * belongs to a running server, not to a file. Rows with the same customer_id form a chain in file order (the store
 * links them, also with records already in the list).
 *
 * <p>A row whose contact is already in the list or earlier in the file is skipped as a duplicate, so a failed import
 * run again resumes where it stopped. Bad rows are reported with line, column and reason and skipped; good rows are
 * written in atomic batches of {@link ImportOptions#batchSize()}. If the store fails, the import stops with a
 * {@link BatchFailedException}.
 *
 * <p>Memory stays bounded whatever the file size: rows stream through; the contacts seen take 8 bytes per phone
 * number (about 16-24 MB per million). Rows are parsed and validated on a second thread while the calling thread
 * writes to the store. One importer may run several imports, one at a time per call; it is thread-safe.
 */
public final class CsvImporter {

    private final CallingListStore store;
    private final ImportOptions options;

    public CsvImporter(CallingListStore store, ImportOptions options) {
        this.store = Objects.requireNonNull(store, "store");
        this.options = Objects.requireNonNull(options, "options");
    }

    /** Imports a file; see {@link #importCsv(CallingList, InputStream, long, ImportListener)}. */
    public ImportReport importCsv(CallingList list, Path file, ImportListener listener) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return importCsv(list, in, Files.size(file), listener);
        }
    }

    /**
     * Imports CSV rows into the list. The stream is read to its end but not closed.
     *
     * @param totalBytes the size of the input for progress reports, or -1 when unknown
     * @return counts and the first errors
     * @throws ImportException      when the header does not fit the list or the CSV is malformed; see its message
     * @throws BatchFailedException when the store failed; earlier batches stay committed
     * @throws IOException          when reading the input failed
     */
    public ImportReport importCsv(CallingList list, InputStream in, long totalBytes, ImportListener listener)
            throws IOException {
        long startNanos = System.nanoTime();
        CsvRows rows = new CsvRows(in);
        ImportColumns columns = ImportColumns.bind(rows.header(), list, options.mapping());
        RowValidator validator = new RowValidator(list, columns, new PhoneNormalizer(list.defaultCountry()));
        ContactSet seen = contactsOf(list);
        ImportTally tally = new ImportTally(options.firstErrorsMax());
        try (RecordWriter writer = store.openWriter(list.id());
             RowReader reader = RowReader.start("csv-import-" + list.name(), rows, () -> parseNext(rows, validator, seen))) {
            write(reader, writer, tally, totalBytes, listener);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("import into calling list '" + list.name() + "' interrupted after "
                    + tally.imported() + " rows were committed");
        }
        return tally.report(System.nanoTime() - startNanos, columns.ignored());
    }

    private ContactSet contactsOf(CallingList list) {
        long count = store.count(list.id());
        ContactSet seen = new ContactSet((int) Math.min(Integer.MAX_VALUE, count + 100_000));
        store.forEachContactInfo(list.id(), seen::add);
        return seen;
    }

    /** Runs on the reader thread. */
    private static ParsedRow parseNext(CsvRows rows, RowValidator validator, ContactSet seen) throws IOException {
        if (!rows.next()) {
            return null;
        }
        List<RowError> errors = new ArrayList<>(0);
        NewRecord record = validator.validate(rows, errors);
        if (record == null) {
            return new ParsedRow.Rejected(rows.line(), errors);
        }
        return seen.add(record.contactInfo())
                ? new ParsedRow.Accepted(rows.line(), record)
                : new ParsedRow.Duplicate(rows.line(), record.contactInfo());
    }

    private void write(RowReader reader, RecordWriter writer, ImportTally tally, long totalBytes,
                       ImportListener listener) throws InterruptedException, IOException {
        Batch batch = new Batch();
        while (true) {
            Chunk chunk = reader.take();
            for (ParsedRow row : chunk.rows()) {
                switch (row) {
                    case ParsedRow.Accepted accepted -> {
                        append(writer, batch, accepted, tally);
                        if (batch.rows() == options.batchSize()) {
                            commit(writer, batch, tally, listener);
                        }
                    }
                    case ParsedRow.Rejected rejected -> {
                        tally.rejected(rejected.errors());
                        rejected.errors().forEach(listener::rowRejected);
                    }
                    case ParsedRow.Duplicate duplicate -> {
                        tally.duplicate();
                        listener.rowSkippedAsDuplicate(duplicate.line(), duplicate.contactInfo());
                    }
                }
            }
            if (chunk.failure() != null) {
                throw readFailure(chunk.failure(), tally);
            }
            if (chunk.last() && batch.rows() > 0) {
                commit(writer, batch, tally, listener);
            }
            listener.progress(chunk.bytesRead(), totalBytes, chunk.rowsRead());
            if (chunk.last()) {
                return;
            }
        }
    }

    private static void append(RecordWriter writer, Batch batch, ParsedRow.Accepted row, ImportTally tally) {
        batch.add(row.line());
        try {
            writer.append(row.record());
        } catch (RuntimeException e) {
            throw new BatchFailedException(batch.firstLine(), batch.lastLine(), batch.rows(), tally.imported(), e);
        }
    }

    private static void commit(RecordWriter writer, Batch batch, ImportTally tally, ImportListener listener) {
        try {
            writer.commit();
        } catch (RuntimeException e) {
            throw new BatchFailedException(batch.firstLine(), batch.lastLine(), batch.rows(), tally.imported(), e);
        }
        tally.committed(batch.rows());
        listener.batchCommitted(batch.firstLine(), batch.lastLine(), batch.rows(), tally.imported());
        batch.clear();
    }

    private static IOException readFailure(Throwable failure, ImportTally tally) {
        String committed = " (" + tally.imported() + " rows were committed before it; importing the file again skips them)";
        return switch (failure) {
            case ImportException e -> throw new ImportException(e.getMessage() + committed, e);
            case IOException e -> e;
            case UncheckedIOException e -> e.getCause();
            case RuntimeException e -> throw e;
            case Error e -> throw e;
            default -> new IOException(failure);
        };
    }
}
