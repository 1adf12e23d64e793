package org.outdial.pacing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PacersTest {

    private static PacingView view(int idle, int talking, int waiting, int inFlight, int maxNew, double allowance,
                                   BusyAgents busy) {
        return new PacingView(1_000_000, idle, talking, waiting, inFlight, maxNew, allowance, busy);
    }

    @Test
    void progressiveDialsOnePerIdleAgentLessWhatIsInFlight() {
        PacingDecision d = new ProgressivePacer(1.0).decide(view(5, 0, 1, 2, 100, 0, BusyAgents.NONE));

        assertThat(d.dials()).isEqualTo(2);
        assertThat(d.expectedAbandons()).containsOnly(0.0);
    }

    @Test
    void progressiveNeverExceedsTheEnginesBound() {
        assertThat(new ProgressivePacer(2.0).decide(view(5, 0, 0, 0, 3, 0, BusyAgents.NONE)).dials()).isEqualTo(3);
    }

    @Test
    void fixedRatioKeepsLinesAtRatioTimesAvailableOrTalkingAgents() {
        PacingDecision d = new FixedRatioPacer(1.5).decide(view(2, 4, 0, 3, 100, 0, BusyAgents.NONE));

        assertThat(d.dials()).isEqualTo(2);
    }

    @Test
    void fixedRatioBelowOneIsRefusedWithTheFix() {
        assertThatThrownBy(() -> new FixedRatioPacer(0.8)).hasMessageContaining("fixed-ratio:1.2");
    }

    @Test
    void lookAheadWithoutAllowanceIsProgressive() {
        LookAheadPacer pacer = new LookAheadPacer(2_000, 24_000, 240_000);
        pacer.onDialPlaced(1, 999_000, 0);

        assertThat(pacer.decide(view(3, 0, 0, 1, 100, 0, BusyAgents.NONE)).dials()).isEqualTo(2);
    }

    @Test
    void lookAheadDialsAheadForAgentsAboutToFinish() {
        LookAheadPacer pacer = trainedPacer();
        BusyAgents aboutDone = busy(1_000_000 - 59_000, 1_000_000 - 59_000);
        BusyAgents justStarted = busy(1_000_000 - 1_000, 1_000_000 - 1_000);

        int aheadOfFinishing = pacer.decide(view(0, 2, 0, 0, 100, 0.3, aboutDone)).dials();
        int aheadOfNew = pacer.decide(view(0, 2, 0, 0, 100, 0.3, justStarted)).dials();

        assertThat(aheadOfFinishing).isGreaterThan(aheadOfNew);
        assertThat(aheadOfNew).isZero();
    }

    @Test
    void lookAheadTrustsAReadyTimeHint() {
        LookAheadPacer pacer = trainedPacer();
        long now = 1_000_000;
        BusyAgents hinted = new BusyAgents() {
            @Override
            public int size() {
                return 1;
            }

            @Override
            public long busySinceMs(int i) {
                return now - 1_000;
            }

            @Override
            public long readyHintAtMs(int i) {
                return now + 3_000;
            }
        };

        assertThat(pacer.decide(view(0, 1, 0, 0, 100, 0.3, hinted)).dials()).isPositive();
    }

    @Test
    void aReadyTimeHintNeverLowersWhatTheModelKnowsInsideTheWindowNorRaisesItOutside() {
        LookAheadPacer pacer = trainedPacer();
        long now = 1_000_000;
        long[] nearlyDone = {now - 59_000, now - 59_000, now - 59_000, now - 59_000};
        int unhinted = pacer.decide(view(0, 4, 0, 0, 100, 0.05, busy(nearlyDone))).dials();

        // every call lasts 60 s: the model is all but sure these agents are free in time, surer than any hint
        int hintedInside = pacer.decide(view(0, 4, 0, 0, 100, 0.05, hinted(nearlyDone, now + 5_000))).dials();
        int hintedOutside = pacer.decide(view(0, 4, 0, 0, 100, 0.05, hinted(nearlyDone, now + 600_000))).dials();

        assertThat(hintedInside).isEqualTo(unhinted).isPositive();
        assertThat(hintedOutside).isLessThan(unhinted);
    }

    private static BusyAgents hinted(long[] since, long hintAtMs) {
        BusyAgents agents = busy(since);
        return new BusyAgents() {
            @Override
            public int size() {
                return agents.size();
            }

            @Override
            public long busySinceMs(int i) {
                return agents.busySinceMs(i);
            }

            @Override
            public long readyHintAtMs(int i) {
                return hintAtMs;
            }
        };
    }

    @Test
    void moreAllowanceNeverMeansFewerDials() {
        LookAheadPacer pacer = trainedPacer();
        BusyAgents agents = busy(1_000_000 - 50_000, 1_000_000 - 40_000, 1_000_000 - 55_000);

        int low = pacer.decide(view(1, 3, 0, 0, 100, 0.05, agents)).dials();
        int high = pacer.decide(view(1, 3, 0, 0, 100, 0.4, agents)).dials();

        assertThat(high).isGreaterThanOrEqualTo(low);
    }

    @Test
    void expectedAbandonsAreZeroForRiskFreeDialsAndBelowTheAllowanceOtherwise() {
        LookAheadPacer pacer = trainedPacer();
        PacingDecision d = pacer.decide(view(2, 2, 0, 0, 100, 0.3, busy(1_000_000 - 59_000, 1_000_000 - 59_000)));

        assertThat(d.expectedAbandons()[0]).isZero();
        assertThat(d.expectedAbandons()[1]).isZero();
        assertThat(java.util.Arrays.stream(d.expectedAbandons()).max().orElse(0)).isLessThanOrEqualTo(0.3);
    }

    @Test
    void allAgentsBusyWithKnownRemainingTimesGetOneDialPerAgentFinishingInTheWindow() {
        // trained: calls last exactly 60 s, dials present after 10 s; two agents finish in 2 s, three in 40 s
        LookAheadPacer pacer = trainedPacer();
        long now = 1_000_000;
        BusyAgents agents = busy(now - 58_000, now - 58_000, now - 20_000, now - 20_000, now - 20_000);

        int dials = pacer.decide(view(0, 5, 0, 0, 100, 0.3, agents)).dials();

        assertThat(dials).isEqualTo(2);
    }

    @Test
    void aBurstOfAnswersWaitingForAgentsStopsRiskyDials() {
        LookAheadPacer pacer = trainedPacer();
        long now = 1_000_000;
        BusyAgents agents = busy(now - 58_000, now - 58_000);

        assertThat(pacer.decide(view(0, 2, 0, 0, 100, 0.3, agents)).dials()).isEqualTo(2);
        assertThat(pacer.decide(view(0, 2, 2, 0, 100, 0.3, agents)).dials()).isZero();
    }

    @Test
    void dialsAboutToBePresentedCountAgainstAgentsAboutToFinish() {
        LookAheadPacer pacer = trainedPacer();
        long now = 1_000_000;
        BusyAgents agents = busy(now - 58_000, now - 58_000);
        pacer.onDialPlaced(1_001, now - 9_000, 0.1);
        pacer.onDialPlaced(1_002, now - 9_000, 0.1);

        assertThat(pacer.decide(view(0, 2, 0, 2, 100, 0.3, agents)).dials()).isZero();
    }

    @Test
    void aColdStartDialsNothingAheadOfAgentsWhoJustConnected() {
        // nothing learned: the prior handle time (240 s) and presented share (1/2) apply
        LookAheadPacer pacer = new LookAheadPacer(2_000, 24_000, 240_000);
        long now = 1_000_000;
        BusyAgents justConnected = busy(now - 2_000, now - 2_000, now - 2_000);

        assertThat(pacer.decide(view(0, 3, 0, 0, 100, 0.3, justConnected)).dials()).isZero();
        // two idle agents: at most two dials per idle agent at the prior share of 1/2
        assertThat(pacer.decide(view(2, 3, 0, 0, 100, 0.3, justConnected)).dials()).isBetween(2, 4);
    }

    @Test
    void callsInProgressLongerThanAnyCompletedOneAreNotExpectedToEndSoon() {
        // early in a shift only five short calls (20 s) completed; ten agents are 30 s into longer ones. Counting
        // completed calls alone would have them all finish now; censoring keeps the estimate near the prior.
        LookAheadPacer pacer = new LookAheadPacer(2_000, 24_000, 240_000);
        for (int i = 0; i < 5; i++) {
            pacer.onHandleCompleted(20_000);
        }
        long now = 1_000_000;
        long[] since = new long[10];
        java.util.Arrays.fill(since, now - 30_000);

        assertThat(pacer.decide(view(0, 10, 0, 0, 100, 0.3, busy(since))).dials()).isLessThanOrEqualTo(2);
    }

    @Test
    void withPhasesApartAgentsInWrapUpArePredictedFromTheWrapUpTimeAlone() {
        // trained apart: talk lasts 10 s to 200 s (any length equally), wrap-up exactly 15 s. Two agents 60 s into
        // their call: still talking, they may go on for minutes; 12 s into wrap-up, they are Ready within 3 s.
        LookAheadPacer pacer = trainedPacer(true);
        for (int i = 0; i < 300; i++) {
            pacer.onTalkCompleted(10_000 + (i % 191) * 1_000);
            pacer.onWrapCompleted(15_000);
        }
        long now = 1_000_000;

        int talking = pacer.decide(view(0, 2, 0, 0, 100, 0.3, busy(now - 60_000, now - 60_000))).dials();
        int wrapping = pacer.decide(view(0, 0, 0, 0, 100, 0.3,
                wrapping(now - 60_000, now - 12_000, now - 60_000, now - 12_000))).dials();

        assertThat(talking).isZero();
        assertThat(wrapping).isEqualTo(2);
    }

    @Test
    void anAgentWhoseCallWasAnsweredWhenMachinesAnswerIsExpectedToFinishSooner() {
        // learned: people answer after 8 s and talk 60 s; machines answer after 18 s and take the agent 10 s
        LookAheadPacer pacer = new LookAheadPacer(2_000, 24_000, 240_000);
        for (int i = 0; i < 300; i++) {
            pacer.onHandleCompleted(60_000, 8_000, false);
            pacer.onHandleCompleted(10_000, 18_000, true);
            pacer.onDialPlaced(i, 0, 0);
            pacer.onPresented(i, 10_000);
        }
        long now = 1_000_000;
        long since = now - 5_000;

        int aheadOfPeople = pacer.decide(view(0, 2, 0, 0, 100, 0.3, answered(since, 8_000, since, 8_000))).dials();
        int aheadOfMachines = pacer.decide(view(0, 2, 0, 0, 100, 0.3, answered(since, 18_000, since, 18_000)))
                .dials();

        assertThat(aheadOfPeople).isZero();
        assertThat(aheadOfMachines).isEqualTo(2);
    }

    @Test
    void talkAndWrapUpOfLiveCallsAndMachinesArePredictedApart() {
        // learned: people talk 60 s and wrap up 15 s; machines take the agent 10 s then 2 s, marked as he hangs up
        LookAheadPacer pacer = new LookAheadPacer(2_000, 24_000, 240_000);
        for (int i = 0; i < 300; i++) {
            pacer.onHandleCompleted(75_000, 8_000, false);
            pacer.onHandleCompleted(12_000, 18_000, true);
            pacer.onPhasesCompleted(60_000, 15_000, 8_000, false, false);
            pacer.onPhasesCompleted(10_000, 2_000, 18_000, true, true);
            pacer.onDialPlaced(i, 0, 0);
            pacer.onPresented(i, 10_000);
        }
        long now = 1_000_000;
        long connected = now - 30_000;
        long wrapping = now - 1_000;

        // 1 s into wrap-up after a machine he marked: Ready in a second
        int afterMachines = pacer.decide(view(0, 0, 0, 0, 100, 0.3,
                seats(seat(connected, wrapping, 18_000, true), seat(connected, wrapping, 18_000, true)))).dials();
        // 1 s into wrap-up after a call he did not mark, though it was answered as late as machines are: machines are
        // marked by the hang-up here, so it was a person, and his 15 s wrap-up ends after the window
        int afterUnmarked = pacer.decide(view(0, 0, 0, 0, 100, 0.3,
                seats(seat(connected, wrapping, 18_000, false), seat(connected, wrapping, 18_000, false)))).dials();

        assertThat(afterMachines).isEqualTo(2);
        assertThat(afterUnmarked).isZero();
    }

    private record Seat(long since, long wrapSince, long answerDelay, boolean marked) {}

    private static Seat seat(long since, long wrapSince, long answerDelay, boolean marked) {
        return new Seat(since, wrapSince, answerDelay, marked);
    }

    private static BusyAgents seats(Seat... seats) {
        return new BusyAgents() {
            @Override
            public int size() {
                return seats.length;
            }

            @Override
            public long busySinceMs(int i) {
                return seats[i].since();
            }

            @Override
            public long readyHintAtMs(int i) {
                return Long.MIN_VALUE;
            }

            @Override
            public long wrapSinceMs(int i) {
                return seats[i].wrapSince();
            }

            @Override
            public long answerDelayMs(int i) {
                return seats[i].answerDelay();
            }

            @Override
            public boolean markedNotLive(int i) {
                return seats[i].marked();
            }
        };
    }

    @Test
    void theModelsAreReEstimatedOncePerSecondOfVirtualTime() {
        // every call lasts 60 s; agents 50 s into their calls are expected to finish within the window
        LookAheadPacer pacer = trainedPacer();
        long now = 1_000_000;
        BusyAgents agents = busy(now - 50_000, now - 50_000);
        int before = pacer.decide(view(0, 2, 0, 0, 100, 0.3, agents)).dials();
        // then a thousand calls of 10 minutes finish: the same second still decides with what it had learned ...
        for (int i = 0; i < 1_000; i++) {
            pacer.onHandleCompleted(600_000);
        }
        int sameSecond = pacer.decide(view(0, 2, 0, 0, 100, 0.3, agents)).dials();
        // ... and the next one knows that calls may last much longer
        int nextSecond = pacer.decide(new PacingView(now + 1_000, 0, 2, 0, 0, 100, 0.3, agents)).dials();

        assertThat(before).isEqualTo(2);
        assertThat(sameSecond).isEqualTo(before);
        assertThat(nextSecond).isLessThan(before);
    }

    /** Agents talking: pairs of (connected at, the call's dial → answer delay). */
    private static BusyAgents answered(long... sinceAndDelay) {
        return new BusyAgents() {
            @Override
            public int size() {
                return sinceAndDelay.length / 2;
            }

            @Override
            public long busySinceMs(int i) {
                return sinceAndDelay[2 * i];
            }

            @Override
            public long readyHintAtMs(int i) {
                return Long.MIN_VALUE;
            }

            @Override
            public long answerDelayMs(int i) {
                return sinceAndDelay[2 * i + 1];
            }
        };
    }

    /** Agents in wrap-up: pairs of (connected at, wrap-up since). */
    private static BusyAgents wrapping(long... sinceAndWrap) {
        return new BusyAgents() {
            @Override
            public int size() {
                return sinceAndWrap.length / 2;
            }

            @Override
            public long busySinceMs(int i) {
                return sinceAndWrap[2 * i];
            }

            @Override
            public long readyHintAtMs(int i) {
                return Long.MIN_VALUE;
            }

            @Override
            public long wrapSinceMs(int i) {
                return sinceAndWrap[2 * i + 1];
            }
        };
    }

    /** Every call lasts exactly 60 s; every dial is presented after 10 s. */
    private static LookAheadPacer trainedPacer() {
        return trainedPacer(false);
    }

    private static LookAheadPacer trainedPacer(boolean phasesApart) {
        LookAheadPacer pacer = new LookAheadPacer(2_000, 24_000, 240_000, phasesApart);
        for (int i = 0; i < 300; i++) {
            pacer.onHandleCompleted(60_000);
            pacer.onDialPlaced(i, 0, 0);
            pacer.onPresented(i, 10_000);
        }
        return pacer;
    }

    private static BusyAgents busy(long... since) {
        return new BusyAgents() {
            @Override
            public int size() {
                return since.length;
            }

            @Override
            public long busySinceMs(int i) {
                return since[i];
            }

            @Override
            public long readyHintAtMs(int i) {
                return Long.MIN_VALUE;
            }
        };
    }
}
