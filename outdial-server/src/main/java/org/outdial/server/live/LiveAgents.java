package org.outdial.server.live;

import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.outdial.agent.Agent;
import org.outdial.agent.AgentState;
import org.outdial.campaign.CampaignGroup;
import org.outdial.engine.AgentView;
import org.outdial.server.dialing.AgentsSnapshot;
import org.outdial.server.dialing.DialingRuntime;
import org.outdial.server.http.Access;
import org.outdial.server.http.Caller;
import org.outdial.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agents view: every agent logged in (not logged out) to a campaign group of the caller's tenant, with his state, when he entered
 * it, his current record and call and its campaign group. Read from the engine's published agent snapshot, never from
 * the engine thread.
 *
 * <p>{@code GET /api/v1/agent-states} answers once; {@code GET /api/v1/live/agents} is a server-sent event stream
 * that sends an {@code agents} event at connect and then at most once a second, only when something changed (the
 * page counts the time in state itself from {@code sinceMs} and the snapshot's {@code at}).
 */
final class LiveAgents {

    private static final Logger LOG = LoggerFactory.getLogger(LiveAgents.class);
    static final Duration PUSH = Duration.ofSeconds(1);
    private static final Duration CONFIG_REFRESH = Duration.ofSeconds(5);

    private final Store store;
    private final DialingRuntime runtime;
    private final LongSupplier clockMs;
    private final Map<Long, Directory> directories = new ConcurrentHashMap<>();
    private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** A tenant's campaign groups and agents by login id, re-read every few seconds. */
    private record Directory(long atMs, Map<Long, String> groups, Map<String, Agent> agents) {}

    LiveAgents(Store store, DialingRuntime runtime, LongSupplier clockMs) {
        this.store = store;
        this.runtime = runtime;
        this.clockMs = clockMs;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.get("/api/v1/agent-states", this::once, Access.READ);
        routes.sse("/api/v1/live/agents", this::connect, Access.READ);
    }

    private void once(Context ctx) {
        ctx.json(view(Caller.of(ctx).tenantId()));
    }

    private void connect(SseClient client) {
        long tenantId = Caller.of(client.ctx()).tenantId();
        client.keepAlive();
        clients.add(client);
        Thread.ofVirtual().name("sse-agents").start(() -> push(client, tenantId));
    }

    private void push(SseClient client, long tenantId) {
        try {
            List<Map<String, Object>> last = null;
            while (!client.terminated() && !closed) {
                Map<String, Object> view = view(tenantId);
                Object rows = view.get("agents");
                if (!Objects.equals(rows, last)) {
                    client.sendEvent("agents", view);
                    @SuppressWarnings("unchecked")
                    List<Map<String, Object>> sent = (List<Map<String, Object>>) rows;
                    last = sent;
                }
                Thread.sleep(PUSH.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.atDebug().addKeyValue("error", e.toString()).log("agents feed client gone");
        } finally {
            clients.remove(client);
            client.close();
        }
    }

    void configChanged() {
        directories.clear();
    }

    private Directory directory(long tenantId) {
        long now = clockMs.getAsLong();
        Directory d = directories.get(tenantId);
        if (d == null || now - d.atMs() > CONFIG_REFRESH.toMillis()) {
            Map<Long, String> groups = new HashMap<>();
            for (CampaignGroup g : store.config().campaignGroups(tenantId)) {
                groups.put(g.id(), g.name());
            }
            Map<String, Agent> agents = new HashMap<>();
            for (Agent a : store.config().agents(tenantId)) {
                agents.put(a.loginId(), a);
            }
            d = new Directory(now, Map.copyOf(groups), Map.copyOf(agents));
            directories.put(tenantId, d);
        }
        return d;
    }

    /** The tenant's agents as of the engine's latest snapshot. */
    Map<String, Object> view(long tenantId) {
        AgentsSnapshot snapshot = runtime.agents();
        Directory d = directory(tenantId);
        List<Map<String, Object>> rows = snapshot.agents().stream()
                .filter(a -> a.state() != AgentState.LOGGED_OUT)
                .filter(a -> a.groupIds().stream().anyMatch(d.groups()::containsKey))
                .map(a -> row(a, d)).toList();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("at", snapshot.atMs());
        view.put("agents", rows);
        return view;
    }

    private static Map<String, Object> row(AgentView a, Directory d) {
        Agent known = d.agents().get(a.agentId());
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("loginId", a.agentId());
        row.put("agentId", known == null ? null : known.id());
        row.put("name", known == null ? null : known.name());
        row.put("place", a.place());
        row.put("state", a.state().name());
        row.put("reasonCode", a.reasonCode());
        row.put("sinceMs", a.sinceMs());
        row.put("groupIds", a.groupIds().stream().filter(d.groups()::containsKey).toList());
        row.put("groupId", a.groupId());
        row.put("groupName", a.groupId() == null ? null : d.groups().get(a.groupId()));
        row.put("callId", a.callId());
        row.put("listId", a.listId());
        row.put("recordId", a.recordId());
        row.put("phone", a.contactInfo());
        return row;
    }

    void close() {
        closed = true;
        clients.forEach(SseClient::close);
    }
}
