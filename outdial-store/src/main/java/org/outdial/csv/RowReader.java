package org.outdial.csv;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.outdial.csv.ParsedRow.Chunk;

/**
 * The reading side of an import, on a thread of its own: parses and validates rows and hands them over in chunks
 * through a bounded queue, so reading one part of the file overlaps with the store writing the previous one while
 * memory stays bounded. The consumer takes chunks in file order with {@link #take()}; whatever stops the reader
 * (malformed CSV, an I/O error) arrives as the last chunk's {@link Chunk#failure()}.
 */
final class RowReader implements AutoCloseable {

    /** Rows per hand-off. */
    static final int CHUNK_ROWS = 1_000;
    /**
     * Chunks that may wait for the consumer: bounds memory at about this many times {@link #CHUNK_ROWS} rows. More
     * than a default batch (10,000 rows), so the reader parses the next batch while the store commits this one.
     */
    static final int CHUNKS_QUEUED_MAX = 12;

    /** Parses the next row; null at the end of the file. Runs on the reader thread. */
    @FunctionalInterface
    interface RowParser {
        ParsedRow next() throws IOException;
    }

    private final BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(CHUNKS_QUEUED_MAX);
    private final CsvRows rows;
    private final RowParser parser;
    private final Thread thread;
    private volatile boolean stopped;

    private RowReader(String name, CsvRows rows, RowParser parser) {
        this.rows = rows;
        this.parser = parser;
        this.thread = Thread.ofPlatform().name(name).daemon(true).unstarted(this::run);
    }

    /**
     * Starts reading. From here on only the reader thread touches {@code rows} and whatever {@code parser} uses.
     *
     * @param rows the file, positioned after its header; used for progress counters
     */
    static RowReader start(String threadName, CsvRows rows, RowParser parser) {
        RowReader reader = new RowReader(threadName, rows, parser);
        reader.thread.start();
        return reader;
    }

    /** The next chunk in file order; blocks until it is read. The chunk marked last ends the stream. */
    Chunk take() throws InterruptedException {
        return queue.take();
    }

    /** Stops reading early; the reader thread ends at its next hand-off. Harmless after the last chunk. */
    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
        queue.clear();
    }

    private void run() {
        List<ParsedRow> chunk = new ArrayList<>(CHUNK_ROWS);
        try {
            while (!stopped) {
                ParsedRow row = parser.next();
                if (row == null) {
                    queue.put(chunk(chunk, true, null));
                    return;
                }
                chunk.add(row);
                if (chunk.size() == CHUNK_ROWS) {
                    queue.put(chunk(chunk, false, null));
                    chunk = new ArrayList<>(CHUNK_ROWS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the consumer gave up
        } catch (Throwable e) { // whatever it is, the consumer must hear of it or it waits forever
            try {
                queue.put(chunk(chunk, true, e));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Chunk chunk(List<ParsedRow> parsed, boolean last, Throwable failure) {
        return new Chunk(parsed, rows.bytesRead(), rows.rowsRead() - 1, last, failure);
    }
}
