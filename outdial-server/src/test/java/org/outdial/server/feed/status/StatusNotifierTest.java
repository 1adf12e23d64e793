package org.outdial.server.feed.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outdial.campaign.DialMode;
import org.outdial.campaign.OptimizationMethod;
import org.outdial.engine.Actor;
import org.outdial.engine.Command;
import org.outdial.engine.SessionState;
import org.outdial.server.feed.FeedDirectory;
import org.outdial.server.feed.FeedMetrics;
import org.outdial.server.feed.PostReceiver;
import org.outdial.stats.GroupStatsView;
import org.slf4j.LoggerFactory;

/** Status notifications posted to a real HTTP server running in a process of its own, one rule per test. */
class StatusNotifierTest {

    private static final FeedDirectory.GroupInfo GROUP = new FeedDirectory.GroupInfo(12, 1, "Acme", "cc-1",
            "Sales@Team", "Team", 3, "Sales", null, "7000", OptimizationMethod.OVERDIAL_RATE, 3,
            Map.of(5L, "east"));
    private static final FeedDirectory DIRECTORY = id -> GROUP;
    private static final GroupStatsView STATS = new GroupStatsView(100, 30, 29, 1, 0.85, 0.3, 0.02, 600L, 2.0, 0, 0);

    private final PostReceiver receiver = new PostReceiver();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final FeedMetrics metrics = new FeedMetrics(registry);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final List<StatusNotifier> notifiers = new ArrayList<>();

