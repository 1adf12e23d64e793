package org.outdial.server.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outdial.server.admin.AdminFixture.ADMIN;
import static org.outdial.server.admin.AdminFixture.OTHER;
import static org.outdial.server.admin.AdminFixture.READER;
import static org.outdial.server.admin.AdminFixture.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.outdial.record.RecordStatus;
import org.outdial.store.jdbc.JdbcStore;
import org.outdial.store.jdbc.TestDatabases;

/** The admin (write) API against a real server on embedded H2. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminApiTest {

    private static final AtomicInteger NAMES = new AtomicInteger();

    private AdminFixture api;

    @BeforeAll
    void start(@TempDir Path dir) {
        api = new AdminFixture(JdbcStore.open(TestDatabases.h2(dir)), dir, 10);
    }

    @AfterAll
    void stop() {
        api.close();
    }

    private static String unique(String prefix) {
        return prefix + "-" + NAMES.incrementAndGet();
    }

    private long newList() {
        return api.create("/api/v1/lists", "{\"name\":\"" + unique("list") + "\",\"fields\":[{\"name\":\"balance\","
                + "\"type\":\"decimal\"},{\"name\":\"account_no\",\"type\":\"varchar\",\"length\":8,"
                + "\"sendAttribute\":\"GSW_ACCOUNT\"}]}").get("id").asLong();
    }

    private JsonNode importCsv(long listId, String csv) {
        HttpResponse<String> r = api.send("POST", "/api/v1/lists/" + listId + "/import", ADMIN, csv,
                Map.of("Content-Type", "text/csv"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r);
    }

    // ---- lists -----------------------------------------------------------------------------------------------

    @Test
    void createdListHasItsCustomFieldsAndTheConfiguredDefaults() {
        JsonNode list = api.create("/api/v1/lists", "{\"name\":\"" + unique("customers") + "\",\"window\":\"09:00-20:00\","
                + "\"fields\":[{\"name\":\"balance\",\"type\":\"decimal\"},{\"name\":\"note\",\"type\":\"varchar\",\"length\":40}]}");

        assertThat(list.get("fields")).hasSize(2);
        assertThat(list.get("fields").get(1).get("length").asInt()).isEqualTo(40);
        assertThat(list.get("defaultWindow").asText()).isEqualTo("09:00-20:00");
        assertThat(list.get("defaultCountry").asText()).isEqualTo("US");
        assertThat(list.get("defaultTimeZone").asText()).isEqualTo("America/New_York");
    }

    @Test
    void importReportsEveryBadRowWithItsLineAndColumnAndKeepsTheGoodOnes() {
        long list = newList();

        JsonNode result = importCsv(list, "phone,balance,customer_id\n+12125550101,10.5,c1\nnot-a-phone,1,c2\n"
                + "+12125550102,abc,c3\n+12125550103,3,c4\n+12125550101,4,c5\n");

        assertThat(result.get("rowsRead").asLong()).isEqualTo(5);
        assertThat(result.get("imported").asLong()).isEqualTo(2);
        assertThat(result.get("rejected").asLong()).isEqualTo(2);
        assertThat(result.get("duplicates").asLong()).isEqualTo(1);
        assertThat(result.get("errors")).hasSize(2);
        assertThat(result.get("errors").get(0).get("line").asLong()).isEqualTo(3);
        assertThat(result.get("errors").get(1).get("line").asLong()).isEqualTo(4);
        assertThat(result.get("errors").get(1).get("column").asText()).isEqualTo("balance");
    }

    @Test
    void importWithoutAContactColumnIsRefusedNamingTheAllowedHeaders() {
        HttpResponse<String> r = api.send("POST", "/api/v1/lists/" + newList() + "/import", ADMIN, "name\nx\n",
                Map.of("Content-Type", "text/csv"));

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("error").asText()).contains("contact_info");
    }

    @Test
    void exportWritesEveryRecordAsCsv() {
        long list = newList();
        importCsv(list, "phone,balance\n+12125550111,1\n+12125550112,2\n");

        HttpResponse<String> r = api.get("/api/v1/lists/" + list + "/export", READER);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
        assertThat(r.body().lines()).hasSize(3);
        assertThat(r.body()).contains("+12125550111").contains("+12125550112");
    }

    @Test
    void penetrationCountsRecordsByStatusCallResultAndAttempts() {
        long list = newList();
        importCsv(list, "phone,call_result,attempt\n+12125550121,busy,2\n+12125550122,,0\n+12125550123,busy,1\n");

        JsonNode p = json(api.get("/api/v1/lists/" + list + "/penetration", READER));

        assertThat(p.get("records").asLong()).isEqualTo(3);
        assertThat(p.get("byStatus").get("READY").asLong()).isEqualTo(3);
        assertThat(p.get("byCallResult").get("BUSY").asLong()).isEqualTo(2);
        assertThat(p.get("byAttempt").get("0").asLong()).isEqualTo(1);
        assertThat(p.get("byAttempt").get("2").asLong()).isEqualTo(1);
    }

    @Test
    void recordSearchNormalizesThePhoneAndFindsByCustomerId() {
        long list = newList();
        importCsv(list, "phone,customer_id\n+12125550131,cust-9\n+12125550132,cust-9\n+12125550133,other\n");

        JsonNode byPhone = json(api.get("/api/v1/lists/" + list + "/records?phone=(212)%20555-0131", READER));
        JsonNode byCustomer = json(api.get("/api/v1/lists/" + list + "/records?customerId=cust-9", READER));

        assertThat(byPhone).hasSize(1);
        assertThat(byPhone.get(0).get("contactInfo").asText()).isEqualTo("+12125550131");
        assertThat(byCustomer).hasSize(2);
    }

    @Test
    void recordSearchWithoutPhoneOrCustomerIdNamesTheParameter() {
        HttpResponse<String> r = api.get("/api/v1/lists/" + newList() + "/records", READER);

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("field").asText()).isEqualTo("phone");
    }

    @Test
    void recordEditNeedsTheRecordsEtagAndChangesStatusAndCustomFields() {
        long list = newList();
        importCsv(list, "phone,balance\n+12125550141,1\n");
        long id = json(api.get("/api/v1/lists/" + list + "/records?phone=%2B12125550141", READER)).get(0).get("recordId").asLong();
        String path = "/api/v1/lists/" + list + "/records/" + id;
        HttpResponse<String> read = api.get(path, READER);
        String etag = read.headers().firstValue("ETag").orElseThrow();
        String body = "{\"recordStatus\":\"CANCELLED\",\"customFields\":{\"balance\":\"12.25\"}}";

        HttpResponse<String> without = api.put(path, ADMIN, body, Map.of());
        HttpResponse<String> with = api.put(path, ADMIN, body, Map.of("If-Match", etag));
        HttpResponse<String> again = api.put(path, ADMIN, body, Map.of("If-Match", etag));

        assertThat(without.statusCode()).isEqualTo(428);
        assertThat(with.statusCode()).as(with.body()).isEqualTo(200);
        assertThat(json(with).get("recordStatus").asText()).isEqualTo("CANCELLED");
        assertThat(json(with).get("customFields").get("balance").decimalValue()).isEqualByComparingTo("12.25");
        assertThat(again.statusCode()).isEqualTo(412);
        assertThat(json(read).get("attempts")).isEmpty();
    }

    @Test
    void recordEditMaySetOnlyAdministrativeStatuses() {
        long list = newList();
        importCsv(list, "phone\n+12125550151\n");
        String path = "/api/v1/lists/" + list + "/records/1";
        String etag = api.get(path, READER).headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> r = api.put(path, ADMIN, "{\"recordStatus\":\"RETRIEVED\"}", Map.of("If-Match", etag));

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("allowed").toString()).contains("READY", "CANCELLED").doesNotContain("RETRIEVED");
    }

    @Test
    void aRecordBeingDialedCannotBeEdited() {
        long list = newList();
        importCsv(list, "phone\n+12125550161\n");
        var record = api.store.lists().findRecord(list, 1).orElseThrow();
        api.store.lists().update(new org.outdial.record.CallingRecord(record.recordId(), record.listId(),
                record.contactInfo(), record.contactInfoType(), record.recordType(), RecordStatus.RETRIEVED,
                record.callResult(), record.attempt(), record.dialSchedTime(), record.callTime(), record.window(),
                record.timeZone(), record.campaignId(), record.agentId(), record.chainId(), record.chainN(), 99L, 7,
                record.treatments(), record.customerId(), record.customFields()));
        String path = "/api/v1/lists/" + list + "/records/1";
        String etag = api.get(path, READER).headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> r = api.put(path, ADMIN, "{\"recordStatus\":\"CANCELLED\"}", Map.of("If-Match", etag));

        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(json(r).get("error").asText()).contains("being dialed");
    }

    @Test
    void aListInUseByACampaignCannotBeDeleted() {
        Map<String, Long> setup = api.campaignSetup(unique("inuse"), "PREDICTIVE");

        HttpResponse<String> r = api.delete("/api/v1/lists/" + setup.get("list"), ADMIN);

        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(api.delete("/api/v1/lists/" + newList(), ADMIN).statusCode()).isEqualTo(204);
    }

    // ---- validation ------------------------------------------------------------------------------------------

    @Test
    void aBadEnumerationNamesTheFieldAndTheAllowedValues() {
        Map<String, Long> setup = api.campaignSetup(unique("enum"), "PREDICTIVE");

        HttpResponse<String> r = api.post("/api/v1/campaign-groups", ADMIN, "{\"name\":\"x\",\"campaignId\":"
                + setup.get("campaign") + ",\"agentGroupId\":" + setup.get("agentGroup") + ",\"dialMode\":\"turbo\"}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("field").asText()).isEqualTo("dialMode");
        assertThat(json(r).get("allowed").toString()).contains("PREDICTIVE", "PROGRESSIVE", "PREVIEW");
        assertThat(json(r).get("error").asText()).contains("turbo");
    }

    @Test
    void anUnknownFieldIsRefusedRatherThanIgnored() {
        HttpResponse<String> r = api.post("/api/v1/agents", ADMIN, "{\"loginId\":\"a1\",\"nmae\":\"typo\"}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("field").asText()).isEqualTo("nmae");
        assertThat(json(r).get("allowed").toString()).contains("name");
    }

    @Test
    void aMissingRequiredFieldIsNamed() {
        HttpResponse<String> r = api.post("/api/v1/treatments", ADMIN, "{\"name\":\"t\",\"callResult\":\"BUSY\"}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("field").asText()).isEqualTo("recordAction");
    }

    @Test
    void aNestedFieldIsNamedWithItsPosition() {
        HttpResponse<String> r = api.post("/api/v1/lists", ADMIN, "{\"name\":\"" + unique("l")
                + "\",\"fields\":[{\"name\":\"ok\",\"type\":\"integer\"},{\"name\":\"bad\",\"type\":\"blob\"}]}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("field").asText()).isEqualTo("fields[1].type");
        assertThat(json(r).get("allowed").toString()).contains("VARCHAR", "DECIMAL");
    }

    @Test
    void aCyclicTreatmentNeedsCycleAttempts() {
        HttpResponse<String> r = api.post("/api/v1/treatments", ADMIN, "{\"name\":\"" + unique("t")
                + "\",\"callResult\":\"BUSY\",\"recordAction\":\"RETRY_IN\",\"cycleAttempts\":0}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("field").asText()).isEqualTo("cycleAttempts");
    }

    @Test
    void anAgentsDesktopCredentialIsStoredHashedAndNeverReturned() {
        String name = unique("agent");
        JsonNode created = api.create("/api/v1/agents", "{\"loginId\":\"" + name + "\",\"credential\":\"s3cret-pin\"}");

        assertThat(created.toString()).doesNotContain("s3cret-pin").doesNotContain("credential");
        org.outdial.agent.Agent stored = api.store.config().agents(api.tenant.id()).stream()
                .filter(a -> a.loginId().equals(name)).findFirst().orElseThrow();
        assertThat(stored.credentialHash()).isNotBlank().doesNotContain("s3cret-pin");
        assertThat(org.outdial.server.desktop.Credentials.verify("s3cret-pin", stored.credentialHash())).isTrue();
        assertThat(api.post("/api/v1/agents", ADMIN, "{\"loginId\":\"" + unique("agent") + "\",\"credential\":\"ab\"}")
                .statusCode()).as("too short").isEqualTo(400);
    }

    @Test
    void aDuplicateNameIsAConflict() {
        String name = unique("agent");
        api.create("/api/v1/agents", "{\"loginId\":\"" + name + "\"}");

        HttpResponse<String> r = api.post("/api/v1/agents", ADMIN, "{\"loginId\":\"" + name + "\"}");

        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(json(r).get("error").asText()).contains(name);
    }

    // ---- access ----------------------------------------------------------------------------------------------

    @Test
    void aReadOnlyTokenCannotChangeAnything() {
        HttpResponse<String> r = api.post("/api/v1/agents", READER, "{\"loginId\":\"nope\"}");

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(json(r).get("error").asText()).contains("read-only");
        assertThat(api.post("/api/v1/dnc", READER, "{\"phone\":\"+12125550100\"}").statusCode()).isEqualTo(403);
    }

    @Test
    void anotherTenantsObjectsAnswer404() {
        long list = newList();

        assertThat(api.get("/api/v1/lists/" + list + "/penetration", OTHER).statusCode()).isEqualTo(404);
        assertThat(api.delete("/api/v1/lists/" + list, OTHER).statusCode()).isEqualTo(404);
        assertThat(api.send("POST", "/api/v1/lists/" + list + "/import", OTHER, "phone\n+12125550100\n",
                Map.of("Content-Type", "text/csv")).statusCode()).isEqualTo(404);
    }

    // ---- optimistic concurrency ------------------------------------------------------------------------------

    @Test
    void aCampaignEditBasedOnAStaleVersionIsRefused() {
        Map<String, Long> setup = api.campaignSetup(unique("occ"), "PREDICTIVE");
        String path = "/api/v1/campaigns/" + setup.get("campaign");
        String body = "{\"name\":\"" + unique("renamed") + "\",\"callerId\":\"+12025550100\",\"lists\":[{\"listId\":"
                + setup.get("list") + "}]";

        HttpResponse<String> first = api.put(path, ADMIN, body + ",\"version\":1}", Map.of());
        HttpResponse<String> staleBody = api.put(path, ADMIN, body + ",\"version\":1}", Map.of());
        HttpResponse<String> staleHeader = api.put(path, ADMIN, body + "}", Map.of("If-Match", "\"1\""));
        HttpResponse<String> neither = api.put(path, ADMIN, body + "}", Map.of());
        HttpResponse<String> current = api.put(path, ADMIN, body + "}", Map.of("If-Match", "\"2\""));

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(json(first).get("version").asLong()).isEqualTo(2);
        assertThat(staleBody.statusCode()).isEqualTo(409);
        assertThat(staleHeader.statusCode()).isEqualTo(412);
        assertThat(neither.statusCode()).isEqualTo(428);
        assertThat(current.statusCode()).isEqualTo(200);
        assertThat(current.headers().firstValue("ETag")).hasValue("\"3\"");
    }

    @Test
    void campaignGroupOptionsAreReplacedWithTheGroup() {
        Map<String, Long> setup = api.campaignSetup(unique("opts"), "PREDICTIVE");
        String path = "/api/v1/campaign-groups/" + setup.get("group");
        JsonNode group = json(api.get(path, READER));

        HttpResponse<String> r = api.put(path, ADMIN, "{\"name\":\"" + group.get("name").asText() + "\",\"campaignId\":"
                + setup.get("campaign") + ",\"agentGroupId\":" + setup.get("agentGroup") + ",\"dialMode\":\"PROGRESSIVE\","
                + "\"bufferMin\":2,\"bufferMax\":9,\"options\":{\"agent_preview_mode_start\":\"true\"},\"version\":1}", Map.of());

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).get("dialMode").asText()).isEqualTo("PROGRESSIVE");
        assertThat(json(r).get("options").get("agent_preview_mode_start").asText()).isEqualTo("true");
        assertThat(json(r).get("bufferMax").asInt()).isEqualTo(9);
    }

    @Test
    void anAgentEditNeedsItsCurrentEtag() {
        JsonNode agent = api.create("/api/v1/agents", "{\"loginId\":\"" + unique("ag") + "\",\"name\":\"Ann\"}");
        String path = "/api/v1/agents/" + agent.get("id").asLong();
        String etag = api.get(path, READER).headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> ok = api.put(path, ADMIN, "{\"name\":\"Ann B.\"}", Map.of("If-Match", etag));
        HttpResponse<String> stale = api.put(path, ADMIN, "{\"name\":\"Ann C.\"}", Map.of("If-Match", etag));

        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(json(ok).get("name").asText()).isEqualTo("Ann B.");
        assertThat(stale.statusCode()).isEqualTo(412);
    }

    @Test
    void agentGroupMembersAreReplacedAndAUsedGroupCannotBeDeleted() {
        long a1 = api.create("/api/v1/agents", "{\"loginId\":\"" + unique("m") + "\"}").get("id").asLong();
        long a2 = api.create("/api/v1/agents", "{\"loginId\":\"" + unique("m") + "\"}").get("id").asLong();
        Map<String, Long> setup = api.campaignSetup(unique("members"), "PREDICTIVE");
        String path = "/api/v1/agent-groups/" + setup.get("agentGroup");
        String etag = api.get(path, READER).headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> r = api.put(path, ADMIN, "{\"agentIds\":[" + a1 + "," + a2 + "]}", Map.of("If-Match", etag));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).get("agentIds")).hasSize(2);
        assertThat(api.delete(path, ADMIN).statusCode()).isEqualTo(409);
    }

    @Test
    void aTreatmentIsCreatedChangedAndDeleted() {
        JsonNode t = api.create("/api/v1/treatments", "{\"name\":\"" + unique("busy") + "\",\"callResult\":\"BUSY\","
                + "\"recordAction\":\"RETRY_IN\",\"cycleAttempts\":3,\"intervalMin\":10,\"incrementMin\":5}");
        String path = "/api/v1/treatments/" + t.get("id").asLong();

        HttpResponse<String> changed = api.put(path, ADMIN, "{\"name\":\"" + t.get("name").asText()
                + "\",\"callResult\":\"NO_ANSWER\",\"recordAction\":\"REDIAL\",\"cycleAttempts\":2,\"intervalMin\":30}",
                Map.of("If-Match", "\"1\""));

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(json(changed).get("callResult").asText()).isEqualTo("NO_ANSWER");
        assertThat(api.delete(path, ADMIN).statusCode()).isEqualTo(204);
        assertThat(api.get(path, READER).statusCode()).isEqualTo(404);
    }

    @Test
    void theTreatmentPreviewShowsWhatHappensAfterEachCallResult() {
        long busy = api.create("/api/v1/treatments", "{\"name\":\"" + unique("pv") + "\",\"callResult\":\"BUSY\","
                + "\"recordAction\":\"RETRY_IN\",\"cycleAttempts\":3,\"intervalMin\":10}").get("id").asLong();
        Map<String, Long> setup = api.campaignSetup(unique("preview"), "PREDICTIVE");
        String path = "/api/v1/campaigns/" + setup.get("campaign");
        JsonNode c = json(api.get(path, READER));
        api.put(path, ADMIN, "{\"name\":\"" + c.get("name").asText() + "\",\"callerId\":\"+12025550100\",\"lists\":"
                + "[{\"listId\":" + setup.get("list") + "}],\"treatmentIds\":[" + busy + "],\"version\":1}", Map.of());

        JsonNode preview = json(api.get(path + "/treatment-preview?attempt=1", READER));

        JsonNode busyOutcome = null;
        JsonNode answered = null;
        for (JsonNode o : preview.get("outcomes")) {
            if (o.get("callResult").asText().equals("BUSY")) {
                busyOutcome = o;
            }
            if (o.get("callResult").asText().equals("ANSWER")) {
                answered = o;
            }
        }
        assertThat(busyOutcome.get("recordStatus").asText()).isEqualTo("READY");
        assertThat(busyOutcome.get("dueInMinutes").asLong()).isEqualTo(10);
        assertThat(busyOutcome.get("treatment").asText()).startsWith("pv-");
        assertThat(answered.get("recordStatus").asText()).isEqualTo("UPDATED");
    }

    // ---- Do-Not-Call -----------------------------------------------------------------------------------------

    @Test
    void aDncNumberIsNormalizedBlocksCallsAndCanBeRemoved() {
        HttpResponse<String> added = api.post("/api/v1/dnc", ADMIN, "{\"phone\":\"(212) 555-0199\",\"message\":\"asked\","
                + "\"expiresAt\":\"2099-01-01\"}");

        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(json(added).get("phone").asText()).isEqualTo("+12125550199");
        assertThat(json(added).get("addedBy").asText()).isEqualTo("alice");
        assertThat(json(api.get("/api/v1/dnc/check?phone=%2B12125550199", READER)).get("mayCall").asBoolean()).isFalse();
        assertThat(json(api.get("/api/v1/dnc?prefix=%2B1212555019", READER)).get("entries")).hasSize(1);
        assertThat(api.delete("/api/v1/dnc?phone=%2B12125550199", ADMIN).statusCode()).isEqualTo(204);
        assertThat(json(api.get("/api/v1/dnc/check?phone=%2B12125550199", READER)).get("mayCall").asBoolean()).isTrue();
        assertThat(api.delete("/api/v1/dnc?phone=%2B12125550199", ADMIN).statusCode()).isEqualTo(404);
    }

    @Test
    void aBadDncPhoneNamesTheField() {
        HttpResponse<String> r = api.post("/api/v1/dnc", ADMIN, "{\"phone\":\"12\"}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("field").asText()).isEqualTo("phone");
    }

    @Test
    void dncBulkImportReportsBadRows() {
        HttpResponse<String> r = api.send("POST", "/api/v1/dnc/import", ADMIN,
                "phone,message\n+12125550181,a\nbogus,b\n+12125550182,c\n", Map.of("Content-Type", "text/csv"));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).get("imported").asLong()).isEqualTo(2);
        assertThat(json(r).get("errors").get(0).get("line").asLong()).isEqualTo(3);
    }

    // ---- sessions --------------------------------------------------------------------------------------------

    @Test
    void aSessionIsLoadedStartedSwitchedStoppedAndUnloaded() {
        Map<String, Long> setup = api.campaignSetup(unique("session"), "PREDICTIVE");
        String path = "/api/v1/campaign-groups/" + setup.get("group") + "/session/";

        HttpResponse<String> startUnloaded = api.post(path + "start", ADMIN, null);
        HttpResponse<String> load = api.post(path + "load", ADMIN, null);
        HttpResponse<String> start = api.post(path + "start", ADMIN, null);
        HttpResponse<String> mode = api.put(path + "dial-mode", ADMIN, "{\"dialMode\":\"PROGRESSIVE\"}", Map.of());
        HttpResponse<String> badMode = api.put(path + "dial-mode", ADMIN, "{\"dialMode\":\"PREVIEW\"}", Map.of());
        HttpResponse<String> stop = api.post(path + "stop", ADMIN, null);
        HttpResponse<String> unload = api.post(path + "unload", ADMIN, null);

        assertThat(startUnloaded.statusCode()).isEqualTo(409);
        assertThat(json(startUnloaded).get("error").asText()).contains("NOT_LOADED");
        assertThat(load.statusCode()).as(load.body()).isEqualTo(200);
        assertThat(json(load).get("state").asText()).isEqualTo("LOADED");
        assertThat(json(start).get("state").asText()).isEqualTo("RUNNING");
        assertThat(json(mode).get("dialMode").asText()).isEqualTo("PROGRESSIVE");
        assertThat(badMode.statusCode()).isEqualTo(409);
        assertThat(json(badMode).get("error").asText()).contains("engine refused");
        assertThat(json(stop).get("state").asText()).isEqualTo("LOADED");
        assertThat(unload.statusCode()).isEqualTo(200);
        assertThat(json(unload).get("state").asText()).isIn("UNLOADED", "UNLOADING");
    }

    @Test
    void loadingACampaignWithoutCallerIdIsRefusedWithTheEnginesReason() {
        Map<String, Long> setup = api.campaignSetup(unique("nocid"), "PREDICTIVE");
        String c = "/api/v1/campaigns/" + setup.get("campaign");
        JsonNode campaign = json(api.get(c, READER));
        api.put(c, ADMIN, "{\"name\":\"" + campaign.get("name").asText() + "\",\"lists\":[{\"listId\":"
                + setup.get("list") + "}],\"version\":1}", Map.of());

        HttpResponse<String> r = api.post("/api/v1/campaign-groups/" + setup.get("group") + "/session/load", ADMIN, null);

        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(json(r).get("error").asText()).contains("caller id");
    }

    @Test
    void theTenantIsRenamedWithItsEtagAndAnotherTenantIsNotFound() {
        String path = "/api/v1/tenants/" + api.tenant.id();
        String etag = api.get(path, READER).headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> r = api.put(path, ADMIN, "{\"ccid\":\"cc-7\"}", Map.of("If-Match", etag));
        HttpResponse<String> stale = api.put(path, ADMIN, "{\"ccid\":\"cc-8\"}", Map.of("If-Match", etag));
        HttpResponse<String> other = api.put("/api/v1/tenants/" + api.other.id(), ADMIN, "{\"ccid\":\"x\"}", Map.of("If-Match", etag));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).get("ccid").asText()).isEqualTo("cc-7");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(other.statusCode()).isEqualTo(404);
    }

    @Test
    void aCsvLargerThanTheRequestSizeLimitIsStreamedIntoTheList() {
        long list = newList();
        StringBuilder csv = new StringBuilder("phone,balance,account_no\n");
        for (int i = 0; i < 60_000; i++) {
            csv.append("+1212").append(String.format("%07d", 2_000_000 + i)).append(",").append(i).append(".25,ACC").append(i % 100_000).append('\n');
        }
        assertThat(csv.length()).isGreaterThan(1_500_000);

        JsonNode result = importCsv(list, csv.toString());

        assertThat(result.get("imported").asLong()).isEqualTo(60_000);
        assertThat(json(api.get("/api/v1/lists/" + list, READER)).get("records").asLong()).isEqualTo(60_000);
    }

    // ---- tokens and audit ------------------------------------------------------------------------------------

    @Test
    void aNewTokenWorksAtOnceAndStopsWhenRevoked() {
        JsonNode created = api.create("/api/v1/tokens", "{\"label\":\"" + unique("wall") + "\",\"role\":\"READ_ONLY\"}");
        String secret = created.get("secret").asText();

        assertThat(api.get("/api/v1/lists", secret).statusCode()).isEqualTo(200);
        assertThat(api.post("/api/v1/agents", secret, "{\"loginId\":\"x\"}").statusCode()).isEqualTo(403);
        assertThat(api.delete("/api/v1/tokens/" + created.get("token").get("id").asLong(), ADMIN).statusCode()).isEqualTo(204);
        assertThat(api.get("/api/v1/lists", secret).statusCode()).isEqualTo(401);
    }

    @Test
    void theAuditLogSaysWhoChangedWhatAndWhen() {
        String login = unique("audited");
        long id = api.create("/api/v1/agents", "{\"loginId\":\"" + login + "\"}").get("id").asLong();

        JsonNode entries = json(api.get("/api/v1/audit?objectType=agent&limit=5", ADMIN));

        JsonNode latest = entries.get(0);
        assertThat(latest.get("actor").asText()).isEqualTo("alice");
        assertThat(latest.get("action").asText()).isEqualTo("agent.create");
        assertThat(latest.get("objectId").asText()).isEqualTo(String.valueOf(id));
        assertThat(latest.get("detail").asText()).contains(login);
        assertThat(latest.get("at").asText()).isNotBlank();
        assertThat(api.get("/api/v1/audit", READER).statusCode()).isEqualTo(403);
        assertThat(json(api.get("/api/v1/audit", OTHER))).isEmpty();
    }
}
