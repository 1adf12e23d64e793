package org.outdial.csv;

/** The lines of the rows appended since the last commit, to name them when the commit fails. */
final class Batch {

    private long firstLine;
    private long lastLine;
    private int rows;

    void add(long line) {
        if (rows++ == 0) {
            firstLine = line;
        }
        lastLine = line;
    }

    void clear() {
        rows = 0;
    }

    int rows() {
        return rows;
    }

    long firstLine() {
        return firstLine;
    }

    long lastLine() {
        return lastLine;
    }
}
