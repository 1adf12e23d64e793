package org.outdial.server.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server in a separate process ({@link PostReceiverMain}, started with this JVM's java) that records
 * every POST it receives; it can answer slowly or with an error. What it received comes back over the child's stdout.
 */
public final class PostReceiver implements AutoCloseable {

    /** A request as the child received it. */
    public record Request(String method, String path, String contentType, String body) {}

    private final Process process;
    private final Writer commands;
    private final int port;
    private final BlockingQueue<JsonNode> bodies = new LinkedBlockingQueue<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger requestCount = new AtomicInteger();
    private final BlockingQueue<String> acks = new LinkedBlockingQueue<>();

    public PostReceiver() {
        try {
            Path classes = Path.of(PostReceiverMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            process = new ProcessBuilder(java.toString(), "-Xmx32m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-cp", classes.toString(), PostReceiverMain.class.getName())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String first = out.readLine();
            if (first == null || !first.startsWith("LISTENING ")) {
                process.destroyForcibly();
                throw new IllegalStateException("the receiver process did not start: " + first);
            }
            port = Integer.parseInt(first.substring("LISTENING ".length()));
            Thread.ofPlatform().daemon().name("post-receiver-out").start(() -> read(out));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private void read(BufferedReader out) {
        Base64.Decoder b64 = Base64.getDecoder();
        ObjectMapper json = new ObjectMapper();
        try {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.equals("OK")) {
                    acks.add(line);
                    continue;
                }
                String[] f = line.split(" ", -1);
                if (f.length != 5 || !f[0].equals("REQUEST")) {
                    continue;
                }
                Request r = new Request(f[1], f[2], new String(b64.decode(f[3]), StandardCharsets.UTF_8),
                        new String(b64.decode(f[4]), StandardCharsets.UTF_8));
                requests.add(r);
                if (r.method().equals("POST") && r.contentType().startsWith("application/json")) {
                    bodies.add(json.readTree(r.body()));
                }
                requestCount.incrementAndGet();
            }
        } catch (IOException e) {
            // the child is gone
        }
    }

    private void command(String c) {
        try {
            commands.write(c + "\n");
            commands.flush();
            if (acks.poll(10, TimeUnit.SECONDS) == null) {
                throw new AssertionError("the receiver process did not acknowledge '" + c + "'");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + port + "/status");
    }

    /** The receiver's process id (it is not this JVM). */
    public long pid() {
        return process.pid();
    }

    public PostReceiver delay(long ms) {
        command("delay " + ms);
        return this;
    }

    public PostReceiver status(int code) {
        command("status " + code);
        return this;
    }

    public int requests() {
        return requestCount.get();
    }

    /** Every request as received, with its raw body and content type. */
    public List<Request> raw() {
        return new ArrayList<>(requests);
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
        try {
            commands.close();
        } catch (IOException e) {
            // the child exits on stdin EOF or is destroyed below
        }
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
