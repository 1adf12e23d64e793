package org.outdial.feed.oz;

/** A client message outdial cannot accept; {@link #errorCode} goes into the Error Report's EC parameter. */
public final class SoftdialException extends RuntimeException {

    private final int errorCode;

    public SoftdialException(int errorCode, String message) {
        super(message);
        this.errorCode = errorCode;
    }

    public int errorCode() {
        return errorCode;
    }
}
