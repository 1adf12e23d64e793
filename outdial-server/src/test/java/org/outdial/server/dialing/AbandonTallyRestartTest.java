package org.outdial.server.dialing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.outdial.agent.AgentGroup;
import org.outdial.campaign.Campaign;
import org.outdial.campaign.CampaignGroup;
import org.outdial.campaign.CampaignList;
import org.outdial.campaign.DialMode;
import org.outdial.campaign.OptimizationMethod;
import org.outdial.compliance.AbandonTally;
import org.outdial.engine.Command;
import org.outdial.engine.Event;
import org.outdial.list.CallingList;
import org.outdial.list.NewCallingList;
import org.outdial.record.CallingWindow;
import org.outdial.record.NewRecord;
import org.outdial.store.RecordWriter;
import org.outdial.store.jdbc.JdbcStore;
import org.outdial.store.jdbc.StoreSettings;
import org.outdial.store.jdbc.TestDatabases;
import org.outdial.switching.Switch;
import org.outdial.switching.SwitchListener;
import org.outdial.tenant.Tenant;

/** The abandon caps survive a restart: the guard's tallies are written to the store and seed the next run's guard. */
class AbandonTallyRestartTest {

    private static final int APP_ID = 7;

    @TempDir
    Path dir;

    /** Dials wait until the test answers them; everything else is ignored. */
    private static final class ScriptedSwitch implements Switch {
        final LinkedBlockingQueue<Command.Dial> dials = new LinkedBlockingQueue<>();
        volatile SwitchListener listener;

        @Override
        public void start(SwitchListener listener) {
            this.listener = listener;
        }

        @Override
        public void dial(Command.Dial dial) {
            dials.add(dial);
        }

        @Override
        public void connect(Command.ConnectToAgent connect) {}

        @Override
        public void transfer(Command.Transfer transfer) {}

        @Override
        public void release(Command.Release release) {}
    }

    private static DialingRuntime start(JdbcStore store, Switch sw) {
        // speed 10: the 2-s connect timeout becomes 200 ms
        return DialingRuntime.start(store, APP_ID, sw, 10, System::currentTimeMillis,
                RandomGeneratorFactory.of("L64X128MixRandom").create(1));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aRestartedServerStillCountsTodaysAbandonsAgainstTheCap(TestDatabases.Kind kind) throws Exception {
        StoreSettings settings = TestDatabases.settings(kind, dir);
        long tenantId;
        CampaignGroup group;
        try (JdbcStore store = JdbcStore.open(settings)) {
            Tenant tenant = store.tenants().create("t", null);
            tenantId = tenant.id();
            CallingList list = store.lists().create(new NewCallingList(tenant.id(), "customers", null, List.of(),
                    ZoneOffset.UTC, new CallingWindow(0, CallingWindow.DAY_SEC), "US", 5));
            try (RecordWriter writer = store.lists().openWriter(list.id())) {
                for (int i = 0; i < 20; i++) {
                    writer.append(NewRecord.ready("+1415555" + String.format("%04d", i), list.defaultWindow(),
                            list.defaultTimeZone(), null, 0, null, Map.of()));
                }
                writer.commit();
            }
            AgentGroup agents = store.config().createAgentGroup(new AgentGroup(0, tenant.id(), "agents", List.of()));
            Campaign campaign = store.config().createCampaign(new Campaign(0, tenant.id(), "campaign", null,
                    List.of(new CampaignList(list.id(), 100, true)), List.of(), "18005550100", null, 0));
            group = store.config().createCampaignGroup(new CampaignGroup(0, tenant.id(), "campaign@agents",
                    campaign.id(), agents.id(), DialMode.PREDICTIVE, OptimizationMethod.OVERDIAL_RATE, 3, 2, 5,
                    Map.of(), 0));

            ScriptedSwitch sw = new ScriptedSwitch();
            DialingRuntime first = start(store, sw);
            first.startGroup(tenantId, group.id(), DialMode.PROGRESSIVE);
            first.loginAgents(List.of("a1"), group.id());
            Command.Dial dial = sw.dials.poll(30, TimeUnit.SECONDS);
            assertThat(dial).as("a dial for the ready agent").isNotNull();
            first.agentNotReady("a1", 5);
            await().atMost(Duration.ofSeconds(10)).until(() -> first.snapshot(group.id())
                    .map(s -> s.agents().containsKey(org.outdial.agent.AgentState.NOT_READY)).orElse(false));
            sw.listener.onEvent(new Event.CallAnswered(System.currentTimeMillis(), dial.callId(),
                    Event.AnswerKind.HUMAN));
            await().atMost(Duration.ofSeconds(10)).until(() -> first.snapshot(group.id())
                    .map(s -> s.stats().abandons() == 1).orElse(false));
            Double before = first.snapshot(group.id()).orElseThrow().abandonRateToday();
            first.stop(Duration.ofSeconds(5));

            assertThat(store.abandonTallies().since(tenantId, group.campaignId(), 0))
                    .extracting(AbandonTally::abandons).containsExactly(1L);
            assertThat(before).isGreaterThan(0.03);
        }

        try (JdbcStore reopened = JdbcStore.open(settings)) {
            DialingRuntime second = start(reopened, new ScriptedSwitch());
            try {
                second.load(tenantId, group.id(), null);
                await().atMost(Duration.ofSeconds(10)).until(() -> second.snapshot(group.id())
                        .map(s -> s.abandonRateToday() != null).orElse(false));

                // one abandon among no live answers: the day is far over its 3 % cap, so no risky dial is allowed
                assertThat(second.snapshot(group.id()).orElseThrow().abandonRateToday()).isEqualTo(1.0);
            } finally {
                second.stop(Duration.ofSeconds(5));
            }
        }
    }
}
