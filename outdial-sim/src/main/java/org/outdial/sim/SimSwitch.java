package org.outdial.sim;

import java.util.HashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.outdial.engine.Command;
import org.outdial.engine.Event;
import org.outdial.record.CallResult;
import org.outdial.switching.Switch;
import org.outdial.switching.SwitchListener;

/**
 * A switch driven by the scenario model: each dial draws its outcome (by shift hour), ring and detection times from
 * the seeded generator and reports call progress at the right virtual times. It keeps the truth the engine cannot see
 * (person or machine) for the metrics. Virtual agents ({@link VirtualAgents}) handle connected calls.
 */
final class SimSwitch implements Switch {

    /** Ground truth of one dial. */
    static final class SimCall {
        final boolean live;
        final int day;
        long presentedAtMs = -1;

        SimCall(boolean live, int day) {
            this.live = live;
            this.day = day;
        }
    }

    private final Scenario scenario;
    private final RandomGenerator rng;
    private final SimQueue queue;
    private final Metrics metrics;
    private final ShiftClock shifts;
    private final Map<Long, SimCall> calls = new HashMap<>();
    private VirtualAgents agents;
    private long nowMs;

    SimSwitch(Scenario scenario, RandomGenerator rng, SimQueue queue, Metrics metrics, ShiftClock shifts) {
        this.scenario = scenario;
        this.rng = rng;
        this.queue = queue;
        this.metrics = metrics;
        this.shifts = shifts;
    }

    void agents(VirtualAgents agents) {
        this.agents = agents;
    }

    void now(long nowMs) {
        this.nowMs = nowMs;
    }

    @Override
    public void start(SwitchListener listener) {
        // Events go straight into the virtual-time queue.
    }

    @Override
    public void dial(Command.Dial dial) {
        metrics.dials++;
        int day = shifts.dayOf(nowMs);
        Scenario.OutcomeProbs p = scenario.outcomeProbsAtHour(shifts.hourOfShift(nowMs));
        double u = rng.nextDouble();
        long id = dial.callId();
        Scenario.Amd amd = scenario.amd();
        if ((u -= p.live()) < 0) {
            double ring = Math.min(scenario.ringTimeLiveS().draw(rng), scenario.noAnswerTimeoutS() - 0.5);
            SimCall call = new SimCall(true, day);
            calls.put(id, call);
            metrics.dayLive[day]++;
            if (amd.enabled() && rng.nextDouble() < amd.falsePositiveRate()) {
                metrics.dayAbandoned[day]++;
                answer(id, ring + amd.detectMachineS().draw(rng), Event.AnswerKind.MACHINE);
            } else {
                double detect = amd.enabled() ? amd.detectHumanS().draw(rng) : scenario.connectDelayS();
                answer(id, ring + detect, Event.AnswerKind.HUMAN);
            }
        } else if ((u -= p.machine()) < 0) {
            double ring = scenario.ringTimeMachineS().draw(rng);
            if (ring >= scenario.noAnswerTimeoutS()) {
                fail(id, scenario.noAnswerTimeoutS(), CallResult.NO_ANSWER);
                return;
            }
            calls.put(id, new SimCall(false, day));
            if (amd.enabled()) {
                boolean missed = rng.nextDouble() < amd.falseNegativeRate();
                answer(id, ring + amd.detectMachineS().draw(rng),
                        missed ? Event.AnswerKind.HUMAN : Event.AnswerKind.MACHINE);
            } else {
                answer(id, ring + scenario.connectDelayS(), Event.AnswerKind.HUMAN);
            }
        } else if ((u -= p.noAnswer()) < 0) {
            fail(id, scenario.noAnswerTimeoutS(), CallResult.NO_ANSWER);
        } else if ((u -= p.busy()) < 0) {
            fail(id, scenario.busySignalS().draw(rng), CallResult.BUSY);
        } else {
            fail(id, scenario.invalidS().draw(rng), CallResult.SIT_INVALID_NUM);
        }
    }

    private void answer(long callId, double afterS, Event.AnswerKind kind) {
        long at = nowMs + ms(afterS);
        if (kind == Event.AnswerKind.HUMAN) {
            calls.get(callId).presentedAtMs = at;
        }
        queue.add(new Event.CallAnswered(at, callId, kind));
    }

    private void fail(long callId, double afterS, CallResult result) {
        queue.add(new Event.CallFailed(nowMs + ms(afterS), callId, result));
    }

    @Override
    public void connect(Command.ConnectToAgent connect) {
        SimCall call = calls.remove(connect.callId());
        if (call == null) {
            throw new IllegalStateException("engine connected call " + connect.callId() + " that was never presented");
        }
        metrics.delivered++;
        if (call.live) {
            metrics.liveConnected++;
            metrics.custWaitS += (nowMs - call.presentedAtMs) / 1000.0;
        }
        agents.handle(connect.agentId(), connect.callId(), call.live);
    }

    @Override
    public void transfer(Command.Transfer transfer) {
        SimCall call = calls.remove(transfer.callId());
        queue.add(new Event.CallReleased(nowMs + 1_000, transfer.callId()));
        if (call != null && call.live) {
            metrics.liveConnected++;
        }
    }

    @Override
    public void release(Command.Release release) {
        SimCall call = calls.remove(release.callId());
        if (call != null && call.live && call.presentedAtMs >= 0 && release.reason() == CallResult.ABANDONED) {
            metrics.dayAbandoned[call.day]++;
        }
    }

    /** The called person hung up (an injected fault): the call is no longer the switch's to connect. */
    void hungUp(long callId) {
        calls.remove(callId);
    }

    int callsTracked() {
        return calls.size();
    }

    static long ms(double seconds) {
        return Math.round(seconds * 1000);
    }
}
