package org.outdial.csv;

/**
 * A cell value that cannot be used; the message says what is wrong and what is allowed. Thrown on every bad cell of
 * an import, so it carries no stack trace.
 */
public final class BadValueException extends IllegalArgumentException {

    public BadValueException(String reason) {
        super(reason);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
