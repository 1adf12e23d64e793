package org.outdial.desktop;

/**
 * A desktop request the server cannot take: carries the error code to answer with and a description naming what is
 * wrong (sent as {@code GSW_ERROR_DESCRIPTION}).
 */
public final class ProtocolException extends RuntimeException {

    private final ErrorCode code;
    private final String errorName;

    public ProtocolException(ErrorCode code, String description) {
        this(code, code.errorName(), description);
    }

    /** With a {@code GSW_ERROR} text other than the code's name (the 101 variants). */
    public ProtocolException(ErrorCode code, String errorName, String description) {
        super(description);
        this.code = code;
        this.errorName = errorName;
    }

    public ErrorCode code() {
        return code;
    }

    public String errorName() {
        return errorName;
    }
}
