package org.outdial.sim;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.outdial.campaign.Campaign;
import org.outdial.campaign.CampaignGroup;
import org.outdial.campaign.CampaignList;
import org.outdial.campaign.DialMode;
import org.outdial.engine.Actor;
import org.outdial.engine.Command;
import org.outdial.engine.DialingOptions;
import org.outdial.engine.Engine;
import org.outdial.engine.EngineContext;
import org.outdial.engine.Event;
import org.outdial.engine.SessionConfig;
import org.outdial.engine.TimerService;
import org.outdial.list.CallingList;
import org.outdial.record.CallingWindow;

/**
 * One run of one scenario with one policy and seed: the real engine, fed in virtual time by the simulated switch,
 * virtual agents and an in-memory store. All randomness comes from the seed.
 */
final class Simulation {

    static final long GROUP_ID = 1;
    private static final long FIRST_SHIFT_MS = Instant.parse("2026-01-05T08:00:00Z").toEpochMilli();
    private static final int TIMER_POLL_LIMIT = 10_000;

    private final Scenario scenario;
    private final String policy;
    private final boolean check;
    private final Engine engine;
    private final TimerService timers = new TimerService();
    private final SimQueue queue = new SimQueue();
    private final Metrics metrics;
    private final ShiftClock shifts;
    private final SimSwitch switch_;
    private final VirtualAgents agents;
    private final SimStore store;
    private final Faults faults;
    /** Draws the injected faults; separate from the scenario's generator so a run without faults is unchanged. */
    private final RandomGenerator faultRandom;
    private final SimChecker checker;
    private long events;
    /** Sees every command with its event time (feeds benchmarks); nothing by default. */
    private java.util.function.ObjLongConsumer<Command> observer = (c, t) -> { };

    Simulation(Scenario scenario, String policy, long seed, boolean check) {
        this(scenario, policy, seed, check, Faults.NONE);
    }

    Simulation(Scenario scenario, String policy, long seed, boolean check, Faults faults) {
        this.scenario = scenario;
        this.faults = faults;
        this.faultRandom = RandomGeneratorFactory.of("L64X128MixRandom").create(seed ^ 0x5DEECE66DL);
        this.policy = policy;
        this.check = check;
        RandomGenerator simRandom = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        RandomGenerator engineRandom = RandomGeneratorFactory.of("L64X128MixRandom").create(~seed);
        this.metrics = new Metrics(scenario.days(), scenario.agents() * scenario.shiftHours() * 3600 * scenario.days());
        this.shifts = new ShiftClock(FIRST_SHIFT_MS, SimSwitch.ms(scenario.shiftHours() * 3600), scenario.days());
        this.switch_ = new SimSwitch(scenario, simRandom, queue, metrics, shifts);
        this.agents = new VirtualAgents(scenario, simRandom, queue, metrics, shifts, Policy.readyHintMs(policy));
        this.switch_.agents(agents);
        this.store = new SimStore(queue, faults, faultRandom);
        this.engine = new Engine(EngineContext.builder().applicationId(1).random(engineRandom)
                .dnc((tenant, phone, customer) -> store.blocks(phone))
                .predictivePacer(Policy.parse(policy)).checkInvariants(check).build());
        this.checker = check ? new SimChecker(engine, GROUP_ID, store) : null;
    }

    Metrics run() {
        schedule();
        while (true) {
            long nextQueue = queue.nextMs();
            long nextTimer = timers.nextDueMs();
            if (nextQueue == Long.MAX_VALUE && nextTimer == Long.MAX_VALUE) {
                break;
            }
            if (nextTimer <= nextQueue) {
                for (Event.TimerFired fired : timers.poll(nextTimer, TIMER_POLL_LIMIT)) {
                    deliver(fired);
                }
            } else {
                deliver(queue.poll());
            }
        }
        if (check) {
            engine.checkInvariants();
            if (engine.callsInProgress() != 0 || switch_.callsTracked() != 0) {
                throw new IllegalStateException("calls left at the end: engine " + engine.callsInProgress()
                        + ", switch " + switch_.callsTracked());
            }
        }
        return metrics;
    }

    Simulation observe(java.util.function.ObjLongConsumer<Command> observer) {
        this.observer = observer;
        return this;
    }

    long events() {
        return events;
    }

