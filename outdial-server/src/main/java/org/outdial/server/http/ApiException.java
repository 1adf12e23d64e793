package org.outdial.server.http;

/** Ends a request with an HTTP error status and a message for the client. */
public final class ApiException extends RuntimeException {

    private final int status;

    private ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(401, message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, message);
    }

    /** Also for objects of another tenant: callers must not be able to tell the two apart. */
    public static ApiException notFound(String what) {
        return new ApiException(404, what + " not found");
    }

    /** The request collides with the current state (a taken name, a stale version, a session in the wrong state). */
    public static ApiException conflict(String message) {
        return new ApiException(409, message);
    }

    /** An If-Match header that does not match the object's current tag. */
    public static ApiException preconditionFailed(String message) {
        return new ApiException(412, message);
    }

    /** An edit without If-Match or version: optimistic concurrency needs one. */
    public static ApiException preconditionRequired(String message) {
        return new ApiException(428, message);
    }
}
