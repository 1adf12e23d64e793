package org.outdial.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.outdial.engine.Command;
import org.outdial.engine.Event;
import org.outdial.record.CallResult;
import org.outdial.switching.Switch;
import org.outdial.switching.SwitchListener;

/**
 * The simulated switch and its virtual agents in real time, for the server and the demo: dials draw their outcome,
 * ring and detection times from a scenario's call model, agents talk, wrap up and set call results, and every report
 * reaches the listener after the modelled time divided by {@code speed} (10 = ten times faster than real time).
 *
 * <p>Threading: one scheduler thread owns all state and the random generator; the engine thread only submits work
 * to it. Reported events carry the clock given at construction.
 */
public final class RealTimeSimSwitch implements Switch {

    /** Live answers the agent marks as a wrong number (the rest keep the switch's Answer). */
    private static final double WRONG_NUMBER_SHARE = 0.05;
    /** Live answers whose person asks for a call back tomorrow: the agent reschedules the record mid-call. */
    private static final double RESCHEDULE_SHARE = 0.04;
    /** Live answers whose person asks never to be called again: the agent marks the number Do-Not-Call. */
    private static final double DO_NOT_CALL_SHARE = 0.02;

    private final Scenario model;
    private final RandomGenerator rng;
    private final double speed;
    private final LongSupplier clockMs;
    private final ScheduledExecutorService scheduler;
    /** callId → whether a person answered; only the scheduler thread touches it. */
    private final Map<Long, Boolean> answered = new HashMap<>();
    /** callId → the dialed record's handle, for the agent's desktop requests; only the scheduler thread touches it. */
    private final Map<Long, Long> handles = new HashMap<>();
    private volatile SwitchListener listener;

