package org.outdial.server.http;

/** The body of every error response: {@code {"error": "...", "status": 404}}. */
public record ApiError(String error, int status) {}
