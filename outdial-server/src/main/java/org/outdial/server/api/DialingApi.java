package org.outdial.server.api;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Instant;
import java.util.Map;
import org.outdial.server.dialing.DialingRuntime;
import org.outdial.server.dialing.GroupSnapshot;
import org.outdial.server.http.Access;
import org.outdial.server.http.ApiException;
import org.outdial.server.http.Caller;
import org.outdial.stats.GroupStatsView;
import org.outdial.store.Store;

/** Read endpoints of running dialing sessions: {@code GET /api/v1/campaign-groups/{id}/stats}. Tenant-scoped. */
public final class DialingApi {

    private final Store store;
    private final DialingRuntime runtime;

    public DialingApi(Store store, DialingRuntime runtime) {
        this.store = store;
        this.runtime = runtime;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.get(ReadApi.PREFIX + "/campaign-groups/{groupId}/stats", this::stats, Access.READ);
    }

    /**
     * The session's state and numbers. A group that was never loaded since the server started answers state
     * {@code NOT_LOADED} and zero counts.
     */
    record StatsView(long campaignGroupId, String state, String dialMode, Instant at, long dials, long liveAnswers,
                     long connects, long abandons, long dialsTimedOut, long recordsStale, Double abandonRate, Double abandonRateToday, Double busyFactor,
                     Double hitRatio, Double averageWaitSec, Long timeToCompleteSec, Map<String, Integer> agents,
                     int ownedRecords) {

        static StatsView of(long groupId, GroupSnapshot s) {
            GroupStatsView v = s.stats();
            Map<String, Integer> agents = new java.util.TreeMap<>();
            s.agents().forEach((state, n) -> agents.put(state.name(), n));
            return new StatsView(groupId, s.state().name(), s.mode() == null ? null : s.mode().name(),
                    Instant.ofEpochMilli(s.atMs()), v.dials(), v.liveAnswers(), v.connects(), v.abandons(),
                    v.dialsTimedOut(), v.recordsStale(), v.overdialRate(), s.abandonRateToday(), v.busyFactor(), v.hitRatio(), v.averageWaitSec(),
                    v.timeToCompleteSec(), agents, s.ownedRecords());
        }

        static StatsView notLoaded(long groupId) {
            return new StatsView(groupId, "NOT_LOADED", null, null, 0, 0, 0, 0, 0, 0, null, null, null, null, null, null,
                    Map.of(), 0);
        }
    }

    private void stats(Context ctx) {
        long id = PathParams.id(ctx, "groupId");
        store.config().findCampaignGroup(Caller.of(ctx).tenantId(), id)
                .orElseThrow(() -> ApiException.notFound("campaign group " + id));
        ctx.json(runtime.snapshot(id).map(s -> StatsView.of(id, s)).orElse(StatsView.notLoaded(id)));
    }
}
