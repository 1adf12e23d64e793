package org.outdial.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.outdial.attempt.CallAttempt;
import org.outdial.callback.BusinessHours;
import org.outdial.callback.Callback;
import org.outdial.callback.CallbackLifecycle;
import org.outdial.callback.CallbackReportEvent;
import org.outdial.callback.CallbackRequest;
import org.outdial.callback.CallbackService;
import org.outdial.callback.CbKey;
import org.outdial.callback.ReportingKeys;
import org.outdial.record.CallResult;
import org.outdial.report.DetailRow;
import org.outdial.report.SummaryRow;
import org.outdial.report.TransformResult;

class ReportPipelineTest extends StoreTestBase {

    static final long T0 = Instant.parse("2026-03-02T10:00:00Z").toEpochMilli();

    private final CallbackService service = CallbackService.defaults(1, "support", BusinessHours.always(NEW_YORK))
            .withStorage(7, 1, 1);

    private List<CallbackReportEvent> connected(String id, long at) {
        Callback cb = CallbackLifecycle.create(id, service, CallbackRequest.parse(Map.of("_customer_number", "5550100",
                "_cb_ewt_when_callback_was_offered", "120")), at);
        List<CallbackReportEvent> events = new ArrayList<>(List.of(ReportingKeys.start(cb, "support")));
        cb = CallbackLifecycle.dialing(cb, "a1", 0, at + 10_000);
        cb = CallbackLifecycle.attemptEnded(cb, service, CallResult.BUSY, false, true, at + 10_000, at + 20_000).callback();
        cb = CallbackLifecycle.dialing(cb, "a2", 0, at + 320_000);
        cb = CallbackLifecycle.agentConnected(cb, "agent1", at + 330_000);
        cb = CallbackLifecycle.attemptEnded(cb, service, CallResult.ANSWER, true, true, at + 320_000, at + 400_000)
                .callback();
        events.add(ReportingKeys.end(cb, "support"));
        return events.stream().map(e -> new CallbackReportEvent(e.kind(), e.callbackId(), e.serviceId(), tenant.id(),
                e.atMs(), withTenant(e.keys()))).toList();
    }

    private Map<String, String> withTenant(Map<String, String> kv) {
        Map<String, String> m = new java.util.LinkedHashMap<>(kv);
        m.put(CbKey.TENANT_DBID.key(), Long.toString(tenant.id()));
        return m;
    }

    @Test
    void rawEventsBecomeOneFactPerCallbackWithItsAttemptsAndTheSummaryCountsThem() {
        store.reports().appendRaw(connected("cb-1", T0));
        store.reports().appendRaw(connected("cb-2", T0 + 60_000));

        TransformResult r = store.reports().transform(1000);

        assertThat(r.rawEvents()).isEqualTo(4);
        assertThat(r.facts()).isEqualTo(2);
        List<DetailRow> details = store.reports().details(tenant.id(), null, T0 - 1, T0 + 86_400_000, 10);
        assertThat(details).extracting(DetailRow::serviceId).containsExactly("cb-1", "cb-2");
        DetailRow d = details.getFirst();
        assertThat(d.dialResults()).containsExactly("BUSY", "CONNECTED");
        assertThat(d.disposition()).isEqualTo("COMPLETED.CONNECTED");
        assertThat(d.attempts()).isEqualTo(2);
        assertThat(d.finalRecord()).isTrue();
        assertThat(d.ewtWhenOfferedSec()).isEqualTo(120);
        List<SummaryRow> summary = store.reports().summary(tenant.id(), null, T0 - 3_600_000, T0 + 86_400_000, false);
        assertThat(summary).hasSize(1);
        assertThat(summary.getFirst().offered()).isEqualTo(2);
        assertThat(summary.getFirst().connected()).isEqualTo(2);
        assertThat(summary.getFirst().attempts()).isEqualTo(4);
        assertThat(summary.getFirst().failed()).isZero();
    }

    @Test
    void reRunningTheTransformChangesNothing() {
        store.reports().appendRaw(connected("cb-1", T0));
        store.reports().transform(1);
        assertThat(store.reports().transform(1)).isEqualTo(new TransformResult(0, 0, 0, 0));
        assertThat(store.reports().details(tenant.id(), null, 0, Long.MAX_VALUE / 2, 10)).hasSize(1);
    }

    @Test
    void anEndEventTransformedLaterReplacesTheFactOfItsStartEvent() {
        List<CallbackReportEvent> events = connected("cb-1", T0);
        store.reports().appendRaw(List.of(events.get(0)));
        store.reports().transform(100);
        assertThat(store.reports().details(tenant.id(), null, 0, Long.MAX_VALUE / 2, 10).getFirst().finalRecord()).isFalse();
        store.reports().appendRaw(List.of(events.get(1)));
        TransformResult r = store.reports().transform(100);
        assertThat(r.facts()).isEqualTo(1);
        List<DetailRow> details = store.reports().details(tenant.id(), null, 0, Long.MAX_VALUE / 2, 10);
        assertThat(details).hasSize(1);
        assertThat(details.getFirst().finalRecord()).isTrue();
    }

