package org.outdial.server.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The error CSV of an import, {@code line,column,reason}, written next to the input as {@code NAME.errors.csv}.
 * Opened on the first rejected row only, so a clean import leaves no file (and an old one is removed).
 */
final class RejectedRowsFile implements AutoCloseable {

    private final Path path;
    private BufferedWriter writer;
    private long rows;

    RejectedRowsFile(Path path) {
        this.path = path;
    }

    /** {@code customers.csv} → {@code customers.errors.csv} in the same directory. */
    static Path besides(Path input) {
        String name = input.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        return input.resolveSibling(base + ".errors.csv");
    }

    void add(long line, String column, String reason) {
        try {
            if (writer == null) {
                writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
                writer.write("line,column,reason\r\n");
            }
            writer.write(line + "," + quote(column == null ? "" : column) + "," + quote(reason) + "\r\n");
            rows++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the error file " + path + ": " + e.getMessage(), e);
        }
    }

    long rows() {
        return rows;
    }

    Path path() {
        return path;
    }

    /** Removes an error file left from an earlier run when this one had no errors. */
    @Override
    public void close() throws IOException {
        if (writer != null) {
            writer.close();
        } else {
            Files.deleteIfExists(path);
        }
    }

    static String quote(String text) {
        boolean needs = text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r");
        return needs ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
