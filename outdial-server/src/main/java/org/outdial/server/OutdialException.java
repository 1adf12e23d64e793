package org.outdial.server;

/**
 * A problem the user can fix (bad setting, port in use, unknown list…). Its message is complete — what is wrong and
 * how to fix it — so the CLI prints it as one line, without a stack trace.
 */
public class OutdialException extends RuntimeException {

    public OutdialException(String message) {
        super(message);
    }

    public OutdialException(String message, Throwable cause) {
        super(message, cause);
    }
}
