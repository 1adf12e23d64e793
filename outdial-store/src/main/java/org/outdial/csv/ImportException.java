package org.outdial.csv;

/**
 * An import could not go on: the header does not fit the list, the CSV is malformed beyond one row (an unterminated
 * quote), or the store failed. Rows committed before it stay in the list; running the import again skips them as
 * duplicates. The message says what happened, where, and how to go on.
 */
public class ImportException extends RuntimeException {

    public ImportException(String message) {
        super(message);
    }

    public ImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
