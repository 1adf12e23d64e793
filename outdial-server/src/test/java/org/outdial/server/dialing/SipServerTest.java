package org.outdial.server.dialing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.outdial.server.OutdialServer;
import org.outdial.server.config.Settings;
import org.outdial.server.config.SettingsLoader;
import org.outdial.sip.Sipp;
import org.outdial.store.RecordWriter;
import org.outdial.store.Store;
import org.outdial.store.jdbc.TestDatabases;
import org.outdial.tenant.Tenant;
import org.outdial.treatment.CallAction;
import org.outdial.treatment.RecordAction;
import org.outdial.treatment.Treatment;

/**
 * The whole server with {@code switch.type: sip} and a sip.yaml, its feeds running: a short progressive campaign
 * dials sipp "customer networks" (one per number, chosen by trunk prefix) and connects the answer to a sipp agent's
 * phone; the call-attempt history the feeds write shows each attempt's result, and the records their treatments.
 */
class SipServerTest {

    private static final String ANSWER = "+14155550010";
    private static final String BUSY = "+14155550020";
    private static final String INVALID = "+14155550030";

    @TempDir
    Path dir;

    private final List<Sipp> sipps = new ArrayList<>();

    @AfterEach
    void closeSipps() {
        sipps.forEach(Sipp::close);
    }

    private Sipp sipp(String scenario, Map<String, String> vars) {
        Sipp s = Sipp.uas(scenario, vars, dir);
        sipps.add(s);
        return s;
    }

    @Test
    void a_progressive_campaign_over_sip_leaves_the_right_results_and_treatments_in_the_attempt_history()
            throws Exception {
        Store store = TestDatabases.open(TestDatabases.Kind.H2, dir);
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

        int sipPort = Sipp.freePort();
        String outdial = "127.0.0.1:" + sipPort;
        Sipp answering = sipp("customer-bridge", Map.of("callerId", "18005550100", "ringMs", "300",
                "outdial", outdial));
        Sipp agentPhone = sipp("agent-answer", Map.of("talkMs", "500", "outdial", outdial));
        Sipp busyNet = sipp("customer-reject", Map.of("status", "486 Busy Here", "reason", "", "outdial", outdial));
        Sipp invalidNet = sipp("customer-reject", Map.of("status", "404 Not Found",
                "reason", "Reason: Q.850;cause=1", "outdial", outdial));
        String phone = "sip:agent@127.0.0.1:" + agentPhone.port; // one phone: only one call is answered
        Path sipYaml = dir.resolve("sip.yaml");
        Files.writeString(sipYaml, """
                listen: 127.0.0.1
                port: %d
                trunks:
                  - {name: answer, host: 127.0.0.1, port: %d, prefixes: ["%s"]}
                  - {name: busy, host: 127.0.0.1, port: %d, prefixes: ["%s"]}
                  - {name: invalid, host: 127.0.0.1, port: %d, prefixes: ["%s"]}
                agents:
                  agents: {a1: "%s", a2: "%s", a3: "%s"}
                """.formatted(sipPort, answering.port, ANSWER, busyNet.port, BUSY, invalidNet.port, INVALID,
                phone, phone, phone));
        Settings settings = new SettingsLoader(Map.of("http.port", "0", "http.host", "127.0.0.1",
                "data", dir.toString(), "feeds.outcome-port", "0", "switch.type", "sip",
                "switch.sip-config", sipYaml.toString()), Map.of(), null, dir).load();

        try (OutdialServer server = OutdialServer.start(settings, store)) {
            server.startCampaignGroup(group, DialMode.PROGRESSIVE);
            server.dialing().loginAgents(List.of("a1", "a2", "a3"), group.id()); // progressive: 3 dials at once
            try {
                await().atMost(Duration.ofSeconds(40)).until(() -> List.of(ANSWER, BUSY, INVALID).stream()
                        .allMatch(p -> attempt(store, list.id(), p) != null));
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                StringBuilder state = new StringBuilder();
                for (String p : List.of(ANSWER, BUSY, INVALID)) {
                    state.append(store.lists().search(list.id(), p, null, 1)).append('\n');
                }
                sipps.forEach(s -> state.append(s.log()));
                throw new AssertionError(state.toString(), e);
            }

            CallAttempt answered = attempt(store, list.id(), ANSWER);
            assertThat(answered.callResult()).isEqualTo(CallResult.ANSWER);
            assertThat(answered.agentId()).as("bridged to an agent's phone").isIn("a1", "a2", "a3");
            assertThat(answered.phone()).isEqualTo(ANSWER);
            assertThat(answered.cpdCompleted()).as("answered").isNotNull();
            assertThat(answered.agentAnswered()).isNotNull();
            assertThat(answered.campaignGroupId()).isEqualTo(group.id());
            CallingRecord answeredRecord = record(store, list.id(), ANSWER);
            assertThat(answeredRecord.recordStatus()).isEqualTo(RecordStatus.UPDATED);

            CallAttempt busyAttempt = attempt(store, list.id(), BUSY);
            assertThat(busyAttempt.callResult()).isEqualTo(CallResult.BUSY);
            assertThat(busyAttempt.agentId()).isNull();
            assertThat(busyAttempt.cpdCompleted()).as("never answered").isNull();
            CallingRecord busyRecord = record(store, list.id(), BUSY);
            assertThat(busyRecord.recordStatus()).as("busy treatment: retried").isEqualTo(RecordStatus.READY);
            assertThat(busyRecord.dialSchedTime()).as("busy treatment: in 30 minutes")
                    .isAfter(Instant.now().plus(Duration.ofMinutes(25)));
            assertThat(busyRecord.treatments()).as("treatment history").isNotBlank();

            CallAttempt invalid = attempt(store, list.id(), INVALID);
            assertThat(invalid.callResult()).as("404 with Q.850 cause 1").isEqualTo(CallResult.SIT_INVALID_NUM);
            CallingRecord invalidRecord = record(store, list.id(), INVALID);
            assertThat(invalidRecord.recordStatus()).as("no treatment: final").isEqualTo(RecordStatus.UPDATED);
            assertThat(invalidRecord.treatments()).isNull();

            for (Sipp s : sipps) {
                assertThat(s.awaitExit(Duration.ofSeconds(15))).as(s.log()).isZero();
            }
        }
    }

    private static CallingRecord record(Store store, long listId, String phone) {
        return store.lists().search(listId, phone, null, 1).getFirst();
    }

    /** The record's newest attempt in the history, once its result is written; else null. */
    private static CallAttempt attempt(Store store, long listId, String phone) {
        List<CallingRecord> found = store.lists().search(listId, phone, null, 1);
        if (found.isEmpty()) {
            return null;
        }
        List<CallAttempt> attempts = store.attempts().ofRecord(listId, found.getFirst().recordId());
        return attempts.isEmpty() || attempts.getLast().callResult() == null ? null : attempts.getLast();
    }
}
