package org.outdial.server.report;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.outdial.report.AgentRow;
import org.outdial.report.CampaignHourRow;
import org.outdial.report.DetailRow;
import org.outdial.report.PenetrationRow;
import org.outdial.report.SummaryRow;
import org.outdial.server.http.Access;
import org.outdial.server.http.ApiException;
import org.outdial.server.http.Caller;
import org.outdial.store.Store;

/**
 * Reports under {@code /api/v1/reports}: Callback Summary and Callback Details, the transform's rejections, outbound
 * campaign reports from the call-attempt history (per campaign group, list and hour; per agent) and list penetration.
 * {@code format=csv} answers a CSV download instead of JSON. Ranges are {@code from} (required) and {@code to}
 * (default now), ISO-8601 UTC, at most 400 days.
 */
public final class ReportApi {

    static final String PREFIX = "/api/v1/reports";
    private static final long RANGE_MAX_MS = 400L * 86_400_000L;

    private final Store store;
    private final ReportTransformer transformer;

    public ReportApi(Store store, ReportTransformer transformer) {
        this.store = store;
        this.transformer = transformer;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.get(PREFIX + "/callback-summary", this::summary, Access.READ);
        routes.get(PREFIX + "/callback-details", this::details, Access.READ);
        routes.get(PREFIX + "/callback-rejections", this::rejections, Access.READ);
        routes.post(PREFIX + "/callback-transform", this::transform, Access.ADMIN);
        routes.get(PREFIX + "/campaigns", this::campaigns, Access.READ);
        routes.get(PREFIX + "/agents", this::agents, Access.READ);
        routes.get(PREFIX + "/lists/{listId}/penetration", this::penetration, Access.READ);
        // the page holds no data: it asks for a token and reads the JSON routes above with it
        routes.get("/reports/callbacks", ctx -> ctx.html(page()), Access.PUBLIC);
    }

    private static String page() {
        try (var in = ReportApi.class.getResourceAsStream("callback-reports.html")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("the callback report page is missing from the build", e);
        }
    }

    private record Range(long fromMs, long toMs) {}

    private static Range range(Context ctx) {
        String from = ctx.queryParam("from");
        if (from == null || from.isBlank()) {
            throw ApiException.badRequest("query parameter 'from' is required (ISO-8601 UTC, e.g. 2026-03-01T00:00:00Z)");
        }
        long f = instant("from", from);
        String to = ctx.queryParam("to");
        long t = to == null || to.isBlank() ? System.currentTimeMillis() : instant("to", to);
        if (t <= f) {
            throw ApiException.badRequest("query parameter 'to' must be after 'from'");
        }
        if (t - f > RANGE_MAX_MS) {
            throw ApiException.badRequest("the range from 'from' to 'to' is longer than 400 days; ask for less");
        }
        return new Range(f, t);
    }

    private static long instant(String name, String text) {
        try {
            return Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("query parameter '" + name + "' must be ISO-8601 UTC like 2026-03-01T00:00:00Z,"
                    + " got '" + text + "'");
        }
    }

    private static boolean csv(Context ctx) {
        String f = ctx.queryParam("format");
        if (f == null || f.equals("json")) {
            return false;
        }
        if (f.equals("csv")) {
            return true;
        }
        throw ApiException.badRequest("query parameter 'format' must be json or csv, got '" + f + "'");
    }

