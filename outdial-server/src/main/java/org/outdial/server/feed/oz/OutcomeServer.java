package org.outdial.server.feed.oz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.outdial.feed.FinishedCall;
import org.outdial.feed.oz.OutcomeMessages;
import org.outdial.server.feed.FeedListener;
import org.outdial.server.feed.FeedMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outcome feed: a TCP server speaking Softdial framing. Clients register with Enumerate Outcomes [EO] and get an
 * Outcome Data [OZ] per finished call of the tenants/campaigns they chose until Enumerate End [EE] or disconnect. The
 * OZ text after TX is built once per call and shared by all clients.
 */
public final class OutcomeServer implements FeedListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutcomeServer.class);
    static final String FEED = "outcome";

    private final ServerSocket server;
    private final int queueCapacity;
    private final FeedMetrics metrics;
    private final Set<OutcomeConnection> connections = ConcurrentHashMap.newKeySet();
    private volatile boolean open = true;

    private OutcomeServer(ServerSocket server, int queueCapacity, FeedMetrics metrics) {
        this.server = server;
        this.queueCapacity = queueCapacity;
        this.metrics = metrics;
    }

    /**
     * Listens on {@code host}:{@code port} (0 = any free port) and accepts clients on a virtual thread.
     *
     * @throws UncheckedIOException naming the port when it cannot be bound
     */
    public static OutcomeServer start(String host, int port, int queueCapacity, FeedMetrics metrics) {
        ServerSocket socket;
        try {
            socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new UncheckedIOException("outcome feed cannot listen on " + host + ":" + port
                    + " (in use? set feeds.outcome-port)", e);
        }
        OutcomeServer s = new OutcomeServer(socket, queueCapacity, metrics);
        Thread.ofVirtual().name("outcome-accept").start(s::accept);
        LOG.atInfo().addKeyValue("port", socket.getLocalPort()).log("outcome feed listening");
        return s;
    }

    public int port() {
        return server.getLocalPort();
    }

    public int clients() {
        return connections.size();
    }

    private void accept() {
        while (open) {
            try {
                Socket s = server.accept();
                s.setTcpNoDelay(true);
                OutcomeConnection[] self = new OutcomeConnection[1];
                self[0] = new OutcomeConnection(s, queueCapacity, metrics, () -> connections.remove(self[0]));
                connections.add(self[0]);
                self[0].start();
            } catch (IOException e) {
                if (open) {
                    LOG.atWarn().addKeyValue("error", e.toString()).log("outcome feed could not accept a client");
                }
            }
        }
    }

    @Override
    public void finished(FinishedCall call) {
        if (connections.isEmpty()) {
            return;
        }
        String body = OutcomeMessages.body(call);
        for (OutcomeConnection c : connections) {
            c.offer(call, body);
        }
    }

    @Override
    public void close() {
        open = false;
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        connections.forEach(OutcomeConnection::close);
    }
}
