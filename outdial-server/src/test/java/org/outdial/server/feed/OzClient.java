package org.outdial.server.feed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A client written from the spec only: sends NUL-terminated messages, reads NUL-terminated messages. */
public final class OzClient implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    public OzClient(int port) {
        try {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(30_000);
            in = socket.getInputStream();
            out = socket.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public OzClient send(String message) throws IOException {
        out.write(message.getBytes(StandardCharsets.UTF_8));
        out.write(0);
        out.flush();
        return this;
    }

    /** Sends EO, then waits until the server has taken it (an invalid message is answered in order). */
    public OzClient subscribe(String eo) throws IOException {
        send(eo).send("ZZ");
        String er = read();
        if (!er.startsWith("ER\\EC800")) {
            throw new AssertionError("expected the ER for the sync message, got " + er);
        }
        return this;
    }

    public String read() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) > 0) {
            b.write(c);
        }
        if (c < 0 && b.size() == 0) {
            throw new IOException("connection closed");
        }
        return b.toString(StandardCharsets.UTF_8);
    }

    public List<String> read(int n) throws IOException {
        List<String> messages = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            messages.add(read());
        }
        return messages;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    public void timeout(int ms) throws IOException {
        socket.setSoTimeout(ms);
    }

    /** The next message, or null when none arrives within the timeout or the server closed the connection. */
    public String readOrNull() {
        try {
            return read();
        } catch (IOException e) {
            return null;
        }
    }
}
