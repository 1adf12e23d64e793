package org.outdial.server.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outdial.server.admin.AdminFixture.ADMIN;
import static org.outdial.server.admin.AdminFixture.READER;
import static org.outdial.server.admin.AdminFixture.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.outdial.store.jdbc.JdbcStore;
import org.outdial.store.jdbc.TestDatabases;

/** A campaign group's schedule is one of its options: the admin API keeps a valid one and names what is wrong. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScheduleOptionApiTest {

    private AdminFixture api;

    @BeforeAll
    void start(@TempDir Path dir) {
        api = new AdminFixture(JdbcStore.open(TestDatabases.h2(dir)), dir, 10);
    }

    @AfterAll
    void stop() {
        api.close();
    }

    private HttpResponse<String> putOptions(Map<String, Long> setup, String options) {
        String path = "/api/v1/campaign-groups/" + setup.get("group");
        JsonNode group = json(api.get(path, READER));
        return api.put(path, ADMIN, "{\"name\":\"" + group.get("name").asText() + "\",\"campaignId\":"
                + setup.get("campaign") + ",\"agentGroupId\":" + setup.get("agentGroup") + ",\"options\":" + options
                + ",\"version\":" + group.get("version").asLong() + "}", Map.of());
    }

    @Test
    void aValidScheduleAndZoneAreKeptAsOptions() {
        Map<String, Long> setup = api.campaignSetup("sched-ok", "PREDICTIVE");

        HttpResponse<String> r = putOptions(setup, "{\"schedule\":\"Mon-Fri 08:00-17:00\","
                + "\"schedule_time_zone\":\"Europe/Berlin\"}");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).get("options").get("schedule").asText()).isEqualTo("Mon-Fri 08:00-17:00");
    }

    @Test
    void aBadScheduleOrZoneIsRefusedNamingTheOption() {
        Map<String, Long> setup = api.campaignSetup("sched-bad", "PREDICTIVE");

        HttpResponse<String> schedule = putOptions(setup, "{\"schedule\":\"Mon-Fri 8-17\"}");
        HttpResponse<String> zone = putOptions(setup, "{\"schedule\":\"daily 08:00-17:00\","
                + "\"schedule_time_zone\":\"Mars/Olympus\"}");

        assertThat(schedule.statusCode()).isEqualTo(400);
        assertThat(json(schedule).get("field").asText()).isEqualTo("options.schedule");
        assertThat(json(schedule).get("error").asText()).contains("HH:MM");
        assertThat(zone.statusCode()).isEqualTo(400);
        assertThat(json(zone).get("field").asText()).isEqualTo("options.schedule_time_zone");
    }
}
