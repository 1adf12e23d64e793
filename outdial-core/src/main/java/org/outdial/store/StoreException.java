package org.outdial.store;

/** A store operation failed; the message says what and, where it can, how to fix it. */
public class StoreException extends RuntimeException {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