    @BeforeEach
    void captureLog() {
        Logger logger = (Logger) LoggerFactory.getLogger("org.outdial.feed.status");
        logger.setLevel(Level.TRACE);
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void close() {
        ((Logger) LoggerFactory.getLogger("org.outdial.feed.status")).detachAppender(log);
        notifiers.forEach(StatusNotifier::close);
        receiver.close();
    }

    private StatusNotifier notifier(List<URI> targets, int intervalSec, int timeoutMs) {
        StatusNotifier n = new StatusNotifier(DIRECTORY, g -> targets, new StatusNotifier.StatsSource() {
            @Override
            public GroupStatsView group(long groupId) {
                return STATS;
            }

            @Override
            public Map<Long, GroupStatsView> lists(long groupId) {
                return Map.of(5L, new GroupStatsView(50, 10, 10, 0, null, 0.2, null, null, null, 0, 0));
            }
        }, metrics, () -> 1_700_000_000_000L, 500, timeoutMs, intervalSec);
        notifiers.add(n);
        return n;
    }

    private static Command.PublishSessionState state(SessionState s, DialMode mode) {
        return new Command.PublishSessionState(12, s, mode, Actor.client("admin"), STATS);
    }

    @Test
    void loadStartStopUnloadAndModeChangeEachPostTheirAction() throws Exception {
        StatusNotifier n = notifier(List.of(receiver.uri()), 0, 2_000);
        n.command(1_000, state(SessionState.LOADED, DialMode.PREDICTIVE));
        assertThat(receiver.next(5).get("GSW_CAMPAIGN_GROUP_ACTION").asInt()).isEqualTo(7);
        n.command(2_000, state(SessionState.RUNNING, DialMode.PREDICTIVE));
        assertThat(receiver.next(5).get("GSW_CAMPAIGN_GROUP_ACTION").asInt()).isEqualTo(9);
        n.command(3_000, state(SessionState.RUNNING, DialMode.PROGRESSIVE));
        JsonNode mode = receiver.next(5);
        assertThat(mode.get("GSW_CAMPAIGN_GROUP_ACTION").asInt()).isEqualTo(11);
        assertThat(mode.get("GSW_DIAL_MODE").asInt()).isEqualTo(2);
        n.command(4_000, state(SessionState.LOADED, DialMode.PROGRESSIVE));
        assertThat(receiver.next(5).get("GSW_CAMPAIGN_GROUP_ACTION").asInt()).isEqualTo(10);
        n.command(5_000, state(SessionState.UNLOADED, DialMode.PROGRESSIVE));
        JsonNode unload = receiver.next(5);
        assertThat(unload.get("GSW_CAMPAIGN_GROUP_ACTION").asInt()).isEqualTo(8);
        assertThat(unload.get("GSW_CAMPAIGN_GROUP_STATE").asInt()).isEqualTo(0);
    }

    @Test
    void theBodyHoldsEveryFieldOfTheSpecTable() throws Exception {
        notifier(List.of(receiver.uri()), 0, 2_000).command(1_700_000_000_123L,
                state(SessionState.RUNNING, DialMode.PREDICTIVE));
        JsonNode b = receiver.next(5);
        assertThat(receiver.pid()).as("the web server is another process").isNotEqualTo(ProcessHandle.current().pid());
        PostReceiver.Request raw = receiver.raw().get(0);
        assertThat(raw.method()).isEqualTo("POST");
        assertThat(raw.path()).isEqualTo("/status");
        assertThat(raw.contentType()).isEqualTo("application/json; charset=utf-8");
        List<String> keys = new ArrayList<>();
        b.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactlyInAnyOrder("GSW_USER_EVENT", "GSW_DATE_TIME", "GSW_TENANT_NAME",
                "GSW_TENANT_CCID", "GSW_CAMPAIGN_GROUP_NAME", "GSW_CAMPAIGN_GROUP_GUID", "GSW_CAMPAIGN_GROUP_DBID",
                "GSW_GROUP_NAME", "GSW_CAMPAIGN_NAME", "GSW_QUEUE_NAME", "GSW_DIAL_MODE", "GSW_OPTIMIZE_BY",
                "GSW_OPTIMIZE_GOAL", "GSW_CAMPAIGN_GROUP_STATE", "GSW_CAMPAIGN_GROUP_ACTION",
                "GSW_CAMPAIGN_GROUP_ACTOR", "GSW_STAT_BUSY_FACTOR", "GSW_STAT_HIT_RATIO", "GSW_STAT_OVERDIAL_RATE",
                "GSW_STAT_TIME_TO_COMPLETE", "GSW_CALLING_LISTS");
        assertThat(b.get("GSW_USER_EVENT").asText()).isEqualTo("CampaignGroupState");
        assertThat(b.get("GSW_DATE_TIME").asText()).isEqualTo("1700000000.123");
        assertThat(b.get("GSW_TENANT_NAME").asText()).isEqualTo("Acme");
        assertThat(b.get("GSW_TENANT_CCID").asText()).isEqualTo("cc-1");
        assertThat(b.get("GSW_CAMPAIGN_GROUP_NAME").asText()).isEqualTo("Sales@Team");
        assertThat(b.get("GSW_CAMPAIGN_GROUP_GUID").asText()).isEqualTo(StatusBuilder.guid(12))
                .matches("[0-9a-f-]{36}");
        assertThat(b.get("GSW_CAMPAIGN_GROUP_DBID").asText()).isEqualTo("12");
        assertThat(b.get("GSW_GROUP_NAME").asText()).isEqualTo("Team");
        assertThat(b.get("GSW_CAMPAIGN_NAME").asText()).isEqualTo("Sales");
        assertThat(b.has("GSW_CAMPAIGN_TEMPLATE_NAME")).as("no template configured").isFalse();
        assertThat(b.get("GSW_QUEUE_NAME").asText()).isEqualTo("7000");
        assertThat(b.get("GSW_DIAL_MODE").asInt()).isEqualTo(1);
        assertThat(b.get("GSW_OPTIMIZE_BY").asInt()).isEqualTo(2);
        assertThat(b.get("GSW_OPTIMIZE_GOAL").asInt()).isEqualTo(3);
        assertThat(b.get("GSW_CAMPAIGN_GROUP_STATE").asInt()).isEqualTo(5);
        assertThat(b.get("GSW_CAMPAIGN_GROUP_ACTION").asInt()).isEqualTo(9);
        assertThat(b.get("GSW_CAMPAIGN_GROUP_ACTOR").asInt()).isEqualTo(1);
        assertThat(b.get("GSW_STAT_BUSY_FACTOR").asDouble()).isEqualTo(0.85);
        assertThat(b.get("GSW_STAT_HIT_RATIO").asDouble()).isEqualTo(0.3);
        assertThat(b.get("GSW_STAT_OVERDIAL_RATE").asDouble()).isEqualTo(0.02);
        assertThat(b.get("GSW_STAT_TIME_TO_COMPLETE").asLong()).isEqualTo(600);
        JsonNode list = b.get("GSW_CALLING_LISTS").get(0);
        assertThat(list.get("GSW_CALLING_LIST_NAME").asText()).isEqualTo("east");
        assertThat(list.get("GSW_CALLING_LIST_DBID").asLong()).isEqualTo(5);
        assertThat(list.get("GSW_STAT_HIT_RATIO").asDouble()).isEqualTo(0.2);
        assertThat(list.get("GSW_STAT_TIME_TO_COMPLETE").isNull()).isTrue();
    }

    @Test
    void dialModeIsSentOnlyForRunningGroupsAndOptimizationOnlyForPredictive() throws Exception {
        StatusNotifier n = notifier(List.of(receiver.uri()), 0, 2_000);
        n.command(1, state(SessionState.LOADED, DialMode.PREDICTIVE));
        JsonNode loaded = receiver.next(5);
        assertThat(loaded.get("GSW_DIAL_MODE").isNull()).isTrue();
        n.command(2, state(SessionState.RUNNING, DialMode.PROGRESSIVE));
        JsonNode progressive = receiver.next(5);
        assertThat(progressive.get("GSW_DIAL_MODE").asInt()).isEqualTo(2);
        assertThat(progressive.get("GSW_OPTIMIZE_BY").isNull()).isTrue();
        assertThat(progressive.get("GSW_OPTIMIZE_GOAL").isNull()).isTrue();
    }

    @Test
    void runningGroupsAreReportedPeriodicallyWithLogId81001() throws Exception {
        StatusNotifier n = notifier(List.of(receiver.uri()), 1, 2_000);
        n.command(1, state(SessionState.RUNNING, DialMode.PREDICTIVE));
        receiver.next(5);
        JsonNode periodic = receiver.next(5);
        assertThat(periodic.get("GSW_CAMPAIGN_GROUP_STATE").asInt()).isEqualTo(5);
        assertThat(periodic.get("GSW_DATE_TIME").asText()).isEqualTo("1700000000.000");
        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
                .contains("Sending HTTP status notification CampaignGroupState for Campaign Group Sales@Team to "
                        + receiver.uri())
                .contains("Sending periodic HTTP status notification CampaignGroupState for Campaign Group "
                        + "Sales@Team to " + receiver.uri());
        assertThat(log.list).extracting(e -> e.getKeyValuePairs().get(0).value).contains(81000, 81001);
        assertThat(log.list).allMatch(e -> e.getLevel() == Level.TRACE);
    }

    @Test
    void stoppedGroupsAreNotReportedPeriodically() throws Exception {
        StatusNotifier n = notifier(List.of(receiver.uri()), 1, 2_000);
        n.command(1, state(SessionState.LOADED, DialMode.PREDICTIVE));
        receiver.next(5);
        Thread.sleep(2_500);
        assertThat(receiver.requests()).isEqualTo(1);
    }

    @Test
    void aFailedPostIsCountedAndNotRetried() throws Exception {
        receiver.status(500);
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        StatusNotifier n = notifier(List.of(receiver.uri(), URI.create("http://127.0.0.1:" + closedPort + "/x")), 0,
                2_000);
        n.command(1, state(SessionState.LOADED, DialMode.PREDICTIVE));
        await().atMost(Duration.ofSeconds(10)).until(() -> metrics.count("outdial.feed.failed", "status") == 2);
        Thread.sleep(1_000);
        assertThat(receiver.requests()).as("no retry").isEqualTo(1);
    }

    @Test
    void aSlowServerTimesOutAndIsCountedAsFailed() throws Exception {
        receiver.delay(3_000);
        StatusNotifier n = notifier(List.of(receiver.uri()), 0, 300);
        n.command(1, state(SessionState.LOADED, DialMode.PREDICTIVE));
        await().atMost(Duration.ofSeconds(10)).until(() -> metrics.count("outdial.feed.failed", "status") == 1);
    }
}
