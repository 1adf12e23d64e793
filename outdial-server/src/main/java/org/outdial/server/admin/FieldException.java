package org.outdial.server.admin;

import java.util.List;

/** A request value that is missing or not allowed: answered 400 with the field's name and, where finite, the allowed values. */
public final class FieldException extends RuntimeException {

    private final String field;
    private final List<String> allowed;

    public FieldException(String field, String message, List<String> allowed) {
        super(message);
        this.field = field;
        this.allowed = allowed == null ? List.of() : List.copyOf(allowed);
    }

    public FieldException(String field, String message) {
        this(field, message, List.of());
    }

    public String field() {
        return field;
    }

    public List<String> allowed() {
        return allowed;
    }

    /** The 400 body: the usual error and status, plus the field and the allowed values (empty when open-ended). */
    public record Body(String error, int status, String field, List<String> allowed) {}

    public Body body() {
        return new Body(getMessage(), 400, field, allowed);
    }
}