    private static void csvResponse(Context ctx, String name, String body) {
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"");
        ctx.result(body);
    }

    private Long serviceId(Context ctx) {
        String name = ctx.queryParam("service");
        if (name == null) {
            return null;
        }
        return store.callbacks().service(Caller.of(ctx).tenantId(), name).map(s -> s.id())
                .orElseThrow(() -> ApiException.notFound("callback service '" + name + "'"));
    }

    private static Long longParam(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null) {
            return null;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("query parameter '" + name + "' must be an integer id, got '" + v + "'");
        }
    }

    private void summary(Context ctx) {
        Range r = range(ctx);
        String granularity = ctx.queryParam("granularity") == null ? "day" : ctx.queryParam("granularity");
        if (!granularity.equals("day") && !granularity.equals("hour")) {
            throw ApiException.badRequest("query parameter 'granularity' must be day or hour, got '" + granularity + "'");
        }
        List<SummaryRow> rows = store.reports().summary(Caller.of(ctx).tenantId(), serviceId(ctx), r.fromMs(), r.toMs(),
                granularity.equals("hour"));
        if (!csv(ctx)) {
            ctx.json(rows);
            return;
        }
        List<List<Object>> lines = new ArrayList<>();
        for (SummaryRow s : rows) {
            lines.add(List.of(s.serviceId(), s.serviceName(), Instant.ofEpochMilli(s.periodStartMs()).toString(),
                    s.offered(), s.accepted(), s.abandonedDuringOffer(), s.attempts(), s.connected(), s.completed(),
                    s.failed(), failed(s.failedByDisposition()), nullable(s.avgWaitOfflineSec()),
                    nullable(s.avgConnectedWaitingAgentSec()), nullable(s.avgEwtWhenOfferedSec()),
                    nullable(s.avgOfferTimeSec())));
        }
        csvResponse(ctx, "callback-summary", Csv.of(List.of("service_id", "service", "period_start", "offered",
                "accepted", "abandoned_during_offer", "attempts", "connected", "completed", "failed",
                "failed_by_disposition", "avg_wait_offline_sec", "avg_connected_waiting_agent_sec",
                "avg_ewt_when_offered_sec", "avg_offer_time_sec"), lines));
    }

    private static String failed(Map<String, Long> byDisposition) {
        return String.join(";", byDisposition.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }

    private static Object nullable(Object o) {
        return o == null ? "" : o;
    }

    private void details(Context ctx) {
        Range r = range(ctx);
        Long limitParam = longParam(ctx, "limit");
        int limit = limitParam == null ? 1000 : (int) Math.max(1, Math.min(100_000, limitParam));
        List<DetailRow> rows = store.reports().details(Caller.of(ctx).tenantId(), serviceId(ctx), r.fromMs(), r.toMs(),
                limit);
        if (!csv(ctx)) {
            ctx.json(rows);
            return;
        }
        List<List<Object>> lines = new ArrayList<>();
        for (DetailRow d : rows) {
            List<Object> line = new ArrayList<>(List.of(d.serviceId(), d.serviceName(), ts(d.serviceStartTs()),
                    ts(d.callbackOfferedTs()), ts(d.callbackAcceptedTs()), ts(d.readyToStartTs()),
                    ts(d.customerConnectedTs()), ts(d.serviceEndTs()), d.attempts()));
            for (int n = 0; n < 5; n++) {
                line.add(n < d.dialResults().size() ? d.dialResults().get(n) : "");
                line.add(n < d.dialTs().size() ? ts(d.dialTs().get(n)) : "");
            }
            line.addAll(List.of(nullable(d.finalDialResult()), nullable(d.disposition()), d.channel(), d.callbackType(),
                    d.connectOrder(), d.waitAgentOfflineSec(), d.ewtWhenOfferedSec(), d.finalRecord() ? 1 : 0));
            lines.add(line);
        }
        List<String> header = new ArrayList<>(List.of("service_id", "service", "service_start", "callback_offered",
                "callback_accepted", "ready_to_start", "customer_connected", "service_end", "attempts"));
        for (int n = 1; n <= 5; n++) {
            header.add("dial_" + n + "_result");
            header.add("dial_" + n + "_time");
        }
        header.addAll(List.of("final_dial_result", "disposition", "channel", "callback_type", "connect_order",
                "wait_agent_offline_sec", "ewt_when_offered_sec", "final_record"));
        csvResponse(ctx, "callback-details", Csv.of(header, lines));
    }

    private static String ts(Long epochSec) {
        return epochSec == null ? "" : Instant.ofEpochSecond(epochSec).toString();
    }

    private void rejections(Context ctx) {
        ctx.json(store.reports().rejections(Caller.of(ctx).tenantId(), 1000));
    }

    private void transform(Context ctx) {
        ctx.json(transformer.run());
    }

    private void campaigns(Context ctx) {
        Range r = range(ctx);
        List<CampaignHourRow> rows = store.reports().campaignHourly(Caller.of(ctx).tenantId(), longParam(ctx, "group"),
                r.fromMs(), r.toMs());
        if (!csv(ctx)) {
            ctx.json(rows);
            return;
        }
        List<List<Object>> lines = new ArrayList<>();
        for (CampaignHourRow c : rows) {
            lines.add(List.of(c.groupId(), c.listId(), Instant.ofEpochMilli(c.hourStartMs()).toString(), c.dials(),
                    failed(c.results()), c.connects(), c.abandons(), nullable(c.abandonRate()), c.talkSec(),
                    c.wrapSec(), c.agents(), nullable(c.busyFactor())));
        }
        csvResponse(ctx, "campaigns", Csv.of(List.of("campaign_group_id", "list_id", "hour", "dials", "results",
                "connects", "abandons", "abandon_rate", "talk_sec", "wrap_sec", "agents", "busy_factor"), lines));
    }

    private void agents(Context ctx) {
        Range r = range(ctx);
        List<AgentRow> rows = store.reports().agentProductivity(Caller.of(ctx).tenantId(), longParam(ctx, "group"),
                r.fromMs(), r.toMs());
        if (!csv(ctx)) {
            ctx.json(rows);
            return;
        }
        csvResponse(ctx, "agents", Csv.of(List.of("agent_id", "calls", "talk_sec", "wrap_sec", "avg_talk_sec",
                "avg_wrap_sec"), rows.stream().map(a -> List.<Object>of(a.agentId(), a.calls(), a.talkSec(), a.wrapSec(),
                nullable(a.avgTalkSec()), nullable(a.avgWrapSec()))).toList()));
    }

    private void penetration(Context ctx) {
        long listId;
        try {
            listId = Long.parseLong(ctx.pathParam("listId"));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("path parameter 'listId' must be an integer id, got '" + ctx.pathParam("listId") + "'");
        }
        store.lists().find(Caller.of(ctx).tenantId(), listId)
                .orElseThrow(() -> ApiException.notFound("calling list " + listId));
        List<PenetrationRow> rows = store.reports().penetration(listId);
        if (!csv(ctx)) {
            ctx.json(rows);
            return;
        }
        csvResponse(ctx, "penetration", Csv.of(List.of("record_status", "attempts", "records"),
                rows.stream().map(p -> List.<Object>of(p.recordStatus(), p.attempts(), p.records())).toList()));
    }
}
