package org.outdial.server.admin;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.outdial.campaign.Campaign;
import org.outdial.list.CallingList;
import org.outdial.record.CallResult;
import org.outdial.record.CallingRecord;
import org.outdial.record.CallingWindow;
import org.outdial.record.ContactInfoType;
import org.outdial.record.RecordStatus;
import org.outdial.record.RecordType;
import org.outdial.server.http.Access;
import org.outdial.server.http.ApiException;
import org.outdial.server.http.Caller;
import org.outdial.store.Store;
import org.outdial.treatment.Treatment;
import org.outdial.treatment.TreatmentOutcome;
import org.outdial.treatment.TreatmentPlanner;

/**
 * {@code GET /api/v1/campaigns/{id}/treatment-preview}: for a sample record of the campaign's first list, what the
 * campaign's treatments do after each call result — the engine's own planner, run on a copy, nothing written.
 */
public final class TreatmentPreviewApi {

    private final Store store;

    public TreatmentPreviewApi(Store store) {
        this.store = store;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/api/v1/campaigns/{campaignId}/treatment-preview", this::preview, Access.READ);
    }

    record Outcome(String callResult, String recordStatus, String recordType, Long dueInMinutes, String chainStep,
                   Long chainNextInMinutes, String treatment, String callAction) {}

    private void preview(Context ctx) {
        long tenantId = Caller.of(ctx).tenantId();
        long id = Ids.path(ctx, "campaignId");
        Campaign campaign = store.config().findCampaign(tenantId, id)
                .orElseThrow(() -> ApiException.notFound("campaign " + id));
        int attempt = intParam(ctx, "attempt", 1, 1000, 1);
        CallResult previous = ctx.queryParam("previousResult") == null ? CallResult.UNKNOWN_CALL_RESULT
                : enumParam(ctx.queryParam("previousResult"));
        CallingList list = campaign.lists().isEmpty() ? null
                : store.lists().find(tenantId, campaign.lists().get(0).listId()).orElse(null);
        int maxAttempts = list == null ? 0 : list.maxAttempts();
        ZoneId zone = list == null ? ZoneId.of("UTC") : list.defaultTimeZone();
        List<Treatment> treatments = store.config().treatments(tenantId).stream()
                .filter(t -> campaign.treatmentIds().contains(t.id())).toList();
        TreatmentPlanner planner = new TreatmentPlanner(treatments);
        long now = Instant.now().toEpochMilli();
        CallingRecord sample = new CallingRecord(1, list == null ? 0 : list.id(), "+10000000000",
                ContactInfoType.HOME_PHONE, RecordType.GENERAL, RecordStatus.RETRIEVED, previous, attempt, null,
                Instant.ofEpochMilli(now), new CallingWindow(0, 24 * 3600), zone, campaign.id(), null, 1, 1, null, null,
                "", null, Map.of());
        List<Outcome> outcomes = new ArrayList<>();
        for (CallResult result : CallResult.values()) {
            TreatmentOutcome o = planner.apply(sample, previous, result, now, 1, maxAttempts, 0);
            CallingRecord r = o.record();
            Long due = r.recordStatus() == RecordStatus.READY && r.dialSchedTime() != null
                    ? Math.round((r.dialSchedTime().toEpochMilli() - now) / 60_000.0) : null;
            String step = switch (o.chainStep()) {
                case TreatmentOutcome.ChainStep.None n -> "NONE";
                case TreatmentOutcome.ChainStep.NextInChain n -> "NEXT_IN_CHAIN";
                case TreatmentOutcome.ChainStep.FinalizeChain f -> "FINALIZE_CHAIN";
            };
            Long next = o.chainStep() instanceof TreatmentOutcome.ChainStep.NextInChain n
                    ? Math.round((n.dueAtMs() - now) / 60_000.0) : null;
            outcomes.add(new Outcome(result.name(), r.recordStatus().name(), r.recordType().name(), due, step, next,
                    o.applied() == null ? null : o.applied().name(),
                    planner.callAction(result).map(t -> t.callAction().name() + " " + t.destinationDn()).orElse(null)));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("campaignId", campaign.id());
        answer.put("attempt", attempt);
        answer.put("previousResult", previous.name());
        answer.put("maxAttempts", maxAttempts);
        answer.put("outcomes", outcomes);
        ctx.json(answer);
    }

    private static int intParam(Context ctx, String name, int min, int max, int fallback) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // the 400 below
        }
        throw new FieldException(name, "query parameter '" + name + "' must be an integer " + min + ".." + max);
    }

    private static CallResult enumParam(String text) {
        try {
            return CallResult.valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new FieldException("previousResult", "query parameter 'previousResult' must be a call result",
                    Body.names(CallResult.class));
        }
    }
}
