package org.outdial.server.desktop;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.outdial.desktop.Decoded;
import org.outdial.desktop.DesktopEvent;
import org.outdial.desktop.ErrorCode;
import org.outdial.desktop.Keys;
import org.outdial.desktop.ProtocolException;
import org.outdial.desktop.Replies;
import org.outdial.desktop.Request;
import org.outdial.desktop.RequestCodec;
import org.outdial.engine.Command;
import org.outdial.engine.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Between desktop connections and the engine: decodes each message, applies the session rules (log in first, act
 * only as that agent, {@code GSW_APPLICATION_ID} of this server, mandatory where the spec says), posts the request to
 * the engine, and delivers the engine's {@link Command.NotifyAgent}s to the agent's connection. Errors found here are
 * answered here, in the same shape as the engine's.
 */
public final class DesktopGateway {

    private static final Logger LOG = LoggerFactory.getLogger(DesktopGateway.class);

    private final long applicationId;
    private final AgentLogins logins;
    private final Consumer<Event> engine;
    private final LongSupplier clockMs;
    private final Map<String, DesktopConnection> byAgent = new ConcurrentHashMap<>();
    private final Counter requests;
    private final Counter errors;
    private final Counter notAnswered;

    /**
     * @param engine posts events to the engine (the dialing runtime)
     */
    public DesktopGateway(long applicationId, org.outdial.store.Store store, Consumer<Event> engine,
                          LongSupplier clockMs, MeterRegistry registry) {
        this.applicationId = applicationId;
        this.logins = new AgentLogins(store);
        this.engine = engine;
        this.clockMs = clockMs;
        this.requests = Counter.builder("outdial_desktop_requests").description("desktop messages received")
                .register(registry);
        this.errors = Counter.builder("outdial_desktop_errors").description("desktop messages answered with an "
                + "error by the gateway").register(registry);
        this.notAnswered = Counter.builder("outdial_desktop_other_application").description("desktop requests for "
                + "another GSW_APPLICATION_ID, not answered").register(registry);
        registry.gauge("outdial_desktop_agents", byAgent, Map::size);
    }

    /** A message arrived on a connection (one at a time per connection). */
    void onMessage(DesktopConnection c, String text) {
        requests.increment();
        DesktopJson.Parsed parsed;
        try {
            parsed = DesktopJson.parseLenient(text);
        } catch (ProtocolException e) {
            error(c, null, null, e);
            return;
        }
        onParsed(c, parsed);
    }

    /** A message arrived as UTF-8 bytes (read straight from its frame; valid only during the call). */
    void onMessage(DesktopConnection c, byte[] utf8, int offset, int length) {
        requests.increment();
        DesktopJson.Parsed parsed;
        try {
            parsed = DesktopJson.parseLenient(utf8, offset, length);
        } catch (ProtocolException e) {
            error(c, null, null, e);
            return;
        }
        onParsed(c, parsed);
    }

    private void onParsed(DesktopConnection c, DesktopJson.Parsed parsed) {
        Decoded d = RequestCodec.decode(parsed.kv());
        if (d.applicationId() != null && d.applicationId() != applicationId) {
            notAnswered.increment(); // the spec: only the server with the matching id answers
            return;
        }
        if (parsed.valueError() != null) {
            error(c, d.type(), d.referenceId(), parsed.valueError());
            return;
        }
        if (!d.ok()) {
            error(c, d.type(), d.referenceId(), d.error());
            return;
        }
        Request r = d.request();
        if (d.applicationId() == null && needsApplicationId(r)) {
            error(c, d.type(), d.referenceId(), new ProtocolException(ErrorCode.ATTRIBUTE_NOT_FOUND,
                    "mandatory attribute " + Keys.APPLICATION_ID + " is missing (this server's is " + applicationId
                            + ")"));
            return;
        }
        if (r instanceof Request.Login login) {
            login(c, login, d.referenceId());
            return;
        }
        String agentId = c.agentId();
        if (agentId == null) {
            error(c, d.type(), d.referenceId(), new ProtocolException(ErrorCode.AGENT_NOT_FOUND,
                    "no agent is logged in on this connection: send Login first"));
            return;
        }
        engine.accept(new Event.DesktopRequest(clockMs.getAsLong(), agentId, d.referenceId(), r));
    }

    /** A binary frame: not part of the protocol, answered with an error event. */
    void onBinary(DesktopConnection c) {
        requests.increment();
        error(c, null, null, new ProtocolException(ErrorCode.INVALID_REQUEST,
                "binary frames are not part of the protocol; send each message as one JSON text frame"));
    }

    /** Every request of the spec except CampaignStatusRequest names the server; outdial's session ones need not. */
    private static boolean needsApplicationId(Request r) {
        return !(r instanceof Request.CampaignStatusRequest || r instanceof Request.Login
                || r instanceof Request.Ready || r instanceof Request.NotReady);
    }

    private void login(DesktopConnection c, Request.Login login, Object ref) {
        if (c.agentId() != null) {
            error(c, login.type(), ref, new ProtocolException(ErrorCode.INVALID_REQUEST, "agent " + c.agentId()
                    + " is already logged in on this connection"));
            return;
        }
        AgentLogins.LoggedIn in;
        try {
            in = logins.check(login);
        } catch (ProtocolException e) {
            error(c, login.type(), ref, e);
            return;
        } catch (RuntimeException e) {
            LOG.atWarn().addKeyValue("error", e.toString()).log("desktop login could not read the store");
            error(c, login.type(), ref, new ProtocolException(ErrorCode.DB_ERROR,
                    "the store could not be read to check the login; try again"));
            return;
        }
        if (byAgent.putIfAbsent(in.agentId(), c) != null) {
            error(c, login.type(), ref, new ProtocolException(ErrorCode.INVALID_REQUEST, "agent " + in.agentId()
                    + " is already logged in on another desktop"));
            return;
        }
        c.agentId(in.agentId());
        Map<String, Object> ack = Replies.base(applicationId, ref);
        ack.put(Keys.AGENT_ID, in.agentId());
        ack.put(Keys.PLACE, in.place());
        c.send(DesktopEvent.LOGIN_ACK, ack);
        long now = clockMs.getAsLong();
        engine.accept(new Event.AgentLogin(now, in.agentId(), in.place(), in.groupIds()));
        engine.accept(new Event.DesktopRequest(now, in.agentId(), null, new Request.CampaignStatusRequest()));
        LOG.atInfo().addKeyValue("agent", in.agentId()).addKeyValue("place", in.place())
                .addKeyValue("groups", in.groupIds()).log("desktop logged in");
    }

    /** The connection closed: its agent's desktop records go back to the list and he is logged out. */
    void onClose(DesktopConnection c) {
        String agentId = c.agentId();
        if (agentId != null && byAgent.remove(agentId, c)) {
            engine.accept(new Event.DesktopGone(clockMs.getAsLong(), agentId));
            LOG.atInfo().addKeyValue("agent", agentId).log("desktop disconnected");
        }
    }

    /** Delivers an engine notification to the agent's desktop; runs on the engine thread and never blocks. */
    public void deliver(Command.NotifyAgent n) {
        DesktopConnection c = byAgent.get(n.agentId());
        if (c != null) {
            c.send(n.event(), n.attributes());
        }
    }

    public int connectedAgents() {
        return byAgent.size();
    }

    private void error(DesktopConnection c, String type, Object ref, ProtocolException e) {
        errors.increment();
        c.send(Replies.errorEvent(e.code()), Replies.error(applicationId, type, ref, e));
    }
}
