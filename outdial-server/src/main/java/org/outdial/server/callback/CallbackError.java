package org.outdial.server.callback;

/** Ends a callback request with an HTTP status and a JSON error naming the parameter at fault (null = none). */
final class CallbackError extends RuntimeException {

    final int status;
    final String parameter;

    CallbackError(int status, String parameter, String message) {
        super(message);
        this.status = status;
        this.parameter = parameter;
    }

    static CallbackError badParameter(String parameter, String message) {
        return new CallbackError(400, parameter, parameter + ": " + message);
    }

    static CallbackError notFound(String what) {
        return new CallbackError(404, null, what + " not found");
    }

    static CallbackError conflict(String parameter, String message) {
        return new CallbackError(409, parameter, message);
    }

    static CallbackError tooMany(String parameter, String message) {
        return new CallbackError(429, parameter, message);
    }

    /** The response body: {@code {"error": "...", "status": 400, "parameter": "_desired_time"}}. */
    record Body(String error, int status, String parameter) {}

    Body body() {
        return new Body(getMessage(), status, parameter);
    }
}
