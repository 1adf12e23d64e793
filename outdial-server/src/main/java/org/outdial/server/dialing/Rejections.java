package org.outdial.server.dialing;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The engine's latest refusal per request ("StartDialing 42"), numbered so that an API call can tell a refusal of its
 * own request from an older one.
 */
final class Rejections {

    private record Rejection(long seq, String reason) {}

    private final AtomicLong seq = new AtomicLong();
    private final Map<String, Rejection> latest = new ConcurrentHashMap<>();

    void record(String request, String reason) {
        latest.put(request, new Rejection(seq.incrementAndGet(), reason));
    }

    long mark() {
        return seq.get();
    }

    Optional<String> since(String request, long mark) {
        Rejection r = latest.get(request);
        return r != null && r.seq() > mark ? Optional.of(r.reason()) : Optional.empty();
    }
}
