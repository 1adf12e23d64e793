package org.outdial.server.dialing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outdial.agent.AgentGroup;
import org.outdial.attempt.CallAttempt;
import org.outdial.campaign.Campaign;
import org.outdial.campaign.CampaignGroup;
import org.outdial.campaign.CampaignList;
import org.outdial.campaign.DialMode;
import org.outdial.campaign.OptimizationMethod;
import org.outdial.list.CallingList;
import org.outdial.list.NewCallingList;
import org.outdial.record.CallResult;
import org.outdial.record.CallingRecord;
import org.outdial.record.CallingWindow;
import org.outdial.record.NewRecord;
import org.outdial.record.RecordStatus;
import org.outdial.sip.AgentPhones;
import org.outdial.sip.CallResultTable;
import org.outdial.sip.Registrations;
import org.outdial.sip.SipSwitch;
import org.outdial.sip.SipSwitchConfig;
import org.outdial.sip.Sipp;
import org.outdial.sip.Trunk;
import org.outdial.store.RecordWriter;
import org.outdial.store.Store;
import org.outdial.store.jdbc.TestDatabases;
import org.outdial.tenant.Tenant;
import org.outdial.treatment.CallAction;
import org.outdial.treatment.RecordAction;
import org.outdial.treatment.Treatment;

/**
 * A progressive campaign through the engine and the SIP switch against sipp: one number answers and is bridged to an
 * agent's phone, one is busy (retried by treatment), one does not exist. Trunks are chosen by number prefix, so each
 * sipp "customer network" gets exactly its number.
 */
class SipCampaignTest {

    private static final int APP_ID = 3;
    private static final String ANSWER = "+14155550010";
    private static final String BUSY = "+14155550020";
    private static final String INVALID = "+14155550030";

    @TempDir
    Path dir;

    private Store store;
    private DialingRuntime runtime;
    private final List<Sipp> sipps = new java.util.ArrayList<>();

    @AfterEach
    void closeAll() {
        if (runtime != null) {
            runtime.stop(Duration.ofSeconds(5));
        }
        sipps.forEach(Sipp::close);
        if (store != null) {
            store.close();
        }
    }

    private Sipp sipp(String scenario, Map<String, String> vars) {
        Sipp s = Sipp.uas(scenario, vars, dir);
        sipps.add(s);
        return s;
    }

    private static Trunk trunk(String name, int port, String prefix) {
        return new Trunk(name, "127.0.0.1", port, Trunk.Transport.UDP, Optional.empty(), Optional.empty(), 100, 100,
                List.of(prefix), Optional.empty(), org.outdial.sip.AmdSource.NONE, CallResultTable.defaults(),
                Trunk.DEFAULT_MAX_CALL_DURATION_MS);
    }

