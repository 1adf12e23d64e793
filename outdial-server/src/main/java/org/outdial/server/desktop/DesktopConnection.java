package org.outdial.server.desktop;

import java.util.Map;

/** One desktop's connection: who is logged in on it (null before login) and its outbox. */
final class DesktopConnection {

    private final String id;
    private final Outbox outbox;
    private volatile String agentId;

    DesktopConnection(String id, Outbox outbox) {
        this.id = id;
        this.outbox = outbox;
    }

    String id() {
        return id;
    }

    String agentId() {
        return agentId;
    }

    void agentId(String agentId) {
        this.agentId = agentId;
    }

    void send(String event, Map<String, Object> attributes) {
        outbox.send(event, attributes);
    }
}
