package org.outdial.server.dialing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outdial.agent.AgentGroup;
import org.outdial.campaign.Campaign;
import org.outdial.campaign.CampaignGroup;
import org.outdial.campaign.CampaignList;
import org.outdial.campaign.DialMode;
import org.outdial.campaign.OptimizationMethod;
import org.outdial.engine.Actor;
import org.outdial.engine.Command;
import org.outdial.engine.SessionState;
import org.outdial.feed.status.StatusCodes;
import org.outdial.list.CallingList;
import org.outdial.list.NewCallingList;
import org.outdial.record.CallingWindow;
import org.outdial.sim.RealTimeSimSwitch;
import org.outdial.store.Store;
import org.outdial.store.jdbc.TestDatabases;
import org.outdial.tenant.Tenant;

/**
 * Schedule-driven start and stop: the scheduler, polled on a virtual clock, loads and starts a group when its window
 * opens and stops and unloads it when it closes, with the schedule as the actor.
 */
class GroupSchedulerTest {

    @TempDir
    Path dir;

    private Store store;
    private DialingRuntime runtime;
    private CampaignGroup group;
    private final AtomicLong clock = new AtomicLong();
    private final List<Command.PublishSessionState> published = new CopyOnWriteArrayList<>();
    private GroupScheduler scheduler;

    @BeforeEach
    void createScheduledGroup() {
        store = TestDatabases.open(TestDatabases.Kind.H2, dir);
        Tenant tenant = store.tenants().create("t", null);
        CallingList list = store.lists().create(new NewCallingList(tenant.id(), "customers", null, List.of(),
                ZoneOffset.UTC, new CallingWindow(0, CallingWindow.DAY_SEC), "US", 5));
        AgentGroup agents = store.config().createAgentGroup(new AgentGroup(0, tenant.id(), "agents", List.of()));
        Campaign campaign = store.config().createCampaign(new Campaign(0, tenant.id(), "campaign", null,
                List.of(new CampaignList(list.id(), 100, true)), List.of(), "18005550100", null, 0));
        group = store.config().createCampaignGroup(new CampaignGroup(0, tenant.id(), "campaign@agents",
                campaign.id(), agents.id(), DialMode.PROGRESSIVE, OptimizationMethod.OVERDIAL_RATE, 3, 2, 5,
                Map.of(WeeklySchedule.OPTION, "daily 08:00-17:00", WeeklySchedule.ZONE_OPTION, "America/New_York"),
                0));
        runtime = DialingRuntime.start(store, 7, RealTimeSimSwitch.withDefaultModel(1, 200,
                System::currentTimeMillis), 200, System::currentTimeMillis,
                RandomGeneratorFactory.of("L64X128MixRandom").create(1));
        runtime.observe(c -> {
            if (c instanceof Command.PublishSessionState s && s.groupId() == group.id()) {
                published.add(s);
            }
        });
        scheduler = new GroupScheduler(store, runtime, clock::get);
    }

    @AfterEach
    void close() {
        runtime.stop(Duration.ofSeconds(5));
        store.close();
    }

    private void pollAt(String instant) {
        clock.set(Instant.parse(instant).toEpochMilli());
        scheduler.poll();
    }

    private void awaitState(SessionState state) {
        await().atMost(Duration.ofSeconds(10)).until(() -> runtime.snapshot(group.id())
                .map(s -> s.state() == state).orElse(state == SessionState.UNLOADED));
    }

    @Test
    void aGroupStartsWhenItsWindowOpensAndStopsWhenItClosesWithTheScheduleAsActor() {
        pollAt("2026-03-02T12:59:45Z");  // 07:59:45 EST
        assertThat(runtime.snapshot(group.id())).isEmpty();

        pollAt("2026-03-02T13:00:00Z");
        awaitState(SessionState.RUNNING);
        pollAt("2026-03-02T21:59:45Z");
        assertThat(runtime.snapshot(group.id()).orElseThrow().state()).isEqualTo(SessionState.RUNNING);
        pollAt("2026-03-02T22:00:00Z");
        awaitState(SessionState.UNLOADED);

        assertThat(published).extracting(Command.PublishSessionState::state).containsExactly(SessionState.LOADED,
                SessionState.RUNNING, SessionState.LOADED, SessionState.UNLOADING, SessionState.UNLOADED);
        assertThat(published).allSatisfy(s -> assertThat(s.actor().kind()).isEqualTo(Actor.Kind.SCHEDULE));
        // the status feed reports a schedule as its non-client actor value
        assertThat(StatusCodes.actor(published.get(0).actor())).isZero();
    }

    @Test
    void onTheSpringForwardDayTheWindowOpensAtEightLocalTime() {
        pollAt("2026-03-08T11:59:45Z");  // 07:59:45 EDT: an hour later in UTC than the day before
        pollAt("2026-03-08T12:00:00Z");  // 08:00 EDT
        awaitState(SessionState.RUNNING);
        pollAt("2026-03-08T20:59:45Z");
        pollAt("2026-03-08T21:00:00Z");  // 17:00 EDT
        awaitState(SessionState.UNLOADED);
    }

    @Test
    void anOperatorsStopInsideTheWindowIsNotOverruledUntilTheNextWindow() {
        pollAt("2026-03-02T13:00:00Z");
        awaitState(SessionState.RUNNING);
        runtime.stopDialing(group.id());
        awaitState(SessionState.LOADED);

        pollAt("2026-03-02T14:00:00Z");
        assertThat(runtime.snapshot(group.id()).orElseThrow().state()).isEqualTo(SessionState.LOADED);
        pollAt("2026-03-02T22:00:00Z");  // the window closes: unloaded
        awaitState(SessionState.UNLOADED);
        pollAt("2026-03-03T13:00:00Z");  // the next window: running again
        awaitState(SessionState.RUNNING);
    }

    @Test
    void aServerStartingInsideTheWindowStartsTheGroup() {
        pollAt("2026-03-02T15:00:00Z");
        awaitState(SessionState.RUNNING);
    }
}
