package org.outdial.server.api;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Optional;
import org.outdial.server.dialing.DialingRuntime;
import org.outdial.server.dialing.GroupSnapshot;
import org.outdial.server.http.Access;
import org.outdial.server.http.ApiException;
import org.outdial.server.http.Caller;
import org.outdial.sim.Planner;
import org.outdial.stats.GroupStatsView;
import org.outdial.store.Store;

/**
 * The what-if planner over HTTP: {@code POST /api/v1/plan} with given rates, and
 * {@code GET /api/v1/campaign-groups/{id}/plan?agents=N} with the group's learned hit ratio (live answers ÷ dials of
 * its running session) where it has one. Both answer {@link Planner.Result} as JSON.
 */
public final class PlanApi {

    /** Fewer dials than this teach too little: the request's (or the model's) rate stays. */
    private static final long MIN_DIALS = 200;

    private final Store store;
    private final DialingRuntime runtime;

    public PlanApi(Store store, DialingRuntime runtime) {
        this.store = store;
        this.runtime = runtime;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.post(ReadApi.PREFIX + "/plan", this::plan, Access.READ);
        routes.get(ReadApi.PREFIX + "/campaign-groups/{groupId}/plan", this::groupPlan, Access.READ);
    }

    /** The body: the fields of {@link Planner.Request}; missing ones take the demo call model's values. */
    record PlanBody(Integer agents, Double shiftHours, Integer days, Double liveRate, Double machineRate, Double talkS,
                    Double wrapS, Boolean amd, Long records, Integer seeds) {}

    private void plan(Context ctx) {
        PlanBody b;
        try {
            b = ctx.bodyAsClass(PlanBody.class);
        } catch (RuntimeException e) {
            throw ApiException.badRequest("the body must be a JSON object with the plan's fields (agents, shiftHours, "
                    + "days, liveRate, machineRate, talkS, wrapS, amd, records, seeds): " + e.getMessage());
        }
        if (b == null || b.agents() == null) {
            throw ApiException.badRequest("agents is required");
        }
        ctx.json(run(b.agents(), or(b.shiftHours(), 8.0), or(b.days(), 1), or(b.liveRate(), 0.3),
                or(b.machineRate(), 0.2), or(b.talkS(), 120.0), or(b.wrapS(), 30.0), or(b.amd(), false),
                or(b.records(), 0L), or(b.seeds(), 5)));
    }

    private void groupPlan(Context ctx) {
        long id = PathParams.id(ctx, "groupId");
        store.config().findCampaignGroup(Caller.of(ctx).tenantId(), id)
                .orElseThrow(() -> ApiException.notFound("campaign group " + id));
        Integer agents = intParam(ctx, "agents");
        if (agents == null) {
            throw ApiException.badRequest("query parameter agents is required");
        }
        GroupStatsView stats = runtime.snapshot(id).map(GroupSnapshot::stats).orElse(GroupStatsView.EMPTY);
        double live = stats.dials() >= MIN_DIALS ? Math.max(0.001, (double) stats.liveAnswers() / stats.dials())
                : or(doubleParam(ctx, "liveRate"), 0.3);
        ctx.json(run(agents, or(doubleParam(ctx, "shiftHours"), 8.0), or(intParam(ctx, "days"), 1), live,
                Math.min(1 - live, or(doubleParam(ctx, "machineRate"), 0.2)), or(doubleParam(ctx, "talkS"), 120.0),
                or(doubleParam(ctx, "wrapS"), 30.0), Boolean.parseBoolean(ctx.queryParam("amd")),
                or(longParam(ctx, "records"), 0L), or(intParam(ctx, "seeds"), 5)));
    }

    private static Planner.Result run(int agents, double hours, int days, double live, double machine, double talk,
                                      double wrap, boolean amd, long records, int seeds) {
        try {
            return Planner.plan(new Planner.Request(agents, hours, days, live, machine, talk, wrap, amd, records,
                    seeds));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    private static Integer intParam(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).map(v -> parse(name, v, Integer::valueOf)).orElse(null);
    }

    private static Long longParam(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).map(v -> parse(name, v, Long::valueOf)).orElse(null);
    }

    private static Double doubleParam(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).map(v -> parse(name, v, Double::valueOf)).orElse(null);
    }

    private static <T> T parse(String name, String value, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(value.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("query parameter " + name + " '" + value + "' is not a number");
        }
    }
}
