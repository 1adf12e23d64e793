package org.outdial.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an RFC 4180 CSV file (UTF-8, optional byte-order mark, CRLF or LF) row by row, with the physical line each
 * row starts on — fields may hold line breaks, so that is not the row count. The first non-blank row is the header;
 * blank lines are skipped. Bytes that are not UTF-8 arrive as U+FFFD. Not thread-safe.
 */
final class CsvRows implements Closeable {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final CountingInputStream bytes;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private CSVRecord current;
    private long line;
    private long rowsRead;

    CsvRows(InputStream in) throws IOException {
        bytes = new CountingInputStream(in);
        parser = CSVParser.builder().setReader(skipByteOrderMark(new InputStreamReader(bytes, StandardCharsets.UTF_8)))
                .setFormat(FORMAT).get();
        records = parser.iterator();
    }

    /**
     * Reads the header row.
     *
     * @return the header names as written, or an empty list when the file has no rows at all
     */
    List<String> header() throws IOException {
        return next() ? current.toList() : List.of();
    }

    /**
     * Moves to the next non-blank row.
     *
     * @return false at the end of the file
     * @throws ImportException when the CSV is malformed (e.g. an unterminated quote); reading cannot go on
     */
    boolean next() throws IOException {
        while (true) {
            long start = parser.getCurrentLineNumber() + 1;
            try {
                if (!records.hasNext()) {
                    current = null;
                    return false;
                }
                current = records.next();
            } catch (UncheckedIOException e) {
                if (e.getCause() instanceof CSVException malformed) {
                    throw new ImportException("the row starting at line " + start + " is not valid CSV: "
                            + malformed.getMessage() + ". Inside a quoted value a quote must be doubled (\"\"), and"
                            + " every opening quote needs a closing one; fix the file and import it again", malformed);
                }
                throw e.getCause();
            }
            line = start;
            if (current.size() > 1 || !current.get(0).isEmpty()) {
                rowsRead++;
                return true;
            }
        }
    }

    /** Line of the current row's first line; the header is line 1 unless blank lines precede it. */
    long line() {
        return line;
    }

    int size() {
        return current.size();
    }

    String get(int index) {
        return current.get(index);
    }

    /** Rows read so far, the header included. */
    long rowsRead() {
        return rowsRead;
    }

    long bytesRead() {
        return bytes.count();
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    private static Reader skipByteOrderMark(Reader reader) throws IOException {
        PushbackReader pushback = new PushbackReader(reader, 1);
        int first = pushback.read();
        if (first >= 0 && first != BYTE_ORDER_MARK) {
            pushback.unread(first);
        }
        return pushback;
    }
}
