package org.outdial.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outdial.engine.EngineHarness.GROUP;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.outdial.campaign.DialMode;

class SessionLifecycleTest {

    private final EngineHarness h = new EngineHarness();

    @Test
    void loadingASessionClaimsRecordsToFillItsBuffer() {
        List<Command> out = h.load(EngineHarness.config(DialMode.PROGRESSIVE, List.of(), DialingOptions.defaults(),
                EngineHarness.CALLER_ID, 5, 20));

        assertThat(EngineHarness.of(Command.ClaimRecords.class, out)).singleElement()
                .satisfies(c -> assertThat(c.max()).isEqualTo(20));
        assertThat(h.engine.sessionState(GROUP)).contains(SessionState.LOADED);
    }

    @Test
    void loadingACampaignWithoutCallerIdIsRejected() {
        List<Command> out = h.load(EngineHarness.config(DialMode.PROGRESSIVE, List.of(), DialingOptions.defaults(),
                " ", 1, 10));

        assertThat(EngineHarness.of(Command.Rejected.class, out)).singleElement()
                .satisfies(r -> assertThat(r.reason()).contains("caller id"));
        assertThat(h.engine.sessionState(GROUP)).isEmpty();
    }

    @Test
    void everyStateChangeIsPublishedWithItsActor() {
        h.load(DialMode.PROGRESSIVE);
        h.send(new Event.StartDialing(h.nowMs, GROUP, Actor.schedule("morning")));
        h.send(new Event.StopDialing(h.nowMs, GROUP, Actor.client("alice")));

        assertThat(h.of(Command.PublishSessionState.class))
                .extracting(Command.PublishSessionState::state, Command.PublishSessionState::actor)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(SessionState.LOADED, Actor.client("admin")),
                        org.assertj.core.groups.Tuple.tuple(SessionState.RUNNING, Actor.schedule("morning")),
                        org.assertj.core.groups.Tuple.tuple(SessionState.LOADED, Actor.client("alice")));
    }

    @Test
    void stopReturnsEveryBufferedRecordToTheStore() {
        h.load(DialMode.PROGRESSIVE);
        h.start();
        h.claimed(h.record(), h.record(), h.record());

        List<Command> out = h.send(new Event.StopDialing(h.nowMs, GROUP, Actor.client("admin")));

        assertThat(EngineHarness.of(Command.ReleaseRecords.class, out)).singleElement()
                .satisfies(r -> assertThat(r.recordIds()).hasSize(3));
        assertThat(h.engine.ownedRecords(GROUP)).isZero();
    }

    @Test
    void unloadWaitsForCallsInProgressThenUnloads() {
        h.autoStore();
        h.load(DialMode.PROGRESSIVE);
        h.start();
        h.readyAgent("a1");
        h.claimed(h.record(), h.record());
        Command.Dial dial = h.last(Command.Dial.class);

        h.send(new Event.UnloadSession(h.nowMs, GROUP, Actor.client("admin")));
        assertThat(h.engine.sessionState(GROUP)).contains(SessionState.UNLOADING);

        h.send(new Event.CallFailed(h.nowMs, dial.callId(), org.outdial.record.CallResult.BUSY));
        assertThat(h.engine.sessionState(GROUP)).isEmpty();
        assertThat(h.last(Command.PublishSessionState.class).state()).isEqualTo(SessionState.UNLOADED);
    }

    @Test
    void progressiveAndPredictiveSwitchWhileRunning() {
        h.load(DialMode.PROGRESSIVE);
        h.start();

        List<Command> out = h.send(new Event.SetDialMode(h.nowMs, GROUP, DialMode.PREDICTIVE, Actor.client("admin")));

        assertThat(EngineHarness.of(Command.Rejected.class, out)).isEmpty();
        assertThat(h.engine.dialMode(GROUP)).contains(DialMode.PREDICTIVE);
    }

    @Test
    void seizingPairSwitchesWhileRunning() {
        h.load(DialMode.PREDICTIVE_WITH_SEIZING);
        h.start();

        h.send(new Event.SetDialMode(h.nowMs, GROUP, DialMode.PROGRESSIVE_WITH_SEIZING, Actor.client("admin")));

        assertThat(h.engine.dialMode(GROUP)).contains(DialMode.PROGRESSIVE_WITH_SEIZING);
    }

    @Test
    void switchingIntoPreviewNeedsTheSessionStopped() {
        h.load(DialMode.PREDICTIVE);
        h.start();

        List<Command> out = h.send(new Event.SetDialMode(h.nowMs, GROUP, DialMode.PREVIEW, Actor.client("admin")));
        assertThat(EngineHarness.of(Command.Rejected.class, out)).singleElement()
                .satisfies(r -> assertThat(r.reason()).contains("stop the session"));

        h.send(new Event.StopDialing(h.nowMs, GROUP, Actor.client("admin")));
        h.send(new Event.SetDialMode(h.nowMs, GROUP, DialMode.PREVIEW, Actor.client("admin")));
        assertThat(h.engine.dialMode(GROUP)).contains(DialMode.PREVIEW);
    }

    @Test
    void startingAnUnloadedGroupIsRejected() {
        List<Command> out = h.start();

        assertThat(EngineHarness.of(Command.Rejected.class, out)).singleElement()
                .satisfies(r -> assertThat(r.reason()).contains("not loaded"));
    }

    @Test
    void eventsOlderThanThePreviousOneAreRefused() {
        h.load(DialMode.PROGRESSIVE);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> h.engine.handle(new Event.StartDialing(h.nowMs - 1,
                        GROUP, Actor.client("admin"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("time order");
    }
}