    private void schedule() {
        long t0 = shifts.shiftStartMs(0);
        queue.add(new Event.LoadSession(t0 - 2_000, config(), Actor.schedule("simulation")));
        for (int i = 0; i < scenario.agents(); i++) {
            queue.add(new Event.AgentLogin(t0 - 2_000, VirtualAgents.agentId(i), "place" + i, List.of(GROUP_ID)));
            queue.add(new Event.AgentReady(t0 - 1_000, VirtualAgents.agentId(i)));
        }
        for (int d = 0; d < scenario.days(); d++) {
            queue.add(new Event.StartDialing(shifts.shiftStartMs(d), GROUP_ID, Actor.schedule("shift")));
            long stop = shifts.shiftEndMs(d) - SimSwitch.ms(scenario.dialCutoffBeforeEndS());
            queue.add(new Event.StopDialing(Math.max(stop, shifts.shiftStartMs(d) + 1), GROUP_ID,
                    Actor.schedule("shift")));
        }
    }

    private SessionConfig config() {
        int lines = (int) Math.round(scenario.maxLinesPerAgent() * scenario.agents());
        int bufferMin = lines + scenario.agents();
        Policy.Target target = Policy.target(policy, scenario.abandonLimit());
        CampaignGroup group = new CampaignGroup(GROUP_ID, 1, scenario.id(), 1, 1, DialMode.PREDICTIVE,
                target.method(), target.goal(), bufferMin, 2 * bufferMin, Map.of(), 0);
        Campaign campaign = new Campaign(1, 1, "simulation", "", List.of(new CampaignList(SimStore.LIST_ID, 100, true)),
                List.of(), "+15550100000", null, 0);
        CallingList list = new CallingList(SimStore.LIST_ID, 1, "simulated", "", List.of(), ZoneOffset.UTC,
                new CallingWindow(0, CallingWindow.DAY_SEC), "US", 0, 0);
        DialingOptions options = DialingOptions.defaults()
                .withLimits(Policy.aim(policy).orElse(scenario.abandonLimit()), SimSwitch.ms(scenario.abandonTimeoutS()),
                        SimSwitch.ms(scenario.noAnswerTimeoutS()), scenario.maxLinesPerAgent(),
                        SimSwitch.ms(scenario.tickS()))
                .withAmd(scenario.amd().enabled(), scenario.amd().enabled() ? scenario.amd().falsePositiveRate() : 0);
        return new SessionConfig(group, campaign, List.of(list), List.of(), options);
    }

    private void deliver(Event event) {
        events++;
        long now = event.nowMs();
        switch_.now(now);
        agents.now(now);
        store.now(now);
        if (faults.any()) {
            injectAfter(event);
        }
        if (checker != null) {
            checker.before(event);
        }
        for (Command command : engine.handle(event)) {
            observer.accept(command, now);
            if (checker != null) {
                checker.command(command, now);
            }
            if (!timers.accept(command) && !(faults.any() && injected(command, now)) && !switch_.execute(command)) {
                store.execute(command);
            }
        }
        if (checker != null) {
            checker.after(event);
        }
    }

    /** A fault answering a command in the adapter's place; true when it did (the command is not carried out). */
    private boolean injected(Command command, long now) {
        switch (command) {
            case Command.Persist p when chance(faults.storeFail()) -> {
                queue.add(new Event.PersistFailed(now, p.writeId(), "injected store failure"));
                return true;
            }
            case Command.ClaimRecords c when chance(faults.claimFail()) -> {
                queue.add(new Event.ClaimFailed(now, c.requestId(), "injected claim failure"));
                return true;
            }
            case Command.Dial d when chance(faults.switchSilence()) -> {
                return true;  // the switch never says a word about this dial
            }
            default -> {
                return false;
            }
        }
    }

    /** Faults that follow an event: a person hangs up soon after answering. */
    private void injectAfter(Event event) {
        if (event instanceof Event.CallAnswered a && a.kind() == Event.AnswerKind.HUMAN
                && chance(faults.disconnect())) {
            queue.add(new Event.CallDropped(a.nowMs() + faultRandom.nextLong(2_001), a.callId()));
        } else if (event instanceof Event.CallDropped d) {
            switch_.hungUp(d.callId());
        }
    }

    private boolean chance(double p) {
        return p > 0 && faultRandom.nextDouble() < p;
    }
}