    @Test
    void a_progressive_campaign_dials_over_sip_bridges_answers_and_applies_treatments() {
        store = TestDatabases.open(TestDatabases.Kind.H2, dir);
        Tenant tenant = store.tenants().create("t", null);
        CallingList list = store.lists().create(new NewCallingList(tenant.id(), "customers", null, List.of(),
                ZoneOffset.UTC, new CallingWindow(0, CallingWindow.DAY_SEC), "US", 5));
        try (RecordWriter writer = store.lists().openWriter(list.id())) {
            for (String phone : List.of(ANSWER, BUSY, INVALID)) {
                writer.append(NewRecord.ready(phone, list.defaultWindow(), list.defaultTimeZone(), null, 0, null,
                        Map.of()));
            }
            writer.commit();
        }
        Treatment busy = store.config().createTreatment(new Treatment(0, tenant.id(), "busy", CallResult.BUSY,
                RecordAction.RETRY_IN, CallAction.NONE, null, 1, 3, 30, 30, null, 0));
        AgentGroup agents = store.config().createAgentGroup(new AgentGroup(0, tenant.id(), "agents", List.of()));
        Campaign campaign = store.config().createCampaign(new Campaign(0, tenant.id(), "campaign", null,
                List.of(new CampaignList(list.id(), 100, true)), List.of(busy.id()), "18005550100", null, 0));
        CampaignGroup group = store.config().createCampaignGroup(new CampaignGroup(0, tenant.id(), "c@a",
                campaign.id(), agents.id(), DialMode.PROGRESSIVE, OptimizationMethod.OVERDIAL_RATE, 3, 10, 40,
                Map.of(), 0));

        int switchPort = Sipp.freePort();
        String outdial = "127.0.0.1:" + switchPort;
        Sipp answering = sipp("customer-bridge", Map.of("callerId", "18005550100", "ringMs", "300",
                "outdial", outdial));
        Sipp agentPhone = sipp("agent-answer", Map.of("talkMs", "500", "outdial", outdial));
        Sipp busyNet = sipp("customer-reject", Map.of("status", "486 Busy Here", "reason", "", "outdial", outdial));
        Sipp invalidNet = sipp("customer-reject", Map.of("status", "404 Not Found",
                "reason", "Reason: Q.850;cause=1", "outdial", outdial));
        String phone = "sip:agent@127.0.0.1:" + agentPhone.port;
        SipSwitchConfig config = SipSwitchConfig.of("127.0.0.1", switchPort,
                List.of(trunk("answer", answering.port, ANSWER), trunk("busy", busyNet.port, BUSY),
                        trunk("invalid", invalidNet.port, INVALID)),
                new AgentPhones(Map.of("a1", phone, "a2", phone, "a3", phone), Map.of(),
                        new Registrations(System::currentTimeMillis, 10)));
        SipSwitch sip = SipSwitch.start(config, System::currentTimeMillis);
        runtime = DialingRuntime.start(store, APP_ID, sip, 1.0, System::currentTimeMillis,
                RandomGeneratorFactory.of("L64X128MixRandom").create(1));
        runtime.startGroup(tenant.id(), group.id(), DialMode.PROGRESSIVE);
        runtime.loginAgents(List.of("a1", "a2", "a3"), group.id());

        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> List.of(ANSWER, BUSY, INVALID).stream()
                    .allMatch(p -> record(list.id(), p).callResult() != null
                            && record(list.id(), p).recordStatus() != org.outdial.record.RecordStatus.RETRIEVED)
                    && runtime.snapshot(group.id()).map(g -> g.callsInProgress() == 0).orElse(false));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            StringBuilder state = new StringBuilder("records: ");
            for (String p : List.of(ANSWER, BUSY, INVALID)) {
                state.append(store.lists().search(list.id(), p, null, 1)).append('\n')
                        .append(attempt(list.id(), p)).append('\n');
            }
            state.append(runtime.snapshot(group.id())).append('\n');
            sipps.forEach(s -> state.append(s.log()));
            throw new AssertionError(state.toString(), e);
        }

        // The call-attempt history is written by the feeds, which this runtime-level test does not start; each record
        // carries its attempt count and time.
        CallingRecord answered = record(list.id(), ANSWER);
        assertThat(answered.callResult()).isEqualTo(CallResult.ANSWER);
        assertThat(answered.recordStatus()).isEqualTo(RecordStatus.UPDATED);
        assertThat(answered.attempt()).isEqualTo(1);
        assertThat(answered.callTime()).isNotNull();
        GroupSnapshot g = runtime.snapshot(group.id()).orElseThrow();
        assertThat(g.stats().dials()).isEqualTo(3);
        assertThat(g.stats().connects()).as("the answer reached an agent").isEqualTo(1);
        assertThat(g.stats().abandons()).isZero();

        CallingRecord busyRecord = record(list.id(), BUSY);
        assertThat(busyRecord.callResult()).isEqualTo(CallResult.BUSY);
        assertThat(busyRecord.recordStatus()).as("busy treatment: retried").isEqualTo(RecordStatus.READY);
        assertThat(busyRecord.attempt()).isEqualTo(1);
        assertThat(busyRecord.dialSchedTime()).as("busy treatment: retry in 30 minutes")
                .isAfter(Instant.now().plus(Duration.ofMinutes(25)));
        assertThat(busyRecord.treatments()).as("treatment history").isNotBlank();

        CallingRecord invalid = record(list.id(), INVALID);
        assertThat(invalid.callResult()).isEqualTo(CallResult.SIT_INVALID_NUM);
        assertThat(invalid.recordStatus()).as("no treatment: final").isEqualTo(RecordStatus.UPDATED);
        assertThat(invalid.treatments()).isNull();

        for (Sipp s : List.of(answering, agentPhone, busyNet, invalidNet)) {
            assertThat(s.awaitExit(Duration.ofSeconds(15))).as(s.log()).isZero();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> sip.activeCalls() == 0 && sip.boundLegs() == 0);
    }

    private CallingRecord record(long listId, String phone) {
        return store.lists().search(listId, phone, null, 1).getFirst();
    }

    private Optional<CallAttempt> attempt(long listId, String phone) {
        List<CallingRecord> found = store.lists().search(listId, phone, null, 1);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        List<CallAttempt> attempts = store.attempts().ofRecord(listId, found.getFirst().recordId());
        return attempts.isEmpty() ? Optional.empty() : Optional.of(attempts.getLast());
    }
}
