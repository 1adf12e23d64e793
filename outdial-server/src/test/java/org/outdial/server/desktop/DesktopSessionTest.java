package org.outdial.server.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outdial.campaign.DialMode;
import org.outdial.desktop.DesktopEvent;
import org.outdial.desktop.ErrorCode;
import org.outdial.desktop.KvList;
import org.outdial.desktop.Keys;
import org.outdial.desktop.Request;
import org.outdial.record.CallingRecord;
import org.outdial.record.RecordStatus;
import org.outdial.record.RecordType;

/** The /desktop transport and session rules against a real server: login, errors, ids, a preview record's life. */
class DesktopSessionTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    static Path dir;
    static DesktopServerFixture f;

    @BeforeAll
    static void start() {
        f = new DesktopServerFixture(dir, DialMode.PREVIEW, 7, 40, Map.of("agent_preview_mode_start", "true"));
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    private static DesktopClient login(String agent) {
        DesktopClient c = f.connect();
        c.send(new Request.Login(agent, "place-" + agent, "pw", null));
        c.await(DesktopEvent.LOGIN_ACK, WAIT);
        return c;
    }

    private static void assertError(DesktopEvent e, ErrorCode code) {
        assertThat(e.isError()).as("error event: %s", e).isTrue();
        assertThat(e.error()).contains(code);
        assertThat(e.string(Keys.ERROR)).isNotBlank();
        assertThat(e.data().get(Keys.ERROR_NUMBER)).isInstanceOf(Long.class);
        assertThat(e.integer(Keys.APPLICATION_ID)).isEqualTo(DesktopServerFixture.APP_ID);
    }

    @Test
    void loginWithTheRightCredentialIsAcknowledgedAndFollowedByTheCampaignStatus() {
        try (DesktopClient c = f.connect()) {
            c.send(new Request.Login("a1", "1001", "pw", null), 5L);
            DesktopEvent ack = c.await(DesktopEvent.LOGIN_ACK, WAIT);
            assertThat(ack.integer(Keys.REFERENCE_ID)).isEqualTo(5);
            assertThat(ack.integer(Keys.APPLICATION_ID)).isEqualTo(DesktopServerFixture.APP_ID);
            DesktopEvent assigned = c.await(DesktopEvent.CAMPAIGN_GROUP_ASSIGNED, WAIT);
            assertThat(assigned.string(Keys.CAMPAIGN_GROUP_NAME)).isEqualTo("Sales@team");
            DesktopEvent started = c.await(DesktopEvent.CAMPAIGN_STARTED, WAIT);
            assertThat(started.string(Keys.CAMPAIGN_NAME)).isEqualTo("Sales");
            assertThat(started.string(Keys.CAMPAIGN_MODE)).isEqualTo("Preview");
            assertThat(started.string(Keys.CAMPAIGN_DESCRIPTION)).isEqualTo("spring sale");
        }
    }

    @Test
    void aWrongCredentialOrUnknownAgentGets104AndNoSession() {
        try (DesktopClient c = f.connect()) {
            c.send(new Request.Login("a2", "1002", "wrong", null), 1L);
            assertError(c.awaitReply(1, WAIT), ErrorCode.AGENT_NOT_FOUND);
            c.send(new Request.Login("nobody", "1002", "pw", null), 2L);
            assertError(c.awaitReply(2, WAIT), ErrorCode.AGENT_NOT_FOUND);
            c.applicationId((long) DesktopServerFixture.APP_ID);
            c.send(new Request.CampaignStatusRequest(), 3L);
            assertError(c.awaitReply(3, WAIT), ErrorCode.AGENT_NOT_FOUND);
        }
    }

    @Test
    void malformedJsonGetsAnErrorEventAndTheConnectionStays() {
        try (DesktopClient c = login("a3")) {
            c.sendRaw("{\"GSW_AGENT_REQ_TYPE\": ");
            assertError(c.await(DesktopEvent.ERROR, WAIT), ErrorCode.INVALID_REQUEST);
            c.sendRaw("[1,2]");
            assertError(c.await(DesktopEvent.ERROR, WAIT), ErrorCode.INVALID_REQUEST);
            c.send(new Request.CampaignStatusRequest(), 9L);
            assertThat(c.awaitReply(9, WAIT).name()).isEqualTo(DesktopEvent.CAMPAIGN_GROUP_ASSIGNED);
            assertThat(c.closedByServer()).isFalse();
        }
    }

    @Test
    void aValueOfTheWrongTypeGets103AndEchoesTheReferenceId() {
        try (DesktopClient c = login("a4")) {
            c.sendRaw("{\"GSW_AGENT_REQ_TYPE\":\"PreviewRecordRequest\",\"GSW_APPLICATION_ID\":123,"
                    + "\"GSW_CAMPAIGN_NAME\":7,\"GSW_REFERENCE_ID\":44}");
            DesktopEvent e = c.awaitReply(44, WAIT);
            assertError(e, ErrorCode.INVALID_ATTRIBUTE_VALUE);
            assertThat(e.string(Keys.AGENT_REQ_TYPE)).isEqualTo("PreviewRecordRequest");
            c.sendRaw("{\"GSW_AGENT_REQ_TYPE\":\"ReadyTime\",\"GSW_APPLICATION_ID\":123,\"GSW_READY_TIME\":1.5,"
                    + "\"GSW_RECORD_HANDLE\":1,\"GSW_REFERENCE_ID\":45}");
            assertError(c.awaitReply(45, WAIT), ErrorCode.INVALID_ATTRIBUTE_VALUE);
        }
    }

    @Test
    void anOversizedMessageGetsAnErrorEventAndTheConnectionStays() {
        try (DesktopClient c = login("a5")) {
            c.sendRaw("{\"GSW_AGENT_REQ_TYPE\":\"CampaignStatusRequest\",\"x\":\""
                    + "y".repeat(DesktopJson.MAX_MESSAGE_CHARS) + "\"}");
            DesktopEvent e = c.await(DesktopEvent.ERROR, WAIT);
            assertError(e, ErrorCode.INVALID_REQUEST);
            assertThat(e.string(Keys.ERROR_DESCRIPTION)).contains("larger than the limit");
            c.send(new Request.CampaignStatusRequest(), 2L);
            assertThat(c.awaitReply(2, WAIT).name()).isEqualTo(DesktopEvent.CAMPAIGN_GROUP_ASSIGNED);
        }
    }

    @Test
    void aRequestForAnotherApplicationIdIsNotAnsweredAndOneWithoutItGets102() {
        try (DesktopClient c = login("a6")) {
            c.send(KvList.builder().put(Keys.AGENT_REQ_TYPE, "PreviewRecordRequest").put(Keys.APPLICATION_ID, 999L)
                    .put(Keys.CAMPAIGN_NAME, "Sales").put(Keys.REFERENCE_ID, 1L).build());
            c.send(KvList.builder().put(Keys.AGENT_REQ_TYPE, "PreviewRecordRequest")
                    .put(Keys.CAMPAIGN_NAME, "Sales").put(Keys.REFERENCE_ID, 2L).build());
            DesktopEvent first = c.await(e -> e.data().has(Keys.REFERENCE_ID), WAIT);
            assertThat(first.integer(Keys.REFERENCE_ID)).as("the request for server 999 got no answer").isEqualTo(2);
            assertError(first, ErrorCode.ATTRIBUTE_NOT_FOUND);
            // CampaignStatusRequest is answered without GSW_APPLICATION_ID
            c.send(KvList.builder().put(Keys.AGENT_REQ_TYPE, "CampaignStatusRequest").put(Keys.REFERENCE_ID, 3L)
                    .build());
            assertThat(c.awaitReply(3, WAIT).name()).isEqualTo(DesktopEvent.CAMPAIGN_GROUP_ASSIGNED);
        }
    }

    @Test
    void aPreviewRecordIsProcessedAndAcknowledgedOnlyOnceWritten() {
        try (DesktopClient c = login("a1")) {
            Request.Target sales = Request.Target.campaign("Sales");
            long r1 = c.send(new Request.PreviewRecordRequest(sales));
            DesktopEvent required = c.awaitReply(r1, WAIT);
            assertError(required, ErrorCode.INVALID_REQUEST);
            assertThat(required.string(Keys.ERROR)).isEqualTo(ErrorCode.PREVIEW_START_REQUIRED);

            assertThat(c.awaitReply(c.send(new Request.PreviewDialingModeStart(sales)), WAIT).name())
                    .isEqualTo(DesktopEvent.PREVIEW_DIALING_MODE_START_ACK);
            DesktopEvent record = c.awaitReply(c.send(new Request.PreviewRecordRequest(sales)), WAIT);
            assertThat(record.name()).isEqualTo(DesktopEvent.PREVIEW_RECORD);
            assertThat(record.string("CustomerName")).startsWith("Customer ");
            assertThat(record.data().get("Balance")).isInstanceOf(Long.class);
            assertThat(record.data().has("internal_note")).as("no send_attribute, not sent").isFalse();
            long handle = record.recordHandle();

            long up = c.send(new Request.UpdateCallCompletionStats(handle, sales, new Request.RecordChanges(33, 3600,
                    72_000, null, 4, Map.of("CustomerName", "Jane Roe"))));
            assertThat(c.awaitReply(up, WAIT).name()).isEqualTo(DesktopEvent.UPDATE_CALL_COMPLETION_STATS_ACK);
            long done = c.send(new Request.RecordProcessed(handle, sales, "leads", Request.RecordChanges.NONE, null));
            DesktopEvent ack = c.awaitReply(done, WAIT);
            assertThat(ack.name()).isEqualTo(DesktopEvent.RECORD_PROCESSED_ACK);
            assertThat(ack.recordHandle()).isEqualTo(handle);
            assertThat(ack.string(Keys.CALLING_LIST)).isEqualTo("leads");

            CallingRecord written = f.records().stream()
                    .filter(r -> "Jane Roe".equals(r.customFields().get("customer_name"))).findFirst().orElseThrow();
            assertThat(written.recordStatus()).as("durable before the ack").isEqualTo(RecordStatus.UPDATED);
            assertThat(written.callResult().code()).isEqualTo(33);
            assertThat(written.window().dailyFromSec()).isEqualTo(3600);
            assertThat(written.window().dailyTillSec()).isEqualTo(72_000);
            assertThat(written.contactInfoType().code()).isEqualTo(4);

            long again = c.send(new Request.RecordProcessed(handle, sales, "leads", Request.RecordChanges.NONE, null));
            assertError(c.awaitReply(again, WAIT), ErrorCode.RECORD_NOT_FOUND);
            assertError(c.awaitReply(c.send(new Request.PreviewDialingModeStart(sales)), WAIT),
                    ErrorCode.PREVIEW_MODE_ALREADY_STARTED);
            assertThat(c.awaitReply(c.send(new Request.PreviewDialingModeOver(sales)), WAIT).name())
                    .isEqualTo(DesktopEvent.PREVIEW_DIALING_MODE_OVER_ACK);
            assertError(c.awaitReply(c.send(new Request.PreviewDialingModeOver(sales)), WAIT),
                    ErrorCode.PREVIEW_MODE_NOT_STARTED);
        }
    }

    @Test
    void aRecordOnADesktopThatDisconnectsGoesBackToTheListGeneralAndReady() {
        long phoneHandle;
        String phone;
        try (DesktopClient c = login("a2")) {
            Request.Target sales = Request.Target.campaign("Sales");
            c.awaitReply(c.send(new Request.PreviewDialingModeStart(sales)), WAIT);
            DesktopEvent record = c.awaitReply(c.send(new Request.PreviewRecordRequest(sales)), WAIT);
            phoneHandle = record.recordHandle();
            phone = record.string(Keys.PHONE);
        }
        assertThat(phoneHandle).isPositive();
        await().atMost(WAIT).untilAsserted(() -> {
            CallingRecord r = f.records().stream().filter(x -> x.contactInfo().equals(phone)).findFirst()
                    .orElseThrow();
            assertThat(r.recordStatus()).isIn(RecordStatus.READY, RecordStatus.RETRIEVED);
            assertThat(r.agentId()).isEqualTo("a2");
            assertThat(r.recordType()).isEqualTo(RecordType.GENERAL);
        });
        // the agent can log in again on a new connection
        try (DesktopClient again = login("a2")) {
            assertThat(again.closedByServer()).isFalse();
        }
    }

    @Test
    void aRecordAddedToTheChainOnTheDesktopIsStoredInE164AndDeliveredByChainedRecordRequest() {
        try (DesktopClient c = login("a7")) {
            Request.Target sales = Request.Target.campaign("Sales");
            c.awaitReply(c.send(new Request.PreviewDialingModeStart(sales)), WAIT);
            DesktopEvent record = c.awaitReply(c.send(new Request.PreviewRecordRequest(sales)), WAIT);
            long handle = record.recordHandle();
            long chain = record.integer(Keys.CHAIN_ID);
            assertError(c.awaitReply(c.send(new Request.ChainedRecordRequest(handle, Request.Target.NONE)), WAIT),
                    ErrorCode.CHAINED_RECORDS_NOT_FOUND);

            // a national number, read in the list's default country as the importer reads it
            DesktopEvent added = c.awaitReply(c.send(new Request.AddRecord(sales, "leads", handle, chain, null,
                    "(415) 555-0142", 4, 2, 1, null, 0, null, 0, null, 28_800, 64_800, "America/Chicago",
                    Map.of("CustomerName", "Second Phone"))), WAIT);
            assertThat(added.name()).isEqualTo(DesktopEvent.ADD_RECORD_ACK);
            assertThat(added.string(Keys.CALLING_LIST)).isEqualTo("leads");
            assertThat(added.string(Keys.CAMPAIGN_NAME)).isEqualTo("Sales");
            assertThat(added.integer(Keys.CHAIN_ID)).isEqualTo(chain);
            assertThat(added.integer(Keys.CHAIN_N)).isEqualTo(1);
            CallingRecord stored = f.records().stream().filter(r -> r.contactInfo().equals("+14155550142"))
                    .findFirst().orElseThrow(() -> new AssertionError("added record not stored before its ack"));
            assertThat(stored.chainId()).isEqualTo(chain);
            assertThat(stored.chainN()).isEqualTo(1);
            assertThat(stored.recordStatus()).isEqualTo(RecordStatus.READY);
            assertThat(stored.customFields()).containsEntry("customer_name", "Second Phone");

            assertError(c.awaitReply(c.send(new Request.AddRecord(sales, "leads", null, chain, 1, "+14155550143", 2, 2,
                    1, null, 0, null, 0, null, 0, 86_400, "UTC", Map.of())), WAIT), ErrorCode.RECORD_ALREADY_EXISTS);
            assertError(c.awaitReply(c.send(Request.AddRecord.of(sales, "leads", "+14155550144", "UTC", 987_654_321L,
                    Map.of())), WAIT), ErrorCode.CHAINED_RECORDS_NOT_FOUND);
            DesktopEvent badPhone = c.awaitReply(c.send(Request.AddRecord.of(sales, "leads", "12", "UTC", null,
                    Map.of())), WAIT);
            assertError(badPhone, ErrorCode.INVALID_ATTRIBUTE_VALUE);
            assertThat(badPhone.string(Keys.ERROR_DESCRIPTION)).contains(Keys.PHONE);

            long ask = c.send(new Request.ChainedRecordRequest(handle, Request.Target.NONE));
            DesktopEvent chained = c.awaitReply(ask, WAIT);
            assertThat(chained.name()).isEqualTo(DesktopEvent.CHAINED_RECORD);
            assertThat(chained.string(Keys.PHONE)).isEqualTo("+14155550142");
            assertThat(chained.string("CustomerName")).isEqualTo("Second Phone");
            DesktopEvent end = c.await(DesktopEvent.CHAINED_RECORDS_DATA_END, WAIT);
            assertThat(end.integer(Keys.REFERENCE_ID)).isEqualTo(ask);
            assertThat(end.recordHandle()).isEqualTo(handle);

            DesktopEvent rejected = c.awaitReply(c.send(new Request.RecordReject(handle, sales, "leads")), WAIT);
            assertThat(rejected.name()).isEqualTo(DesktopEvent.RECORD_REJECT_ACK);
            assertThat(f.records().stream().filter(r -> r.chainId() == chain)).hasSize(2).allSatisfy(r -> {
                assertThat(r.recordStatus()).as("the chain back in the list").isEqualTo(RecordStatus.READY);
                assertThat(r.recordType()).isEqualTo(RecordType.GENERAL);
                assertThat(r.agentId()).isEqualTo("a7");
            });
        }
    }

    @Test
    void anAgentAddedToTheAgentGroupWhileLoggedInHearsCampaignGroupAssigned() throws Exception {
        var agent = f.store.config().createAgent(new org.outdial.agent.Agent(0, f.tenant.id(), "late", "Late",
                null, Credentials.hash("pw")));
        f.store.tenants().addToken(f.tenant.id(), org.outdial.tenant.Role.ADMIN, "admin", "desk-admin-token");
        try (DesktopClient c = login("late")) {
            c.send(new Request.CampaignStatusRequest(), 71L);
            assertThat(c.drain()).as("in no group yet").noneMatch(e -> e.name().equals(
                    DesktopEvent.CAMPAIGN_GROUP_ASSIGNED));
            var http = java.net.http.HttpClient.newHttpClient();
            String path = "http://127.0.0.1:" + f.server.port() + "/api/v1/agent-groups/" + f.group.agentGroupId();
            var current = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(path))
                    .header("Authorization", "Bearer desk-admin-token").build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            java.util.List<Long> ids = new java.util.ArrayList<>(f.store.config().agentGroups(f.tenant.id()).stream()
                    .filter(g -> g.id() == f.group.agentGroupId()).findFirst().orElseThrow().agentIds());
            ids.add(agent.id());
            var put = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(path))
                    .header("Authorization", "Bearer desk-admin-token").header("Content-Type", "application/json")
                    .header("If-Match", current.headers().firstValue("ETag").orElseThrow())
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"agentIds\":" + ids + "}")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
            DesktopEvent assigned = c.await(DesktopEvent.CAMPAIGN_GROUP_ASSIGNED, WAIT);
            assertThat(assigned.string(Keys.CAMPAIGN_GROUP_NAME)).isEqualTo("Sales@team");
            assertThat(c.await(DesktopEvent.CAMPAIGN_STARTED, WAIT).string(Keys.CAMPAIGN_NAME)).isEqualTo("Sales");
        }
    }
}
