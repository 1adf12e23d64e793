package org.outdial.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.outdial.csv.DncColumns.Field;
import org.outdial.dnc.DncEntry;
import org.outdial.store.DncStore;

/**
 * Imports a tenant's Do-Not-Call entries from an RFC 4180 CSV file ({@code outdial dnc import}).
 *
 * <p>Columns, by header (case-insensitive): {@code phone} (or contact_info, phone_number) and/or
 * {@code customer_id}; optional {@code message} (or dnc_message) and {@code expires} (or expires_at). Each row needs
 * a phone or a customer id. Phones become E.164 with the default country. {@code expires} is an ISO date — the
 * entry then blocks through the end of that day in the options' zone — or an ISO date-time; empty means never; a
 * time in the past is refused. A row repeating the phone and customer id of an earlier row is skipped as a
 * duplicate. Bad rows are reported with line, column and reason; good rows are added (or replace the existing entry
 * for their phone or customer) through {@link DncStore#addAll} in batches. Thread-safe.
 */
public final class DncCsvImporter {

    /** {@code dnc_message} is varchar(255); {@code customer_id} varchar(64). */
    static final int MESSAGE_LENGTH_MAX = 255;
    static final int CUSTOMER_ID_LENGTH_MAX = 64;

    private final DncStore store;
    private final Clock clock;
    private final DncImportOptions options;
    private final PhoneNormalizer phones;

    public DncCsvImporter(DncStore store, Clock clock, DncImportOptions options) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.options = Objects.requireNonNull(options, "options");
        this.phones = new PhoneNormalizer(options.defaultCountry());
    }

    public ImportReport importCsv(long tenantId, Path file, ImportListener listener) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return importCsv(tenantId, in, Files.size(file), listener);
        }
    }

    /**
     * Imports the entries of a CSV stream, which is read to its end but not closed.
     *
     * @param totalBytes the size of the input for progress reports, or -1 when unknown
     * @throws ImportException      when the header is wrong or the CSV malformed
     * @throws BatchFailedException when the store failed; earlier batches stay
     */
    public ImportReport importCsv(long tenantId, InputStream in, long totalBytes, ImportListener listener)
            throws IOException {
        long startNanos = System.nanoTime();
        Instant now = clock.instant();
        CsvRows rows = new CsvRows(in);
        DncColumns columns = DncColumns.bind(rows.header());
        ImportTally tally = new ImportTally(options.firstErrorsMax());
        ContactSet seenPhones = new ContactSet(1 << 16);
        Set<String> seenOthers = new HashSet<>();
        List<DncEntry> pending = new ArrayList<>();
        Batch batch = new Batch();
        while (rows.next()) {
            List<RowError> errors = new ArrayList<>(0);
            DncEntry entry = parse(tenantId, rows, columns, now, errors);
            if (entry == null) {
                tally.rejected(errors);
                errors.forEach(listener::rowRejected);
            } else if (!firstSighting(entry, seenPhones, seenOthers)) {
                tally.duplicate();
                listener.rowSkippedAsDuplicate(rows.line(), entry.phone() != null ? entry.phone() : entry.customerId());
            } else {
                pending.add(entry);
                batch.add(rows.line());
                if (pending.size() == options.batchSize()) {
                    write(pending, batch, tally, listener);
                }
            }
            if (rows.rowsRead() % RowReader.CHUNK_ROWS == 0) {
                listener.progress(rows.bytesRead(), totalBytes, rows.rowsRead() - 1);
            }
        }
        if (!pending.isEmpty()) {
            write(pending, batch, tally, listener);
        }
        listener.progress(rows.bytesRead(), totalBytes, rows.rowsRead() - 1);
        return tally.report(System.nanoTime() - startNanos, List.of());
    }

    private DncEntry parse(long tenantId, CsvRows rows, DncColumns columns, Instant now, List<RowError> errors) {
        if (rows.size() != columns.width()) {
            errors.add(new RowError(rows.line(), null, "the row has " + rows.size() + " values but the header has "
                    + columns.width() + " columns; a value holding a comma, quote or line break must be in double quotes"));
            return null;
        }
        String phone = cell(rows, columns, Field.PHONE, errors, phones::toE164);
        String customerId = cell(rows, columns, Field.CUSTOMER_ID, errors,
                text -> Cells.checkLength(text, CUSTOMER_ID_LENGTH_MAX));
        String message = cell(rows, columns, Field.MESSAGE, errors, text -> Cells.checkLength(text, MESSAGE_LENGTH_MAX));
        Instant expires = cell(rows, columns, Field.EXPIRES, errors, text -> expiry(text, now));
        if (!errors.isEmpty()) {
            return null;
        }
        if (phone == null && customerId == null) {
            errors.add(new RowError(rows.line(), null, "has neither a phone nor a customer_id; a Do-Not-Call entry"
                    + " needs at least one"));
            return null;
        }
        return new DncEntry(tenantId, phone, customerId, message, now, options.addedBy(), expires);
    }

    private Instant expiry(String text, Instant now) {
        Instant expires = text.length() == 10
                ? Cells.parseDate(text).plusDays(1).atStartOfDay(options.zone()).toInstant()
                : Cells.parseInstant(text, options.zone());
        if (!expires.isAfter(now)) {
            throw new BadValueException("'" + text + "' is in the past; give a later date, or leave it empty for an"
                    + " entry that never expires");
        }
        return expires;
    }

    private static <T> T cell(CsvRows rows, DncColumns columns, Field field, List<RowError> errors,
                              java.util.function.Function<String, T> parser) {
        int index = columns.indexOf(field);
        String text = index < 0 ? "" : rows.get(index).strip();
        if (text.isEmpty()) {
            return null;
        }
        try {
            RowValidator.checkCharacters(text);
            return parser.apply(text);
        } catch (BadValueException e) {
            errors.add(new RowError(rows.line(), columns.header(field), e.getMessage()));
            return null;
        }
    }

    private static boolean firstSighting(DncEntry entry, ContactSet phones, Set<String> others) {
        if (entry.customerId() == null) {
            return phones.add(entry.phone());
        }
        return others.add(entry.phone() + "\u0000" + entry.customerId());
    }

    private void write(List<DncEntry> pending, Batch batch, ImportTally tally, ImportListener listener) {
        try {
            store.addAll(List.copyOf(pending));
        } catch (RuntimeException e) {
            throw new BatchFailedException(batch.firstLine(), batch.lastLine(), batch.rows(), tally.imported(), e);
        }
        tally.committed(pending.size());
        listener.batchCommitted(batch.firstLine(), batch.lastLine(), pending.size(), tally.imported());
        pending.clear();
        batch.clear();
    }
}
