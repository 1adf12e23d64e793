package org.outdial.server.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HTTP server (the JDK's) that records every POST it receives; it can answer slowly or with an error. */
public final class PostReceiver implements AutoCloseable {

    private final HttpServer server;
    private final BlockingQueue<JsonNode> bodies = new LinkedBlockingQueue<>();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile long delayMs;
    private volatile int status = 200;

    public PostReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (!"POST".equals(exchange.getRequestMethod())
                    || !exchange.getRequestHeaders().getFirst("Content-Type").startsWith("application/json")) {
                exchange.sendResponseHeaders(405, -1);
                exchange.close();
                return;
            }
            bodies.add(new ObjectMapper().readTree(body));
            try {
                Thread.sleep(delayMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/status");
    }

    public PostReceiver delay(long ms) {
        this.delayMs = ms;
        return this;
    }

    public PostReceiver status(int code) {
        this.status = code;
        return this;
    }

    public int requests() {
        return requests.get();
    }

    /** The next body received within {@code seconds}, or an AssertionError. */
    public JsonNode next(int seconds) throws InterruptedException {
        JsonNode n = bodies.poll(seconds, TimeUnit.SECONDS);
        if (n == null) {
            throw new AssertionError("no POST arrived within " + seconds + " s");
        }
        return n;
    }

    public List<JsonNode> received() {
        return new ArrayList<>(bodies);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
