package org.outdial.server.desktop;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outdial.campaign.DialMode;
import org.outdial.record.CallingRecord;
import org.outdial.record.RecordStatus;
import org.outdial.record.RecordType;

/** The browser agent desktop at /agent in headless Chromium against real servers on the simulated switch. */
class AgentDesktopBrowserTest {

    @TempDir
    static Path previewDir;
    @TempDir
    static Path predictiveDir;
    static Playwright playwright;
    static Browser browser;

    @BeforeAll
    static void launch() {
        // A loaded 2-core CI machine can take longer than Playwright's 5 s default to render a pushed update.
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get("/usr/bin/chromium")).setHeadless(true));
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    private static Page login(DesktopServerFixture f, String agent) {
        Page page = browser.newPage();
        page.navigate("http://127.0.0.1:" + f.server.port() + "/agent");
        page.fill("#login-agent", agent);
        page.fill("#login-place", "10" + agent);
        page.fill("#login-credential", "pw");
        page.click("#login-button");
        assertThat(page.locator("#who")).containsText(agent);
        assertThat(page.locator("#campaigns")).containsText("Sales@team");
        return page;
    }

    /**
     * Asks for a preview record and waits until it is on screen: the title carries the record handle, so a title
     * still showing the previous record (its panel only hidden) is not taken for the new one.
     */
    private static void nextRecord(Page page) {
        String before = page.locator("#record-title").textContent();
        page.click("#get-record");
        assertThat(page.locator("#record-title")).not().hasText(before == null ? "" : before);
        assertThat(page.locator("#record-title")).containsText("Preview record");
        assertThat(page.locator("#record-panel")).isVisible();
    }

    @Test
    void anAgentWorksAPreviewCampaignInTheBrowser() {
        try (DesktopServerFixture f = new DesktopServerFixture(previewDir, DialMode.PREVIEW, 2, 20, Map.of())) {
            Page page = login(f, "a1");
            assertThat(page.locator("#campaigns")).containsText("Running");
            assertThat(page.locator("#campaigns")).containsText("Preview");

            nextRecord(page);
            assertThat(page.locator("#record-fields")).containsText("GSW_PHONE");
            page.fill("input[data-key=CustomerName]", "Browser Edit");
            page.selectOption("#call-result", "33");
            page.click("#processed");
            assertThat(page.locator("#message")).hasText("RecordProcessedAcknowledge");
            assertThat(page.locator("#record-panel")).isHidden();
            CallingRecord edited = f.records().stream()
                    .filter(r -> "Browser Edit".equals(r.customFields().get("customer_name"))).findFirst()
                    .orElseThrow();
            assertThat(edited.recordStatus()).isEqualTo(RecordStatus.UPDATED);

            nextRecord(page);
            String phone = page.locator("td[data-key=GSW_PHONE]").textContent();
            page.fill("#reschedule-at", "2031-05-06T10:30");
            page.selectOption("#callback-type", "Campaign");
            page.click("#reschedule");
            assertThat(page.locator("#message")).hasText("RecordRescheduleAcknowledge");
            page.click("#processed");
            assertThat(page.locator("#message")).hasText("RecordProcessedAcknowledge");
            CallingRecord callback = f.records().stream().filter(r -> r.contactInfo().equals(phone)).findFirst()
                    .orElseThrow();
            assertThat(callback.recordType()).isEqualTo(RecordType.CAMPAIGN_CALLBACK);

            nextRecord(page);
            page.click("#dnc");
            assertThat(page.locator("#message")).hasText("DoNotCallAcknowledge");

            // chained records: a second number added to the record's chain, fetched, and worked on its own
            nextRecord(page);
            page.fill("#add-phone", "(415) 555-0177");
            page.fill("#add-zone", "America/Chicago");
            page.click("#add-record");
            assertThat(page.locator("#message")).containsText("AddRecordAcknowledge");
            page.click("#get-chain");
            assertThat(page.locator("#chained")).containsText("+14155550177");
            page.click("#chained .chain-processed");
            assertThat(page.locator("#message")).hasText("RecordProcessedAcknowledge");
            assertThat(page.locator("#chained tbody tr")).hasCount(0);
            assertThat(page.locator("#record-panel")).isVisible();
            CallingRecord added = f.records().stream().filter(r -> r.contactInfo().equals("+14155550177"))
                    .findFirst().orElseThrow();
            assertThat(added.recordStatus()).isEqualTo(RecordStatus.UPDATED);
            assertThat(added.chainN()).isEqualTo(1);
            page.click("#reject");
            assertThat(page.locator("#message")).hasText("RecordRejectAcknowledge");
            assertThat(page.locator("#record-panel")).isHidden();

            nextRecord(page);
            page.click("#reject");
            assertThat(page.locator("#message")).hasText("RecordRejectAcknowledge");

            page.click("#logout");
            assertThat(page.locator("#message")).containsText("There is no 'Auto' campaign started");
        }
    }

    @Test
    void anAgentTakesPredictiveCallsInTheBrowserAndLogsOutSmartly() {
        try (DesktopServerFixture f = new DesktopServerFixture(predictiveDir, DialMode.PREDICTIVE, 1, 200, Map.of(),
                50)) {
            Page page = login(f, "a1");
            assertThat(page.locator("#campaigns")).containsText("Predictive");
            page.click("#ready");
            assertThat(page.locator("#record-title")).containsText("Connected call",
                    new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
            assertThat(page.locator("#record-fields")).containsText("CustomerName");
            await().atMost(Duration.ofSeconds(30)).until(() -> f.count(RecordStatus.UPDATED) > 0
                    || f.records().stream().anyMatch(r -> r.attempt() > 0 && r.recordStatus() != RecordStatus.RETRIEVED));

            page.click("#logout");
            assertThat(page.locator("#logout-countdown")).containsText("logged out",
                    new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
            assertThat(page.locator("#state")).hasText("Logged out");
        }
    }
}
