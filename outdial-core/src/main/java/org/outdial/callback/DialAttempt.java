package org.outdial.callback;

import java.util.Objects;

/** One attempt to reach the customer: when it started (epoch ms) and its result. */
public record DialAttempt(long atMs, DialResult result) {
    public DialAttempt {
        Objects.requireNonNull(result, "result");
    }
}
