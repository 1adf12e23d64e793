package org.outdial.server.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.outdial.server.admin.AdminFixture;
import org.outdial.sim.RealTimeSimSwitch;
import org.outdial.store.jdbc.JdbcStore;
import org.outdial.store.jdbc.TestDatabases;

/**
 * The web console in headless Chromium against a real server with the simulated switch (ten times real time): every
 * console action a supervisor takes, and no browser console errors on any view.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTest {

    private static final double SPEED = 10;

    private AdminFixture api;
    private Playwright playwright;
    private Browser browser;
    private BrowserContext context;
    private Page page;
    private final List<String> consoleErrors = new CopyOnWriteArrayList<>();

    @BeforeAll
    void start(@TempDir Path dir) {
        api = new AdminFixture(JdbcStore.open(TestDatabases.h2(dir)), dir, SPEED);
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get("/usr/bin/chromium")).setHeadless(true));
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (api != null) {
            api.close();
        }
    }

    @BeforeEach
    void open() {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800).setAcceptDownloads(true));
        page = context.newPage();
        page.setDefaultTimeout(15_000);
        // A loaded 2-core CI machine can take longer than Playwright's 5 s default to render a pushed update.
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        page.onConsoleMessage(m -> {
            if (m.type().equals("error")) {
                consoleErrors.add(m.text() + " @ " + page.url());
            }
        });
        page.onPageError(e -> consoleErrors.add("page error: " + e + " @ " + page.url()));
    }

    @AfterEach
    void close() {
        context.close();
    }

    private void login(String token) {
        page.navigate(api.url() + "/");
        page.getByLabel("API token").fill(token);
        page.getByLabel("API token").press("Enter");
        assertThat(page.locator("header.top")).isVisible();
    }

    /** Answers the confirmation dialog with the keyboard, as a keyboard-only user would. */
    private void confirm() {
        Locator ok = page.locator("#confirm-ok");
        assertThat(ok).isVisible();
        ok.focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("dialog#confirm")).not().isVisible();
    }

    private long dialsShown(long groupId) {
        String text = page.locator("tr[data-group='" + groupId + "'] td").nth(14).textContent().trim();
        return text.equals("–") ? 0 : Long.parseLong(text);
    }

    private static String csv(int records, int firstNumber) {
        StringBuilder csv = new StringBuilder("phone,customer_id,balance\n");
        for (int i = 0; i < records; i++) {
            csv.append("+1212555").append(String.format("%04d", firstNumber + i)).append(",c").append(firstNumber + i)
                    .append(",").append(i).append("\n");
        }
        return csv.toString();
    }

    private void importCsv(long listId, String csv) {
        var r = api.send("POST", "/api/v1/lists/" + listId + "/import", AdminFixture.ADMIN, csv, Map.of("Content-Type", "text/csv"));
        org.assertj.core.api.Assertions.assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    @Test
    void aSupervisorLoadsStartsSwitchesAndStopsACampaignAndWatchesItLive() {
        Map<String, Long> setup = api.campaignSetup("live", "PREDICTIVE");
        importCsv(setup.get("list"), csv(2000, 1000));
        long group = setup.get("group");
        login(AdminFixture.ADMIN);
        Locator row = page.locator("tr[data-group='" + group + "']");
        assertThat(row).containsText("NOT_LOADED");

        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Load live@agents").setExact(true)).click();
        confirm();
        assertThat(row).containsText("LOADED");
        api.server.dialing().loginAgents(RealTimeSimSwitch.agentIds(10), group);
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Start live@agents").setExact(true)).click();
        confirm();
        assertThat(row.locator("td").nth(1)).hasText("RUNNING");

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> dialsShown(group) > 0);
        long first = dialsShown(group);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> dialsShown(group) > first);
        assertThat(page.locator("#chart-busy")).isVisible();
        assertThat(row.locator("td").nth(7)).containsText("/ 3%");
        assertThat(row.locator("td").nth(8)).containsText("/ 3%");
        assertThat(row.getByRole(AriaRole.IMG, new Locator.GetByRoleOptions().setName(
                java.util.regex.Pattern.compile("^abandon 30 d .* of cap 3%$")))).isVisible();
        assertThat(page.locator("#chart-agents")).isVisible();
        Object messages = page.evaluate("() => window.outdialOps.messages");
        org.assertj.core.api.Assertions.assertThat(((Number) messages).intValue()).isGreaterThan(1);

        row.getByLabel("Dial mode of live@agents").selectOption("PROGRESSIVE");
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Set mode")).click();
        confirm();
        assertThat(row.locator("td").nth(2)).hasText("PROGRESSIVE");

        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Stop live@agents").setExact(true)).click();
        confirm();
        assertThat(row.locator("td").nth(1)).hasText("LOADED");
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Unload live@agents").setExact(true)).click();
        confirm();
        assertThat(row.locator("td").nth(1)).hasText(java.util.regex.Pattern.compile("UNLOAD(ED|ING)"));
    }

    @Test
    void aCsvWithBadRowsIsImportedAndTheBadRowsAreReportedAndDownloadable() throws Exception {
        long list = api.create("/api/v1/lists", "{\"name\":\"upload\",\"fields\":[{\"name\":\"balance\",\"type\":\"decimal\"}]}")
                .get("id").asLong();
        login(AdminFixture.ADMIN);
        page.navigate(api.url() + "/#/lists/" + list);
        String csv = "phone,balance\n+12125550301,1\nnot a phone,2\n+12125550302,lots\n+12125550303,3\n";

        page.getByLabel("CSV file").setInputFiles(new FilePayload("customers.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload and import")).click();

        assertThat(page.locator("#import-summary")).containsText("2 imported, 2 rejected");
        Locator errors = page.locator("#import-result table tbody tr");
        assertThat(errors).hasCount(2);
        assertThat(errors.nth(0)).containsText("3");
        assertThat(errors.nth(1)).containsText("balance");
        Download download = page.waitForDownload(() -> page.locator("#download-errors").click());
        String report = Files.readString(download.path());
        org.assertj.core.api.Assertions.assertThat(report).startsWith("line,column,reason").contains("\n3,").contains("\n4,balance,");
        assertThat(page.locator("#list-records")).hasText("2");
    }

    @Test
    void aNewListIsCreatedWithACustomFieldAndItsRecordsAreFoundAndEdited() {
        login(AdminFixture.ADMIN);
        page.navigate(api.url() + "/#/lists");
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("made-in-browser");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add custom field")).click();
        page.getByLabel("Field name").fill("account_no");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create list")).click();
        assertThat(page.locator("#view h1")).hasText("List made-in-browser");
        long id = Long.parseLong(page.url().replaceAll(".*/", ""));
        importCsv(id, "phone,account_no,customer_id\n+12125550401,A-1,cust-1\n");

        page.getByLabel("Phone", new Page.GetByLabelOptions().setExact(true)).fill("(212) 555-0401");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
        page.locator("#search-results a").first().click();
        assertThat(page.locator("#record-fields")).containsText("A-1");
        assertThat(page.getByText("Never dialed.")).isVisible();
        page.getByLabel("Status").selectOption("CANCELLED");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save record")).click();
        assertThat(page.locator(".toast", new Page.LocatorOptions().setHasText("record saved"))).isVisible();
        JsonNode found = AdminFixture.json(api.get("/api/v1/lists/" + id + "/records?customerId=cust-1", AdminFixture.READER));
        org.assertj.core.api.Assertions.assertThat(found.get(0).get("recordStatus").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void aNumberAddedToDoNotCallIsNeverDialed() {
        Map<String, Long> setup = api.campaignSetup("dnc", "PROGRESSIVE");
        importCsv(setup.get("list"), "phone\n+12125550501\n+12125550502\n+12125550503\n+12125550504\n");
        login(AdminFixture.ADMIN);
        page.navigate(api.url() + "/#/dnc");
        page.getByLabel("Phone", new Page.GetByLabelOptions().setExact(true)).fill("(212) 555-0502");
        page.getByLabel("Message", new Page.GetByLabelOptions().setExact(true)).fill("asked not to be called");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add to Do-Not-Call")).click();
        assertThat(page.locator("#dnc-entries")).containsText("+12125550502");

        long group = setup.get("group");
        api.post("/api/v1/campaign-groups/" + group + "/session/load", AdminFixture.ADMIN, null);
        api.server.dialing().loginAgents(RealTimeSimSwitch.agentIds(3), group);
        api.post("/api/v1/campaign-groups/" + group + "/session/start", AdminFixture.ADMIN, null);
        long list = setup.get("list");
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode p = AdminFixture.json(api.get("/api/v1/lists/" + list + "/penetration", AdminFixture.READER));
            return p.get("byAttempt").path("0").asLong() == 1 && p.get("byStatus").path("RETRIEVED").asLong() == 0;
        });
        api.post("/api/v1/campaign-groups/" + group + "/session/stop", AdminFixture.ADMIN, null);

        page.navigate(api.url() + "/#/lists/" + list);
        page.getByLabel("Phone", new Page.GetByLabelOptions().setExact(true)).fill("+12125550502");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
        assertThat(page.locator("#search-results tbody tr td").nth(5)).hasText("0");
    }

    @Test
    void anUnknownTokenIsRefusedAtLoginAndByEveryApiCall() {
        page.navigate(api.url() + "/");
        page.getByLabel("API token").fill("not-a-token");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();

        assertThat(page.locator("#login-error")).hasText("That token is not valid.");
        assertThat(page.locator("header.top")).isHidden();
        for (String path : List.of("/api/v1/lists", "/api/v1/dnc", "/api/v1/audit", "/api/v1/live/operations",
                "/api/v1/campaign-groups", "/api/v1/live/agents", "/api/v1/agent-states", "/api/v1/status-targets")) {
            Object status = page.evaluate("p => fetch(p, {headers: {Authorization: 'Bearer not-a-token'}}).then(r => r.status)", path);
            org.assertj.core.api.Assertions.assertThat(((Number) status).intValue()).as(path).isEqualTo(401);
        }
        consoleErrors.removeIf(e -> e.contains("401"));
    }

    @Test
    void aReadOnlyTokenSeesEverythingButCannotChangeAnything() {
        api.campaignSetup("readonly", "PREDICTIVE");
        login(AdminFixture.READER);
        assertThat(page.locator("#who")).containsText("read-only");
        Locator load = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Load readonly@agents").setExact(true));
        assertThat(load).isDisabled();

        page.navigate(api.url() + "/#/lists");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create list"))).isDisabled();
        page.navigate(api.url() + "/#/dnc");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add to Do-Not-Call"))).isDisabled();
        page.navigate(api.url() + "/#/config/targets");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add target"))).isDisabled();
        Object status = page.evaluate("() => fetch('/api/v1/dnc', {method: 'POST', headers: {Authorization: 'Bearer "
                + AdminFixture.READER + "', 'Content-Type': 'application/json'}, body: '{\"phone\":\"+12125550100\"}'}).then(r => r.status)");
        org.assertj.core.api.Assertions.assertThat(((Number) status).intValue()).isEqualTo(403);
        consoleErrors.removeIf(e -> e.contains("403"));
    }

    @Test
    void everyViewRendersWithoutErrorsOnADesktopAndATablet() {
        Map<String, Long> setup = api.campaignSetup("views", "PREDICTIVE");
        api.create("/api/v1/treatments", "{\"name\":\"busy-retry\",\"callResult\":\"BUSY\",\"recordAction\":\"RETRY_IN\","
                + "\"cycleAttempts\":3,\"intervalMin\":10}");
        api.create("/api/v1/agents", "{\"loginId\":\"ann\",\"name\":\"Ann\"}");
        List<String> overflow = new ArrayList<>();
        login(AdminFixture.ADMIN);
        for (int[] size : new int[][] {{1280, 800}, {768, 1024}}) {
            page.setViewportSize(size[0], size[1]);
            for (String view : List.of("operations", "agents", "lists", "lists/" + setup.get("list"), "dnc", "config/campaigns",
                    "config/groups", "config/treatments", "config/targets", "reports", "audit", "api")) {
                page.navigate(api.url() + "/#/" + view);
                assertThat(page.locator("#view h1")).isVisible();
                page.waitForTimeout(200);
                Object wide = page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth + 1");
                if (Boolean.TRUE.equals(wide)) {
                    overflow.add(view + " at " + size[0]);
                }
            }
        }
        org.assertj.core.api.Assertions.assertThat(overflow).as("views wider than the screen").isEmpty();
        org.assertj.core.api.Assertions.assertThat(consoleErrors).isEmpty();
    }

    @Test
    void theTreatmentPreviewShowsWhatHappensAfterEachCallResult() {
        Map<String, Long> setup = api.campaignSetup("preview", "PREDICTIVE");
        login(AdminFixture.ADMIN);
        page.navigate(api.url() + "/#/config/treatments");
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("no-answer-redial");
        page.getByLabel("After call result").selectOption("NO_ANSWER");
        page.getByLabel("Record action").selectOption("REDIAL");
        page.getByLabel("Cycle attempts").fill("2");
        page.getByLabel("Interval (min)").fill("45");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create treatment")).click();
        assertThat(page.locator("table").first()).containsText("no-answer-redial");
        long treatment = AdminFixture.json(api.get("/api/v1/treatments", AdminFixture.READER)).findValuesAsText("name")
                .indexOf("no-answer-redial");
        org.assertj.core.api.Assertions.assertThat(treatment).isNotNegative();

        page.navigate(api.url() + "/#/config/campaigns/" + setup.get("campaign"));
        page.getByLabel("apply no-answer-redial").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save campaign")).click();
        assertThat(page.locator(".toast", new Page.LocatorOptions().setHasText("campaign saved"))).isVisible();
        page.navigate(api.url() + "/#/config/treatments");
        page.locator("#preview-form select[name=campaignId]").selectOption(String.valueOf(setup.get("campaign")));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview")).click();
        Locator noAnswer = page.locator("#preview-result tr").filter(new Locator.FilterOptions().setHas(
                page.locator("td:first-child", new Page.LocatorOptions().setHasText(java.util.regex.Pattern.compile("^NO_ANSWER$")))));
        assertThat(noAnswer).containsText("in 45 min");
        assertThat(noAnswer).containsText("no-answer-redial");
    }

    @Test
    void theConsoleIsUsableWithTheKeyboardAlone() {
        page.navigate(api.url() + "/");
        assertThat(page.locator("#token")).isFocused();
        page.keyboard().press("Shift+Tab");
        assertThat(page.locator("a.skip")).isFocused();
        page.keyboard().press("Tab");
        page.keyboard().type(AdminFixture.ADMIN);
        page.keyboard().press("Enter");
        assertThat(page.locator("header.top")).isVisible();
        page.locator("header nav a").first().focus();
        page.keyboard().press("Tab");
        page.keyboard().press("Enter");
        assertThat(page.locator("#view h1")).hasText("Agents");
    }

    @Test
    void theAgentsViewShowsEachLoggedInAgentLiveAndForcesNotReadyAndLogoutWithAReason() {
        Map<String, Long> setup = api.campaignSetup("desk", "PROGRESSIVE");
        long group = setup.get("group");
        api.create("/api/v1/agents", "{\"loginId\":\"ann.live\",\"name\":\"Ann Live\"}");
        api.post("/api/v1/campaign-groups/" + group + "/session/load", AdminFixture.ADMIN, null);
        api.server.dialing().loginAgents(List.of("ann.live"), group);
        login(AdminFixture.ADMIN);
        page.navigate(api.url() + "/#/agents");
        Locator ann = page.locator("#agents-live tr[data-agent='ann.live']");
        // The feed learns a new agent's name when it re-reads the configuration (every 5 s).
        assertThat(ann.locator("td").nth(0)).hasText("ann.live (Ann Live)",
                new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(15_000));
        assertThat(ann.locator("td").nth(1)).hasText("READY");
        assertThat(ann.locator("td").nth(2)).hasText(java.util.regex.Pattern.compile("^\\d+:\\d\\d$"));
        assertThat(ann.locator("td").nth(4)).hasText("desk@agents");

        ann.getByLabel("reason code for ann.live").fill("7");
        ann.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Not ready ann.live")).click();
        confirm();
        assertThat(ann.locator("td").nth(1)).hasText("NOT_READY");
        assertThat(ann.locator("td").nth(3)).hasText("7");

        ann.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Log out ann.live")).click();
        confirm();
        assertThat(ann).hasCount(0);
        JsonNode audit = AdminFixture.json(api.get("/api/v1/audit?limit=5", AdminFixture.ADMIN));
        org.assertj.core.api.Assertions.assertThat(audit.findValuesAsText("action")).contains("agent.not-ready", "agent.logout");
    }

    @Test
    void aNotificationTargetIsAddedRetargetedAndRemovedInConfiguration() {
        Map<String, Long> setup = api.campaignSetup("notify", "PREDICTIVE");
        login(AdminFixture.ADMIN);
        page.navigate(api.url() + "/#/config/targets");
        page.getByLabel("URI").fill("ftp://wallboard.example/status");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add target")).click();
        assertThat(page.locator(".toast.bad")).containsText("http:// or https://");
        page.getByLabel("URI").fill("https://wallboard.example/status");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add target")).click();
        Locator row = page.locator("tr", new Page.LocatorOptions().setHasText("https://wallboard.example/status"));
        assertThat(row).containsText("every campaign group");

        row.getByRole(AriaRole.LINK).click();
        page.locator("#target-form select[name=groupId]").selectOption(String.valueOf(setup.get("group")));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save target")).click();
        assertThat(page.locator("tr", new Page.LocatorOptions().setHasText("https://wallboard.example/status")))
                .containsText("notify@agents");
        JsonNode stored = AdminFixture.json(api.get("/api/v1/status-targets", AdminFixture.READER));
        org.assertj.core.api.Assertions.assertThat(stored.get(0).get("groupId").asLong()).isEqualTo(setup.get("group"));

        page.locator("tr", new Page.LocatorOptions().setHasText("https://wallboard.example/status"))
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete")).click();
        confirm();
        assertThat(page.locator("tr", new Page.LocatorOptions().setHasText("https://wallboard.example/status"))).hasCount(0);
        org.assertj.core.api.Assertions.assertThat(AdminFixture.json(api.get("/api/v1/status-targets", AdminFixture.READER)))
                .isEmpty();
    }

    @Test
    void theWhatIfPlannerShowsAGroupsEstimatesWithIntervals() {
        Map<String, Long> setup = api.campaignSetup("plan", "PREDICTIVE");
        login(AdminFixture.ADMIN);
        page.navigate(api.url() + "/#/config/groups/" + setup.get("group"));
        Locator form = page.locator("#plan-form");
        form.getByLabel("Agents").fill("3");
        form.getByLabel("Shift (hours)").fill("0.5");
        form.getByLabel("Records to dial (0 = no time to complete)").fill("1000");
        form.getByLabel("Simulated runs per estimate").fill("2");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Plan")).click();
        Locator busy = page.locator("#plan-result tr", new Page.LocatorOptions().setHasText("Busy factor"));
        assertThat(busy.locator("td").nth(2)).hasText(java.util.regex.Pattern.compile("^\\d+\\.\\d% – \\d+\\.\\d%$"),
                new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(60_000));
        assertThat(page.locator("#plan-result tr", new Page.LocatorOptions().setHasText("Hours to complete"))).hasCount(1);
        assertThat(page.locator("#plan-result caption")).containsText("3 agents, 0.5 h");
    }

    @Test
    void aReportIsShownForAPeriodAndDownloadedAsCsv() throws Exception {
        login(AdminFixture.ADMIN);
        page.navigate(api.url() + "/#/reports");
        page.locator("#report-form select[name=report]").selectOption("/reports/campaigns");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
        assertThat(page.locator("#report-result caption")).hasText(java.util.regex.Pattern.compile("rows|No rows in this period"));
        Download download = page.waitForDownload(() -> page.locator("#report-csv").click());
        org.assertj.core.api.Assertions.assertThat(download.suggestedFilename()).isEqualTo("campaigns.csv");
        org.assertj.core.api.Assertions.assertThat(Files.readString(download.path())).contains(",");
    }

    @Test
    void doNotCallEntriesAreSearchedCheckedAddedWithAnExpiryRemovedAndBulkImported() {
        login(AdminFixture.ADMIN);
        page.navigate(api.url() + "/#/dnc");
        page.getByLabel("Phone", new Page.GetByLabelOptions().setExact(true)).fill("(212) 555-0701");
        page.getByLabel("Message", new Page.GetByLabelOptions().setExact(true)).fill("until the new year");
        page.getByLabel("Expires (date, optional)").fill("2099-12-31");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add to Do-Not-Call")).click();
        Locator entry = page.locator("#dnc-entries tr", new Page.LocatorOptions().setHasText("+12125550701"));
        assertThat(entry).not().containsText("never");
        JsonNode added = AdminFixture.json(api.get("/api/v1/dnc/check?phone=%2B12125550701", AdminFixture.READER));
        Object endOfDay = page.evaluate("() => new Date(2099, 11, 32).toISOString()");
        org.assertj.core.api.Assertions.assertThat(java.time.Instant.parse(added.get("entry").get("expiresAt").asText()))
                .as("blocked through the chosen day").isEqualTo(java.time.Instant.parse((String) endOfDay));

        Locator check = page.locator("form", new Page.LocatorOptions().setHas(page.getByLabel("Check a phone")));
        check.getByLabel("Check a phone").fill("+12125550701");
        check.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Check")).click();
        assertThat(page.locator("#dnc-check-result")).hasText("+12125550701 must not be called (until the new year)");
        check.getByLabel("Check a phone").fill("2125550799");
        check.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Check")).click();
        assertThat(page.locator("#dnc-check-result")).hasText("+12125550799 may be called");

        String text = "phone,message,expires\n+12125550711,moved away,\nnot a phone,x,\n+12125550712,,2099-06-30\n";
        page.getByLabel("CSV file (phone, customer_id, message, expires)").setInputFiles(
                new FilePayload("dnc.txt", "text/plain", text.getBytes(StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import").setExact(true)).click();
        assertThat(page.getByText("2 imported, 1 rejected.")).isVisible();
        assertThat(page.locator("table", new Page.LocatorOptions().setHasText("Reason")).last().locator("tbody tr td").first()).hasText("3");

        page.getByLabel("Phone or customer id starts with").fill("+121255507");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search").setExact(true)).click();
        assertThat(page.locator("#dnc-entries tbody tr")).hasCount(3);
        assertThat(page.locator("#dnc-entries")).containsText("moved away");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove +12125550701")).click();
        confirm();
        assertThat(page.locator("#dnc-entries tbody tr")).hasCount(2);
        org.assertj.core.api.Assertions.assertThat(AdminFixture.json(api.get("/api/v1/dnc/check?phone=%2B12125550701",
                AdminFixture.READER)).get("mayCall").asBoolean()).isTrue();
    }

    @Test
    void anAgentIsAddedWithACredentialAndJoinsAnAgentGroup() {
        login(AdminFixture.ADMIN);
        page.navigate(api.url() + "/#/agents");
        page.getByLabel("New agent group").fill("desk-team");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create group")).click();
        assertThat(page.locator("td", new Page.LocatorOptions().setHasText(java.util.regex.Pattern.compile("^desk-team$")))).isVisible();
        Locator add = page.locator("#agent-add");
        add.getByLabel("Login id").fill("bob.desk");
        add.getByLabel("Name", new Locator.GetByLabelOptions().setExact(true)).fill("Bob Desk");
        add.getByLabel("Desktop credential").fill("s3cret-pin");
        add.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add agent")).click();
        Locator configured = page.locator("tr", new Page.LocatorOptions().setHasText("bob.desk")).filter(
                new Locator.FilterOptions().setHasText("Bob Desk"));
        assertThat(configured.first()).containsText("–");
        var bob = api.store.config().agents(api.tenant.id()).stream().filter(a -> a.loginId().equals("bob.desk")).findFirst()
                .orElseThrow();
        org.assertj.core.api.Assertions.assertThat(org.outdial.server.desktop.Credentials.verify("s3cret-pin", bob.credentialHash()))
                .as("the credential is stored (hashed) and verifies").isTrue();

        Locator team = page.locator("tr", new Page.LocatorOptions().setHas(page.locator("td", new Page.LocatorOptions()
                .setHasText(java.util.regex.Pattern.compile("^desk-team$")))));
        team.getByLabel("bob.desk").check();
        team.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save members")).click();
        assertThat(page.locator(".toast", new Page.LocatorOptions().setHasText("desk-team saved"))).isVisible();
        JsonNode groups = AdminFixture.json(api.get("/api/v1/agent-groups", AdminFixture.READER));
        JsonNode deskTeam = null;
        for (JsonNode g : groups) {
            if (g.get("name").asText().equals("desk-team")) {
                deskTeam = g;
            }
        }
        org.assertj.core.api.Assertions.assertThat(deskTeam).as("desk-team created through the form").isNotNull();
        org.assertj.core.api.Assertions.assertThat(deskTeam.get("agentIds").toString()).isEqualTo("[" + bob.id() + "]");
        page.reload();
        assertThat(page.locator("tr", new Page.LocatorOptions().setHasText("Bob Desk")).first()).containsText("desk-team");
    }

    @Test
    void aCampaignGroupIsCreatedAndEditedWithItsDialModeAndOptions() {
        Map<String, Long> setup = api.campaignSetup("grouped", "PREDICTIVE");
        login(AdminFixture.ADMIN);
        page.navigate(api.url() + "/#/config/groups");
        Locator form = page.locator("#group-form");
        form.getByLabel("Name", new Locator.GetByLabelOptions().setExact(true)).fill("evening@grouped");
        form.getByLabel("Campaign", new Locator.GetByLabelOptions().setExact(true)).selectOption(String.valueOf(setup.get("campaign")));
        form.getByLabel("Agent group").selectOption(String.valueOf(setup.get("agentGroup")));
        form.getByLabel("Dial mode").selectOption("PROGRESSIVE");
        form.getByLabel("Buffer max").fill("12");
        form.getByLabel("Options (name=value, one a line)").fill("ring_time=25\nscript=evening");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create campaign group")).click();
        Locator row = page.locator("tr", new Page.LocatorOptions().setHasText("evening@grouped"));
        assertThat(row).containsText("PROGRESSIVE");
        assertThat(row).containsText("5–12");
        assertThat(row).containsText("ring_time=25, script=evening");

        row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("evening@grouped")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Edit evening@grouped"))).isVisible();
        form.getByLabel("Dial mode").selectOption("PREVIEW");
        form.getByLabel("Options (name=value, one a line)").fill("ring_time=30");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save campaign group")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("New campaign group"))).isVisible();
        row = page.locator("tr", new Page.LocatorOptions().setHasText("evening@grouped"));
        assertThat(row).containsText("PREVIEW");
        assertThat(row.locator("td").nth(6)).hasText("ring_time=30");
        JsonNode stored = AdminFixture.json(api.get("/api/v1/campaign-groups", AdminFixture.READER));
        JsonNode evening = null;
        for (JsonNode g : stored) {
            if (g.get("name").asText().equals("evening@grouped")) {
                evening = g;
            }
        }
        org.assertj.core.api.Assertions.assertThat(evening).isNotNull();
        org.assertj.core.api.Assertions.assertThat(evening.get("dialMode").asText()).isEqualTo("PREVIEW");
        org.assertj.core.api.Assertions.assertThat(evening.get("version").asLong()).isGreaterThan(0);
    }

    @Test
    void aListIsExportedAsACsvDownload() throws Exception {
        long list = api.create("/api/v1/lists", "{\"name\":\"to-export\",\"fields\":[]}").get("id").asLong();
        importCsv(list, "phone,customer_id\n+12125550801,x-1\n+12125550802,x-2\n");
        login(AdminFixture.ADMIN);
        page.navigate(api.url() + "/#/lists/" + list);
        Download download = page.waitForDownload(() ->
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Export CSV")).click());
        org.assertj.core.api.Assertions.assertThat(download.suggestedFilename()).isEqualTo("to-export.csv");
        String exported = Files.readString(download.path());
        org.assertj.core.api.Assertions.assertThat(exported.lines().count()).isEqualTo(3);
        org.assertj.core.api.Assertions.assertThat(exported).contains("+12125550801").contains("x-2");
    }

    @Test
    void theAuditLogPagesToOlderEntries() {
        for (int i = 0; i < 105; i++) {
            api.create("/api/v1/dnc", "{\"customerId\":\"audit-" + i + "\"}");
        }
        int total = AdminFixture.json(api.get("/api/v1/audit?limit=500", AdminFixture.ADMIN)).size();
        login(AdminFixture.ADMIN);
        page.navigate(api.url() + "/#/audit");
        Locator rows = page.locator("#view table tbody tr");
        assertThat(rows).hasCount(100);
        assertThat(rows.first()).containsText("audit-104");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Older entries")).click();
        assertThat(rows).hasCount(Math.min(total, 200));
        assertThat(page.locator("#view table tbody tr", new Page.LocatorOptions().setHasText("audit-0")).first()).isVisible();
    }

    @Test
    void aCampaignIsCreatedFromTheFormAndDeleted() {
        long list = api.create("/api/v1/lists", "{\"name\":\"camp-list\",\"fields\":[]}").get("id").asLong();
        login(AdminFixture.ADMIN);
        page.navigate(api.url() + "/#/config/campaigns");
        Locator form = page.locator("#campaign-form");
        form.getByLabel("Name", new Locator.GetByLabelOptions().setExact(true)).fill("spring-drive");
        form.getByLabel("Caller id").fill("+12025550111");
        form.getByLabel("use list camp-list").check();
        form.getByLabel("share of camp-list").fill("60");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create campaign")).click();
        Locator row = page.locator("tr", new Page.LocatorOptions().setHasText("spring-drive"));
        assertThat(row).containsText("camp-list (60%)");
        assertThat(row).containsText("+12025550111");

        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete")).click();
        confirm();
        assertThat(row).hasCount(0);
        org.assertj.core.api.Assertions.assertThat(AdminFixture.json(api.get("/api/v1/campaigns", AdminFixture.READER))
                .findValuesAsText("name")).doesNotContain("spring-drive");
        org.assertj.core.api.Assertions.assertThat(list).isPositive();
    }

    @Test
    void aTreatmentIsEditedThenItAndACampaignGroupAreDeletedAfterConfirmation() {
        Map<String, Long> setup = api.campaignSetup("doomed", "PROGRESSIVE");
        long id = api.create("/api/v1/treatments", "{\"name\":\"busy-doomed\",\"callResult\":\"BUSY\","
                + "\"recordAction\":\"RETRY_IN\",\"cycleAttempts\":3,\"intervalMin\":10,\"incrementMin\":5}")
                .get("id").asLong();
        login(AdminFixture.ADMIN);

        page.navigate(api.url() + "/#/config/treatments");
        Locator treatment = page.locator("tr", new Page.LocatorOptions().setHasText("busy-doomed"));
        treatment.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("busy-doomed")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Edit busy-doomed"))).isVisible();
        page.getByLabel("Interval (min)").fill("20");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save treatment")).click();
        assertThat(treatment).containsText("3 × 20 min +5");
        for (JsonNode t : AdminFixture.json(api.get("/api/v1/treatments", AdminFixture.READER))) {
            if (t.get("id").asLong() == id) {
                org.assertj.core.api.Assertions.assertThat(t.get("intervalMin").asInt()).isEqualTo(20);
            }
        }

        treatment.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete")).click();
        confirm();
        assertThat(treatment).hasCount(0);
        org.assertj.core.api.Assertions.assertThat(AdminFixture.json(api.get("/api/v1/treatments", AdminFixture.READER))
                .findValuesAsText("name")).doesNotContain("busy-doomed");

        page.navigate(api.url() + "/#/config/groups");
        Locator group = page.locator("tr", new Page.LocatorOptions().setHasText("doomed@agents"));
        group.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete")).click();
        confirm();
        assertThat(group).hasCount(0);
        org.assertj.core.api.Assertions.assertThat(AdminFixture.json(api.get("/api/v1/campaign-groups",
                AdminFixture.READER)).findValuesAsText("name")).doesNotContain("doomed@agents");
        org.assertj.core.api.Assertions.assertThat(setup.get("group")).isPositive();
    }

    @Test
    void theConfiguredAgentsTableForcesALoggedInAgentNotReadyWithAReason() {
        Map<String, Long> setup = api.campaignSetup("forced", "PROGRESSIVE");
        long group = setup.get("group");
        api.create("/api/v1/agents", "{\"loginId\":\"bob.forced\",\"name\":\"Bob Forced\"}");
        api.post("/api/v1/campaign-groups/" + group + "/session/load", AdminFixture.ADMIN, null);
        api.server.dialing().loginAgents(List.of("bob.forced"), group);
        login(AdminFixture.ADMIN);
        page.navigate(api.url() + "/#/agents");
        Locator live = page.locator("#agents-live tr[data-agent='bob.forced']");
        // The feed learns a new agent (and his tenant) when it re-reads the configuration (every 5 s).
        assertThat(live.locator("td").nth(1)).hasText("READY",
                new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(15_000));

        Locator configured = page.locator("section.panel", new Page.LocatorOptions().setHasText("Configured agents"))
                .locator("tr", new Locator.LocatorOptions().setHasText("bob.forced"));
        configured.getByLabel("reason code").fill("9");
        configured.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Not ready bob.forced")).click();
        confirm();
        assertThat(live.locator("td").nth(1)).hasText("NOT_READY");
        assertThat(live.locator("td").nth(3)).hasText("9");
        JsonNode audit = AdminFixture.json(api.get("/api/v1/audit?limit=5", AdminFixture.ADMIN));
        org.assertj.core.api.Assertions.assertThat(audit.findValuesAsText("action")).contains("agent.not-ready");
    }
}
