package org.outdial.server.admin;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.outdial.campaign.CampaignGroup;
import org.outdial.campaign.DialMode;
import org.outdial.engine.SessionState;
import org.outdial.server.OutdialException;
import org.outdial.server.api.ApiViews;
import org.outdial.server.dialing.DialingRuntime;
import org.outdial.server.dialing.GroupSnapshot;
import org.outdial.server.http.Access;
import org.outdial.server.http.ApiException;
import org.outdial.server.http.Caller;
import org.outdial.store.Store;

/**
 * Dialing-session control: load, start, stop, unload and dial-mode change of a campaign group. Each request is posted
 * to the engine; the answer waits (a short while) for the engine's verdict: the new session stats, or 409 with the
 * engine's reason when it refused (e.g. starting a session that is not loaded).
 */
public final class SessionApi {

    private static final String P = "/api/v1/campaign-groups/{groupId}/session";
    private static final Set<String> MODE_FIELDS = Set.of("dialMode");
    /** How long an answer waits for the engine; it handles a request within milliseconds unless overloaded. */
    private static final long VERDICT_WAIT_MS = 3_000;

    private final Store store;
    private final DialingRuntime runtime;
    private final Consumer<CampaignGroup> onLoad;
    private final Auditor audit;

    /** @param onLoad called after a group was loaded (publishes its meters) */
    public SessionApi(Store store, DialingRuntime runtime, Consumer<CampaignGroup> onLoad, Clock clock) {
        this.store = store;
        this.runtime = runtime;
        this.onLoad = onLoad;
        this.audit = new Auditor(store.audit(), clock);
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.post(P + "/load", this::load, Access.ADMIN);
        routes.post(P + "/start", this::start, Access.ADMIN);
        routes.post(P + "/stop", this::stop, Access.ADMIN);
        routes.post(P + "/unload", this::unload, Access.ADMIN);
        routes.put(P + "/dial-mode", this::dialMode, Access.ADMIN);
    }

    private CampaignGroup group(Context ctx) {
        long id = Ids.path(ctx, "groupId");
        return store.config().findCampaignGroup(Caller.of(ctx).tenantId(), id)
                .orElseThrow(() -> ApiException.notFound("campaign group " + id));
    }

    private static boolean loaded(Optional<GroupSnapshot> s) {
        return s.isPresent() && s.get().state() != SessionState.UNLOADED;
    }

    private void load(Context ctx) {
        CampaignGroup g = group(ctx);
        DialMode mode = ctx.body().isBlank() ? null
                : Body.parse(ctx.body(), MODE_FIELDS).enumValue("dialMode", DialMode.class, g.dialMode());
        if (loaded(runtime.snapshot(g.id()))) {
            throw ApiException.conflict("campaign group " + g.id() + " is already "
                    + runtime.snapshot(g.id()).get().state() + "; unload it first");
        }
        long mark = runtime.rejectionMark();
        long before = runtime.snapshot(g.id()).map(GroupSnapshot::atMs).orElse(-1L);
        try {
            runtime.load(g.tenantId(), g.id(), mode);
        } catch (OutdialException e) {
            throw ApiException.conflict(e.getMessage());
        }
        GroupSnapshot s = verdict(g.id(), "LoadSession", mark,
                snap -> snap.atMs() > before && snap.state() != SessionState.UNLOADED);
        onLoad.accept(g);
        answer(ctx, g, "session.load", Map.of("dialMode", String.valueOf(s.mode())), s);
    }

    private void start(Context ctx) {
        CampaignGroup g = group(ctx);
        require(g, SessionState.LOADED, "start", "only a loaded session can start; load it first");
        long mark = runtime.rejectionMark();
        runtime.startDialing(g.id());
        answer(ctx, g, "session.start", Map.of(), verdict(g.id(), "StartDialing", mark,
                snap -> snap.state() == SessionState.RUNNING));
    }

    private void stop(Context ctx) {
        CampaignGroup g = group(ctx);
        require(g, SessionState.RUNNING, "stop", "only a running session can stop");
        long mark = runtime.rejectionMark();
        runtime.stopDialing(g.id());
        answer(ctx, g, "session.stop", Map.of(), verdict(g.id(), "StopDialing", mark,
                snap -> snap.state() == SessionState.LOADED));
    }

    private void unload(Context ctx) {
        CampaignGroup g = group(ctx);
        if (!loaded(runtime.snapshot(g.id()))) {
            throw ApiException.conflict("campaign group " + g.id() + " is not loaded");
        }
        long mark = runtime.rejectionMark();
        runtime.unload(g.id());
        answer(ctx, g, "session.unload", Map.of(), verdict(g.id(), "UnloadSession", mark,
                snap -> snap.state() == SessionState.UNLOADED || snap.state() == SessionState.UNLOADING));
    }

    private void dialMode(Context ctx) {
        CampaignGroup g = group(ctx);
        DialMode mode = Body.parse(ctx.body(), MODE_FIELDS).enumValue("dialMode", DialMode.class, null);
        if (!loaded(runtime.snapshot(g.id()))) {
            throw ApiException.conflict("campaign group " + g.id() + " is not loaded; load it in the mode wanted,"
                    + " or change the group's own dial mode with PUT /api/v1/campaign-groups/" + g.id());
        }
        long mark = runtime.rejectionMark();
        runtime.setDialMode(g.id(), mode);
        answer(ctx, g, "session.dial-mode", Map.of("dialMode", mode.name()), verdict(g.id(), "SetDialMode", mark,
                snap -> snap.mode() == mode));
    }

    private void require(CampaignGroup g, SessionState state, String verb, String hint) {
        SessionState now = runtime.snapshot(g.id()).map(GroupSnapshot::state).orElse(null);
        if (now != state) {
            throw ApiException.conflict("cannot " + verb + " campaign group " + g.id() + ": its session is "
                    + (now == null ? "NOT_LOADED" : now) + "; " + hint);
        }
    }

    /** Waits for a snapshot that shows the change, or the engine's refusal (409), or gives up (the change may follow). */
    private GroupSnapshot verdict(long groupId, String request, long mark, Predicate<GroupSnapshot> done) {
        long deadline = System.nanoTime() + VERDICT_WAIT_MS * 1_000_000;
        while (System.nanoTime() < deadline) {
            Optional<String> refused = runtime.rejectedSince(request, groupId, mark);
            if (refused.isPresent()) {
                throw ApiException.conflict("the engine refused: " + refused.get());
            }
            Optional<GroupSnapshot> s = runtime.snapshot(groupId);
            if (s.isPresent() && done.test(s.get())) {
                return s.get();
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return runtime.snapshot(groupId).orElse(null);
    }

    private void answer(Context ctx, CampaignGroup g, String action, Map<String, Object> detail, GroupSnapshot s) {
        audit.record(ctx, action, g.id(), detail);
        ctx.json(ApiViews.stats(g.id(), s));
    }
}