    @Test
    void sessionsSplitAcrossSmallBatchesWrittenAtOnceEndAsOneFinalFactEach() {
        // each callback's end arrives after the starts of the next five, so most batches continue sessions of the
        // batch before, which on PostgreSQL another connection may still be writing
        List<CallbackReportEvent> all = new ArrayList<>();
        for (int i = 0; i < 65; i++) {
            if (i < 60) {
                all.add(connected("cb-" + i, T0 + i * 60_000L).getFirst());
            }
            if (i >= 5) {
                all.add(connected("cb-" + (i - 5), T0 + (i - 5) * 60_000L).getLast());
            }
        }
        store.reports().appendRaw(all);

        TransformResult r = store.reports().transform(7);

        assertThat(r.rawEvents()).isEqualTo(120);
        List<DetailRow> details = store.reports().details(tenant.id(), null, 0, Long.MAX_VALUE / 2, 100);
        assertThat(details).hasSize(60).allSatisfy(d -> {
            assertThat(d.finalRecord()).isTrue();
            assertThat(d.attempts()).isEqualTo(2);
        });
        assertThat(store.reports().summary(tenant.id(), null, 0, Long.MAX_VALUE / 2, false).stream()
                .mapToLong(SummaryRow::offered).sum()).isEqualTo(60);
        assertThat(store.reports().transform(7)).isEqualTo(new TransformResult(0, 0, 0, 0));
    }

    @Test
    void aBulkAppendOnPostgresqlVacuumsTheRawEventsItWroteSoTheTransformDoesNotPayForThem() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(kind == TestDatabases.Kind.POSTGRES, "H2 has no vacuum");
        List<CallbackReportEvent> all = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            all.addAll(connected("cb-" + i, T0 + i * 60_000L));
        }
        store.reports().appendRaw(all);

        // (whether the pages also become all-visible depends on the commit being flushed: the test server commits
        // asynchronously, so the vacuum itself is what is checked)
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(store.settings().jdbcUrl(),
                store.settings().user(), store.settings().password());
             java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT vacuum_count FROM pg_stat_user_tables"
                     + " WHERE relname = 'callback_raw_events'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isPositive();
        }
        assertThat(store.reports().transform(1000).facts()).isEqualTo(200);
    }

    @Test
    void aSessionMissingAMandatoryKeyIsRefusedAndReportedNotDropped() {
        CallbackReportEvent good = connected("cb-1", T0).getFirst();
        Map<String, String> kv = new java.util.LinkedHashMap<>(good.keys());
        kv.remove(CbKey.T_SERVICE_START.key());
        kv.remove(CbKey.N_CALLBACK_OFFERED.key());
        store.reports().appendRaw(List.of(new CallbackReportEvent(good.kind(), "cb-bad", 7, tenant.id(), T0, kv)));

        TransformResult r = store.reports().transform(100);

        assertThat(r.rejected()).isEqualTo(1);
        assertThat(r.facts()).isZero();
        assertThat(store.reports().rejections(tenant.id(), 10)).singleElement().satisfies(rej -> {
            assertThat(rej.sessionId()).isEqualTo("cb-bad");
            assertThat(rej.missingKeys()).containsExactly("_CB_T_SERVICE_START", "_CB_N_CALLBACK_OFFERED");
        });
    }

    @Test
    void campaignReportsCountAttemptsPerGroupListAndHour() {
        var list = createList("calls");
        var agents = store.config().createAgentGroup(new org.outdial.agent.AgentGroup(0, tenant.id(), "a", List.of()));
        var campaign = store.config().createCampaign(new org.outdial.campaign.Campaign(0, tenant.id(), "c", null,
                List.of(new org.outdial.campaign.CampaignList(list.id(), 100, true)), List.of(), "1", null, 0));
        var group = store.config().createCampaignGroup(new org.outdial.campaign.CampaignGroup(0, tenant.id(), "g",
                campaign.id(), agents.id(), org.outdial.campaign.DialMode.PROGRESSIVE,
                org.outdial.campaign.OptimizationMethod.OVERDIAL_RATE, 3, 1, 10, Map.of(), 0));
        Instant t = Instant.ofEpochMilli(T0);
        store.attempts().save(new CallAttempt(UUID.randomUUID(), list.id(), 1, 1, group.id(), "agent1", "+1",
                CallResult.ANSWER, t, t, t.plusSeconds(5), t.plusSeconds(6), t.plusSeconds(66), t.plusSeconds(96), null));
        store.attempts().save(new CallAttempt(UUID.randomUUID(), list.id(), 2, 2, group.id(), null, "+2",
                CallResult.ABANDONED, t, t, t.plusSeconds(5), null, null, null, null));
        store.attempts().save(new CallAttempt(UUID.randomUUID(), list.id(), 3, 3, group.id(), null, "+3",
                CallResult.BUSY, t, t, null, null, null, null, null));

        var rows = store.reports().campaignHourly(tenant.id(), null, T0 - 1, T0 + 3_600_000);

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.dials()).isEqualTo(3);
            assertThat(row.connects()).isEqualTo(1);
            assertThat(row.abandons()).isEqualTo(1);
            assertThat(row.abandonRate()).isEqualTo(0.5);
            assertThat(row.talkSec()).isEqualTo(60);
            assertThat(row.wrapSec()).isEqualTo(30);
            assertThat(row.results()).containsEntry("BUSY", 1L).containsEntry("ANSWER", 1L);
            assertThat(row.busyFactor()).isEqualTo(0.025);
        });
        assertThat(store.reports().agentProductivity(tenant.id(), group.id(), T0 - 1, T0 + 3_600_000))
                .singleElement().satisfies(a -> assertThat(a.talkSec()).isEqualTo(60));
        assertThat(store.reports().penetration(list.id())).isEmpty();
    }
}
