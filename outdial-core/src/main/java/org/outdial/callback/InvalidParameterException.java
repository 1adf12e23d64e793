package org.outdial.callback;

/** A callback request parameter is missing or wrong; {@link #parameter()} names it (HTTP 400). */
public final class InvalidParameterException extends IllegalArgumentException {

    private final String parameter;

    public InvalidParameterException(String parameter, String message) {
        super(parameter + ": " + message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
