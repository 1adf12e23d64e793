package org.outdial.csv;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.outdial.list.CallingList;
import org.outdial.list.CustomField;
import org.outdial.record.CallingRecord;
import org.outdial.record.CallingWindow;
import org.outdial.store.CallingListStore;

/**
 * Writes every record of a calling list as RFC 4180 CSV (UTF-8, CRLF), streaming in record_id order.
 *
 * <p>Columns, in this order: {@code record_id, contact_info, contact_info_type, record_type, record_status,
 * call_result, attempt, dial_sched_time, call_time, daily_from, daily_till, tz, campaign_id, agent_id, chain_id,
 * chain_n, group_id, app_id, treatments, customer_id}, then the list's custom fields in declaration order. That is
 * the mandatory-field order of the vendor's default format, with {@code tz} (the record's IANA zone name, or its UTC
 * offset) in place of {@code tz_dbid}; the e-mail and switch fields, which outdial's records do not hold, are left
 * out. Enumerations are written as their integer codes, {@code dial_sched_time} and {@code call_time} as ISO-8601
 * UTC ({@code 2025-03-31T12:00:00Z}, empty when unset), {@code daily_from}/{@code daily_till} as {@code HH:mm}
 * ({@code HH:mm:ss} when seconds are set), custom fields as ISO dates and timestamps, plain decimals and
 * true/false. Empty cells are null values.
 *
 * <p>An exported file imports into an empty list with the same fields; record ids, chain ids, call_time and the
 * ownership columns are assigned anew there.
 */
public final class CsvExporter {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180;
    private static final List<String> COLUMNS = List.of("record_id", "contact_info", "contact_info_type",
            "record_type", "record_status", "call_result", "attempt", "dial_sched_time", "call_time", "daily_from",
            "daily_till", "tz", "campaign_id", "agent_id", "chain_id", "chain_n", "group_id", "app_id", "treatments",
            "customer_id");

    private final CallingListStore store;

    public CsvExporter(CallingListStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** The header row an export of {@code list} starts with. */
    public static List<String> header(CallingList list) {
        List<String> header = new ArrayList<>(COLUMNS);
        list.customFields().forEach(field -> header.add(field.name()));
        return header;
    }

    /** Writes the list as UTF-8 to {@code out}, which is flushed but not closed; returns the number of records. */
    public long export(CallingList list, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        long records = export(list, writer);
        writer.flush();
        return records;
    }

    /** Writes the list to {@code out}, which is flushed but not closed; returns the number of records. */
    public long export(CallingList list, Writer out) throws IOException {
        CSVPrinter printer = new CSVPrinter(out, FORMAT);
        printer.printRecord(header(list));
        long[] count = {0};
        try {
            store.forEachRecord(list.id(), record -> {
                try {
                    print(printer, record, list.customFields());
                    count[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        printer.flush();
        return count[0];
    }

    private static void print(CSVPrinter printer, CallingRecord record, List<CustomField> fields) throws IOException {
        printer.print(record.recordId());
        printer.print(record.contactInfo());
        printer.print(record.contactInfoType().code());
        printer.print(record.recordType().code());
        printer.print(record.recordStatus().code());
        printer.print(record.callResult().code());
        printer.print(record.attempt());
        printer.print(record.dialSchedTime());
        printer.print(record.callTime());
        printer.print(CallingWindow.formatTimeOfDay(record.window().dailyFromSec()));
        printer.print(CallingWindow.formatTimeOfDay(record.window().dailyTillSec()));
        printer.print(record.timeZone().getId());
        printer.print(record.campaignId());
        printer.print(record.agentId());
        printer.print(record.chainId());
        printer.print(record.chainN());
        printer.print(record.groupId());
        printer.print(record.appId());
        printer.print(record.treatments());
        printer.print(record.customerId());
        for (CustomField field : fields) {
            Object value = record.customFields().get(field.name());
            printer.print(value instanceof BigDecimal decimal ? decimal.toPlainString() : value);
        }
        printer.println();
    }
}
