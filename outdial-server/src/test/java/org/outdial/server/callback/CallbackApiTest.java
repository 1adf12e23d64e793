package org.outdial.server.callback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outdial.record.RecordStatus;
import org.outdial.server.OutdialServer;
import org.outdial.server.config.Settings;
import org.outdial.server.config.SettingsLoader;
import org.outdial.store.Store;
import org.outdial.store.jdbc.TestDatabases;
import org.outdial.tenant.Role;
import org.outdial.tenant.Tenant;

/** The callback REST API on a real server and H2 store: creation rules, queries, reschedule, cancel. */
class CallbackApiTest {

    @TempDir
    Path dir;

    private Store store;
    private OutdialServer server;
    private CallbackHttp http;
    private Tenant tenant;

    @BeforeEach
    void start() {
        store = TestDatabases.open(TestDatabases.Kind.H2, dir);
        tenant = store.tenants().create("t", null);
        store.tenants().addToken(tenant.id(), Role.ADMIN, "admin", "admin-token");
        Settings settings = new SettingsLoader(Map.of("http.port", "0", "http.host", "127.0.0.1", "data",
                dir.toString()), Map.of(), null, dir).load();
        server = OutdialServer.start(settings, store);
        http = new CallbackHttp(server.port(), "admin-token");
        Map<String, Object> service = new LinkedHashMap<>(Map.of("name", "support", "timeZone", "UTC",
                "businessHours", "Mon-Sun 00:00-24:00", "callerId", "18005550100", "maxPerBucket", 2,
                "throttleLimit", 3, "throttleWindowSec", 3600));
        assertThat(http.post("/api/v1/callback-services", service).status()).isEqualTo(201);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private CallbackHttp.Reply create(Map<String, Object> params) {
        return http.post("/api/v1/callback-services/support/callbacks", params);
    }

    private static void assertBadParameter(CallbackHttp.Reply r, String parameter) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("parameter").asText()).isEqualTo(parameter);
        assertThat(r.json().get("error").asText()).contains(parameter);
    }

    private static String inHours(int hours) {
        return Instant.now().plus(hours, ChronoUnit.HOURS).truncatedTo(ChronoUnit.HOURS).toString();
    }

    @Test
    void anImmediateCallbackIsQueuedAndItsRecordWaitsInTheServicesList() {
        CallbackHttp.Reply r = create(Map.of("_customer_number", "+12125550100", "order", "A-17",
                "_cb_dim_channel", "IVR"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode cb = r.json();
        assertThat(cb.get("_callback_state").asText()).isEqualTo("QUEUED");
        assertThat(cb.get("_channel").asText()).isEqualTo("IVR");
        assertThat(cb.get("data").get("order").asText()).isEqualTo("A-17");
        long listId = http.get("/api/v1/callback-services/support").json().get("listId").asLong();
        var record = store.lists().search(listId, null, cb.get("_id").asText(), 1).getFirst();
        assertThat(record.recordStatus()).isEqualTo(RecordStatus.READY);
        assertThat(record.customFields()).containsEntry("cb_service_id", cb.get("_id").asText());
    }

    @Test
    void missingOrBadParametersAnswer400NamingTheParameter() {
        assertBadParameter(create(Map.of("order", "A-17")), "_customer_number");
        assertBadParameter(create(Map.of("_customer_number", "5550100", "_desired_time", "soon")), "_desired_time");
        assertBadParameter(create(Map.of("_customer_number", "5550100", "_desired_time", "2020-01-01T00:00:00Z")),
                "_desired_time");
        assertBadParameter(create(Map.of("_customer_number", "5550100", "_cb_dim_channel", "FAX")), "_cb_dim_channel");
        assertBadParameter(create(Map.of("_customer_number", "5550100", "_unknown", "x")), "_unknown");
        assertBadParameter(http.post("/api/v1/callback-services", Map.of("name", "x", "timeZone", "Mars/Base",
                "callerId", "1")), "timeZone");
        assertBadParameter(http.post("/api/v1/callback-services", Map.of("name", "y", "timeZone", "UTC",
                "callerId", "1", "timeBucketMin", 7)), "timeBucketMin");
        assertBadParameter(http.get("/api/v1/callbacks?_callback_state=WAITING"), "_callback_state");
    }

    @Test
    void aDesiredTimeOutsideBusinessHoursIsRefused() {
        assertThat(http.post("/api/v1/callback-services", Map.of("name", "weekdays", "timeZone", "UTC",
                "businessHours", "Mon-Fri 09:00-17:00", "callerId", "1")).status()).isEqualTo(201);
        String saturdayNight = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(8, ChronoUnit.DAYS)
                .atZone(java.time.ZoneOffset.UTC).with(java.time.DayOfWeek.SATURDAY).withHour(23).toInstant().toString();
        CallbackHttp.Reply r = http.post("/api/v1/callback-services/weekdays/callbacks",
                Map.of("_customer_number", "5550100", "_desired_time", saturdayNight));
        assertBadParameter(r, "_desired_time");
        assertThat(r.json().get("error").asText()).contains("business hours");
    }

    @Test
    void aFullTimeBucketRefusesMoreScheduledCallbacks() {
        String slot = inHours(3);
        assertThat(create(Map.of("_customer_number", "5550101", "_desired_time", slot)).status()).isEqualTo(200);
        assertThat(create(Map.of("_customer_number", "5550102", "_desired_time", slot)).status()).isEqualTo(200);
        CallbackHttp.Reply full = create(Map.of("_customer_number", "5550103", "_desired_time", slot));
        assertBadParameter(full, "_desired_time");
        assertThat(full.json().get("error").asText()).contains("full");
        assertThat(create(Map.of("_customer_number", "5550103", "_desired_time", inHours(4))).status()).isEqualTo(200);
    }

    @Test
    void aNumberWithACallbackWaitingIsRefusedAsDuplicate() {
        assertThat(create(Map.of("_customer_number", "5550100")).status()).isEqualTo(200);
        CallbackHttp.Reply dup = create(Map.of("_customer_number", "5550100"));
        assertThat(dup.status()).isEqualTo(409);
        assertThat(dup.json().get("parameter").asText()).isEqualTo("_customer_number");
    }

    @Test
    void aNumberAskingTooOftenIsThrottled() {
        for (int i = 0; i < 3; i++) {
            String id = create(Map.of("_customer_number", "5550100")).json().get("_id").asText();
            assertThat(http.send("DELETE", "/api/v1/callbacks/" + id, null).status()).isEqualTo(200);
        }
        CallbackHttp.Reply throttled = create(Map.of("_customer_number", "5550100"));
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.json().get("parameter").asText()).isEqualTo("_customer_number");
    }

    @Test
    void callbacksAreFoundByIdNumberAndStateAndListedByServiceTimeAndState() {
        String a = create(Map.of("_customer_number", "5550100", "_desired_time", inHours(2))).json().get("_id").asText();
        create(Map.of("_customer_number", "5550101"));
        assertThat(http.get("/api/v1/callbacks/" + a).json().get("_callback_state").asText()).isEqualTo("SCHEDULED");
        assertThat(http.get("/api/v1/callbacks?_id=" + a).json()).hasSize(1);
        assertThat(http.get("/api/v1/callbacks?_customer_number=5550101").json()).hasSize(1);
        assertThat(http.get("/api/v1/callbacks?_callback_state=SCHEDULED,QUEUED").json()).hasSize(2);
        JsonNode listed = http.get("/api/v1/admin/callbacks?target=support&states=SCHEDULED&start_time="
                + Instant.now().minus(1, ChronoUnit.HOURS) + "&end_time=" + Instant.now().plus(5, ChronoUnit.HOURS)).json();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("_id").asText()).isEqualTo(a);
        assertThat(http.get("/api/v1/callbacks/nope").status()).isEqualTo(404);
        assertBadParameter(http.get("/api/v1/admin/callbacks"), "target");
    }

    @Test
    void rescheduleMovesTheDesiredTimeAndTheRecordsDueTime() {
        JsonNode cb = create(Map.of("_customer_number", "5550100")).json();
        String later = inHours(5);
        CallbackHttp.Reply r = http.send("PUT", "/api/v1/callbacks/" + cb.get("_id").asText(),
                Map.of("_desired_time", later));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("_callback_state").asText()).isEqualTo("SCHEDULED");
        assertThat(r.json().get("_desired_time").asText()).isEqualTo(later);
        long listId = http.get("/api/v1/callback-services/support").json().get("listId").asLong();
        assertThat(store.lists().search(listId, null, cb.get("_id").asText(), 1).getFirst().dialSchedTime())
                .isEqualTo(Instant.parse(later));
        assertBadParameter(http.send("PUT", "/api/v1/callbacks/" + cb.get("_id").asText(), Map.of("x", 1)),
                "_desired_time");
    }

    @Test
    void cancelCompletesTheCallbackAndCancelsItsRecord() {
        JsonNode cb = create(Map.of("_customer_number", "5550100")).json();
        JsonNode cancelled = http.send("DELETE", "/api/v1/callbacks/" + cb.get("_id").asText(), null).json();
        assertThat(cancelled.get("_callback_state").asText()).isEqualTo("COMPLETED");
        assertThat(cancelled.get("_callback_reason").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("_disposition").asText()).isEqualTo("COMPLETED.CANCELLED");
        long listId = http.get("/api/v1/callback-services/support").json().get("listId").asLong();
        assertThat(store.lists().search(listId, null, cb.get("_id").asText(), 1).getFirst().recordStatus())
                .isEqualTo(RecordStatus.CANCELLED);
        assertThat(http.send("DELETE", "/api/v1/callbacks/" + cb.get("_id").asText(), null).status()).isEqualTo(409);
    }

    @Test
    void anApplicationReportsResultsOfCallbacksOutdialDoesNotDial() {
        JsonNode cb = create(Map.of("_customer_number", "5550100", "_call_direction", "USERORIGINATED",
                "_cb_dim_channel", "MOBILE")).json();
        String path = "/api/v1/callbacks/" + cb.get("_id").asText() + "/results";
        assertBadParameter(http.post(path, Map.of("result", "MAYBE")), "result");
        assertBadParameter(http.post(path, Map.of("result", "PUSH_SEND_ERROR", "reason", "OOPS")), "reason");
        JsonNode done = http.post(path, Map.of("result", "PUSH_SEND_ERROR", "reason", "FAIL_LOAD_MESSAGE_FILE")).json();
        assertThat(done.get("_callback_reason").asText()).isEqualTo("FAIL_LOAD_MESSAGE_FILE");
        assertThat(done.get("_disposition").asText()).isEqualTo("COMPLETED.PUSH_SEND_ERROR");
        assertThat(done.get("_attempts").get(0).get("result").asText()).isEqualTo("PUSH_SEND_ERROR");
    }
}
