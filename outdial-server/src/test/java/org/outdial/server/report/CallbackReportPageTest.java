package org.outdial.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outdial.callback.BusinessHours;
import org.outdial.callback.Callback;
import org.outdial.callback.CallbackLifecycle;
import org.outdial.callback.CallbackReportEvent;
import org.outdial.callback.CallbackRequest;
import org.outdial.callback.CallbackService;
import org.outdial.callback.ReportingKeys;
import org.outdial.record.CallResult;
import org.outdial.server.OutdialServer;
import org.outdial.server.config.Settings;
import org.outdial.server.config.SettingsLoader;
import org.outdial.store.Store;
import org.outdial.store.jdbc.TestDatabases;
import org.outdial.tenant.Role;
import org.outdial.tenant.Tenant;

/** The callback report page in headless chromium: with a token it charts and tabulates the Callback Summary. */
class CallbackReportPageTest {

    @TempDir
    Path dir;

    @Test
    void thePageShowsTheSummaryOfTheChosenDays() {
        Store store = TestDatabases.open(TestDatabases.Kind.H2, dir);
        Tenant tenant = store.tenants().create("t", null);
        store.tenants().addToken(tenant.id(), Role.READ_ONLY, "reader", "reader-token");
        CallbackService service = CallbackService.defaults(tenant.id(), "support", BusinessHours.always(ZoneOffset.UTC))
                .withStorage(5, 1, 1);
        long now = Instant.now().toEpochMilli();
        List<CallbackReportEvent> events = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Callback cb = CallbackLifecycle.create("cb-" + i, service, CallbackRequest.parse(Map.of("_customer_number",
                    "555010" + i)), now - 3_600_000);
            events.add(ReportingKeys.start(cb, null));
            cb = CallbackLifecycle.dialing(cb, "a", 0, now - 3_500_000);
            cb = CallbackLifecycle.agentConnected(cb, "agent", now - 3_490_000);
            events.add(ReportingKeys.end(CallbackLifecycle.attemptEnded(cb, service, CallResult.ANSWER, true, true,
                    now - 3_500_000, now - 3_400_000).callback(), null));
        }
        store.reports().appendRaw(events.stream().map(e -> new CallbackReportEvent(e.kind(), e.callbackId(),
                e.serviceId(), tenant.id(), e.atMs(), e.keys())).toList());
        Settings settings = new SettingsLoader(Map.of("http.port", "0", "http.host", "127.0.0.1", "data",
                dir.toString()), Map.of(), null, dir).load();
        try (OutdialServer server = OutdialServer.start(settings, store);
             Playwright playwright = Playwright.create();
             Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setHeadless(true)
                     .setExecutablePath(Paths.get("/usr/bin/chromium")))) {
            server.reports().transformer().run();
            Page page = browser.newPage();
            page.navigate("http://127.0.0.1:" + server.port() + "/reports/callbacks");
            page.fill("#token", "reader-token");
            page.click("button");
            page.waitForSelector("#summary tbody tr");
            assertThat(page.locator("#summary tbody tr td").nth(2).textContent()).isEqualTo("3");
            assertThat(page.locator("#chart rect").count()).isEqualTo(3);

            page.fill("#token", "wrong-token");
            page.click("button");
            page.waitForSelector("#error:not(:empty)");
            assertThat(page.textContent("#error")).isNotBlank();
        }
    }
}