    private RealTimeSimSwitch(Scenario model, long seed, double speed, LongSupplier clockMs) {
        if (!(speed > 0 && speed <= 1_000)) {
            throw new IllegalArgumentException("speed " + speed + " must be in (0, 1000]: 1 = real time, "
                    + "10 = ten times faster");
        }
        this.model = model;
        this.rng = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        this.speed = speed;
        this.clockMs = clockMs;
        // After close the simulated network is gone: commands the engine still sends while it stops are dropped,
        // as a real switch that is down would not take them, instead of failing the engine loop's adapter call.
        this.scheduler = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "sim-switch");
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.DiscardPolicy());
    }

    /** With the built-in call model: 30 % live answers, 20 % machines, two-minute talks, half-minute wrap-ups. */
    public static RealTimeSimSwitch withDefaultModel(long seed, double speed, LongSupplier clockMs) {
        try (InputStream in = RealTimeSimSwitch.class.getResourceAsStream("live-model.json")) {
            List<Scenario> scenarios = ScenarioFile.parse(new ObjectMapper().readTree(in), "live-model.json");
            return new RealTimeSimSwitch(scenarios.getFirst(), seed, speed, clockMs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Virtual agent ids, {@code agent0000} upward; the caller logs them in. */
    public static List<String> agentIds(int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(VirtualAgents::agentId).toList();
    }

    public double speed() {
        return speed;
    }

    @Override
    public void start(SwitchListener listener) {
        this.listener = listener;
    }

    @Override
    public void dial(Command.Dial dial) {
        scheduler.execute(() -> {
            handles.put(dial.callId(), dial.recordHandle());
            place(dial.callId());
            if (!answered.containsKey(dial.callId())) {
                handles.remove(dial.callId());
            }
        });
    }

    private void place(long callId) {
        Scenario.OutcomeProbs p = model.outcomeProbsAtHour(0);
        double u = rng.nextDouble();
        if ((u -= p.live()) < 0) {
            answer(callId, true, Math.min(model.ringTimeLiveS().draw(rng), model.noAnswerTimeoutS() - 0.5)
                    + model.connectDelayS());
        } else if ((u -= p.machine()) < 0) {
            double ring = model.ringTimeMachineS().draw(rng);
            if (ring >= model.noAnswerTimeoutS()) {
                report(model.noAnswerTimeoutS(), now -> new Event.CallFailed(now, callId, CallResult.NO_ANSWER));
            } else {
                answer(callId, false, ring + model.connectDelayS());
            }
        } else if ((u -= p.noAnswer()) < 0) {
            report(model.noAnswerTimeoutS(), now -> new Event.CallFailed(now, callId, CallResult.NO_ANSWER));
        } else if ((u -= p.busy()) < 0) {
            report(model.busySignalS().draw(rng), now -> new Event.CallFailed(now, callId, CallResult.BUSY));
        } else {
            report(model.invalidS().draw(rng), now -> new Event.CallFailed(now, callId, CallResult.SIT_INVALID_NUM));
        }
    }

    private void answer(long callId, boolean live, double afterS) {
        // Without AMD a machine is answered like a person; the agent finds out and says so.
        answered.put(callId, live);
        report(afterS, now -> new Event.CallAnswered(now, callId, Event.AnswerKind.HUMAN));
    }

    @Override
    public void connect(Command.ConnectToAgent connect) {
        scheduler.execute(() -> {
            Boolean live = answered.remove(connect.callId());
            Long handle = handles.remove(connect.callId());
            if (live == null) {
                return; // released meanwhile
            }
            double talkS = live ? model.talkS().draw(rng) : model.machineHandleS().draw(rng);
            double wrapS = live ? model.wrapS().draw(rng) : model.machineWrapS().draw(rng);
            CallResult result = !live ? CallResult.ANSWERING_MACHINE
                    : rng.nextDouble() < WRONG_NUMBER_SHARE ? CallResult.WRONG_NUMBER : CallResult.ANSWER;
            long callId = connect.callId();
            if (live && result == CallResult.ANSWER && handle != null) {
                deskRequest(connect.agentId(), callId, handle, talkS / 2);
            }
            report(talkS, now -> new Event.CallDisposition(now, callId, result));
            report(talkS, now -> new Event.CallReleased(now, callId));
            report(talkS + wrapS, now -> new Event.AgentReady(now, connect.agentId()));
        });
    }

    /** Sometimes the person asks for a call back tomorrow or never to be called again; the agent does so mid-call. */
    private void deskRequest(String agentId, long callId, long handle, double afterS) {
        double u = rng.nextDouble();
        org.outdial.desktop.Request request;
        if (u < DO_NOT_CALL_SHARE) {
            request = new org.outdial.desktop.Request.DoNotCall(handle, null, null,
                    org.outdial.desktop.Request.Target.NONE, null, org.outdial.desktop.Request.ChainAttr.RECORD_ONLY,
                    "asked not to be called (virtual agent)", null);
        } else if (u < DO_NOT_CALL_SHARE + RESCHEDULE_SHARE) {
            // tomorrow at this time of day (in the record's zone the engine moves it into the calling window)
            java.time.LocalDateTime at = java.time.LocalDateTime.ofInstant(
                    java.time.Instant.ofEpochMilli(clockMs.getAsLong()).plus(java.time.Duration.ofDays(1)),
                    java.time.ZoneOffset.UTC);
            request = new org.outdial.desktop.Request.RecordReschedule(handle,
                    org.outdial.desktop.Request.Target.NONE, org.outdial.desktop.Request.CallbackType.CAMPAIGN, at,
                    null, false);
        } else {
            return;
        }
        report(afterS, now -> new Event.DesktopRequest(now, agentId, callId, request));
    }

    @Override
    public void transfer(Command.Transfer transfer) {
        scheduler.execute(() -> {
            answered.remove(transfer.callId());
            handles.remove(transfer.callId());
            report(1, now -> new Event.CallReleased(now, transfer.callId()));
        });
    }

    @Override
    public void release(Command.Release release) {
        scheduler.execute(() -> {
            answered.remove(release.callId());
            handles.remove(release.callId());
        });
    }

    private void report(double afterModelS, java.util.function.LongFunction<Event> event) {
        long delayMs = Math.round(afterModelS * 1000 / speed);
        scheduler.schedule(() -> {
            SwitchListener l = listener;
            if (l != null) {
                l.onEvent(event.apply(clockMs.getAsLong()));
            }
        }, delayMs, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
