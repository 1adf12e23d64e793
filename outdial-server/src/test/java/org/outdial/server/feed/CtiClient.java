package org.outdial.server.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/** A /cti WebSocket client written from the docs: frames of JSON objects, one per line. */
public final class CtiClient implements AutoCloseable {

    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final WebSocket socket;

    public CtiClient(int port, String token, String query) {
        StringBuilder partial = new StringBuilder();
        socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Authorization", "Bearer " + token)
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/cti" + (query == null ? "" : "?" + query)),
                        new WebSocket.Listener() {
                            @Override
                            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                                partial.append(data);
                                if (last) {
                                    for (String line : partial.toString().split("\n")) {
                                        try {
                                            events.add(new ObjectMapper().readTree(line));
                                        } catch (Exception e) {
                                            throw new AssertionError("not JSON: " + line, e);
                                        }
                                    }
                                    partial.setLength(0);
                                }
                                ws.request(1);
                                return null;
                            }
                        }).join();
    }

    public void send(String json) {
        socket.sendText(json, true).join();
    }

    public List<JsonNode> events() {
        return new ArrayList<>(events);
    }

    public List<JsonNode> of(String msgType) {
        return events.stream().filter(e -> e.get("MsgType").asText().equals(msgType)).toList();
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }
}
