package org.outdial.pacing;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Predictive pacing that decides per call. For each candidate dial it estimates the probability that the call, if
 * answered, finds no free agent within the abandon timeout, and places the dial while that probability stays within
 * the {@linkplain PacingView#abandonAllowance() allowance} handed in by the compliance guard.
 *
 * <h2>The estimate</h2>
 * The candidate would be presented at a time x after now, drawn from the learned dial → presentation times; the
 * estimate is averaged over three quantiles of x (1/6, 1/2, 5/6). At each x, with window w = x + T (T = abandon
 * timeout) and H the handle-time distribution of a fresh call:
 * <ul>
 *   <li>agents free for it: the idle agents, plus each busy agent i with his probability p<sub>i</sub> of being
 *       Ready within w (Kaplan–Meier estimates throughout, calls in progress censored). Once talks and wrap-ups of
 *       both live calls and machines that reached an agent were seen, all four are modelled apart: an agent talking
 *       for e, P(talk − e + wrap ≤ w | talk > e), the talk model convolved with a fresh wrap-up; an agent in wrap-up
 *       for e, P(wrap ≤ e + w | wrap > e) — each the mixture of the live-call and the machine models, weighted by
 *       the chance the agent's call is a machine given how long the phase has lasted. That chance starts at 1 once
 *       he marked it so, else at the machine share among calls answered after the same dial → answer delay
 *       ({@link CallClassModel}: machines answer later than people); for an unmarked agent in wrap-up it is
 *       lowered by how often machines were still unmarked at hang-up, since where agents mark machines as they hang
 *       up an unmarked agent in wrap-up is on a live call. Until then: talk and wrap-up apart without classes, or
 *       connect → Ready as one, P(handle ≤ e + w | handle > e), with classes, or without. A ReadyTime hint inside
 *       the window raises the model's chance to at least 0.8 (a desktop's estimate, not a promise), outside caps
 *       it at 0.05;</li>
 *   <li>calls competing for them: the calls already waiting, each dial in flight with probability
 *       r<sub>j</sub> = P(presented within w | still in flight after a<sub>j</sub>) × (1 − H(w/2)), and each other
 *       candidate of this round with probability q·G(w)·(1 − H(w/2)). Calls presented after the candidate count too:
 *       the candidate would take their agent, so the marginal abandon is the same. The factor (1 − H(w/2)) is the
 *       chance the agent who took such a call is not free again by the window's end (short calls, e.g. machines
 *       that reached an agent, recycle agents);</li>
 *   <li>P(abandon | presented) = P(free agents − competing calls ≤ 0), exactly by convolution of the Bernoulli sums
 *       when at most {@value #EXACT_LIMIT} terms, else by the normal approximation with continuity correction.</li>
 * </ul>
 * A candidate that an idle agent is certain to take (idle agents exceed everything already in flight) is always
 * dialed: with allowance 0 this pacer is progressive. The expected abandons of a dial are q × P(abandon).
 *
 * <p>Elapsed times are taken at bin resolution (busy agents 1 s, dials in flight 250 ms), and the models and their
 * per-bin tables are re-estimated once per second of virtual time, so that a decision costs O(agents + dials)
 * look-ups and the model evaluations, O(distinct bins), are shared by every decision of that second. Not thread-safe; deterministic (in-flight dials are iterated in placement order).
 */
public final class LookAheadPacer implements Pacer {

    static final int EXACT_LIMIT = 120;
    /** A dial lasts at most the no-answer timeout plus answer detection; this covers the detection. */
    static final long COHORT_SLACK_MS = 10_000;
    /** The ring timeout the outcome prior and {@link #COHORT_SLACK_MS} are set for. */
    static final long REFERENCE_NO_ANSWER_MS = 24_000;
    /** A ReadyTime hint inside the window raises P(Ready within it) to at least this; one outside caps it at the next. */
    static final double HINT_INSIDE = 0.8;
    static final double HINT_OUTSIDE = 0.05;
    private static final double[] QUANTILES = {1.0 / 6, 0.5, 5.0 / 6};
    /** Busy agents' elapsed times are taken in whole steps of the talk-then-wrap-up convolution. */
    private static final long BUSY_BIN_MS = TalkThenWrap.STEP_MS;
    private static final int BUSY_BINS = 4 * 3_600;
    /** Until wrap-ups were seen, one part in this of the handle-time prior is taken to be wrap-up. */
    private static final long WRAP_PRIOR_SHARE = 6;
    private static final long FLIGHT_BIN_MS = 250;
    private static final int FLIGHT_BINS = 4 * 60;
    /** The models and look-up tables are refreshed once per this much virtual time. */
    static final long REFRESH_MS = 1_000;


    private final long abandonTimeoutMs;
    private final HandleTimeModel handle;
    private final HandleTimeModel talk;
    private final HandleTimeModel wrap;
    /** Connect → Ready of calls the agent found live, and of machines that reached him, told apart by answer delay. */
    private final HandleTimeModel liveHandle;
    private final HandleTimeModel machineHandle;
    /** Talk and after-call work of live calls and of machines that reached an agent, each learned apart. */
    private final HandleTimeModel liveTalk;
    private final HandleTimeModel machineTalk;
    private final HandleTimeModel liveWrap;
    private final HandleTimeModel machineWrap;
    private final CallClassModel classes = new CallClassModel();
    private final DialOutcomeModel outcomes;
    private final Map<Long, Long> inFlight = new LinkedHashMap<>();

    /** Per quantile k: each busy agent's p and each dial in flight's r this round. */
    private double[][] busyP = new double[QUANTILES.length][64];
    private double[][] flightR = new double[QUANTILES.length][64];
    /** Per busy agent: P(his call is a machine) from its answer delay, and the censoring weights of the two models. */
    private double[] machinePrior = new double[64];
    private double[] machineWeight = new double[64];
    private double[] liveWeight = new double[64];
    /**
     * p and r by elapsed-time bin for every quantile, valid until the next refresh ({@link #stamp}): a round costs
     * O(agents + dials) look-ups and O(distinct bins) model evaluations at most once a refresh.
     */
    private final BinTable busyTable = new BinTable(QUANTILES.length);
    private final BinTable wrapTable = new BinTable(QUANTILES.length);
    private final BinTable classTable = new BinTable(2 + 2 * QUANTILES.length);
    private final BinTable flightTable = new BinTable(QUANTILES.length);
    /** Per talk bin: S(e) of both classes' talk, then per quantile the unnormalised P(talk and wrap-up done) of both. */
    private final BinTable classTalkTable = new BinTable(2 + 2 * QUANTILES.length);
    /** Per wrap-up bin: S(e) of both classes' wrap-up, then per quantile S(e + window) of both. */
    private final BinTable classWrapTable = new BinTable(2 + 2 * QUANTILES.length);
    private long stamp;
    private final long[] windows = new long[QUANTILES.length];
    private final double[] holds = new double[QUANTILES.length];
    private final double[] othersR = new double[QUANTILES.length];
    private long refreshedEpoch = Long.MIN_VALUE;

    /** Whether this round predicts talk and wrap-up apart (both were seen), else connect → Ready as one. */
    private boolean split;
    /** Whether this round predicts live calls and machines apart (both were seen to finish). */
    private boolean classed;
    /** Whether this round predicts talk and wrap-up apart for live calls and machines apart (all four were seen). */
    private boolean splitClassed;
    private long machinesDone;
    /** A talking agent's chance of talk then a fresh wrap-up within each window: machines, live calls, unclassed. */
    private final TalkThenWrap machineTalkThenWrap;
    private final TalkThenWrap liveTalkThenWrap;
    private final TalkThenWrap talkThenWrap;
    private final double[] doneScratch = new double[QUANTILES.length];
    private long machinesMarkedByHangUp;
    private final boolean phasesApart;

    /**
     * @param abandonTimeoutMs   the connect timeout after which a waiting call is abandoned
     * @param noAnswerMs         the ring timeout: no dial lasts much longer
     * @param handleTimePriorMs  assumed talk + wrap before calls were seen (err long: it errs toward fewer dials)
     */
    public LookAheadPacer(long abandonTimeoutMs, long noAnswerMs, long handleTimePriorMs) {
        this(abandonTimeoutMs, noAnswerMs, handleTimePriorMs, true);
    }

    /**
     * @param phasesApart predict talking agents and agents in wrap-up from separate talk and wrap-up models, each
     *                    learned apart for live calls and machines once all four were seen (the default). Off, an
     *                    agent is predicted from connect → Ready as one (the {@code predictive-whole} simulate
     *                    policy, kept for comparison): on the public and extra scenarios that gave up to a point
     *                    less busy factor (S2, S4, S5) at the same abandon rates.
     */
    public LookAheadPacer(long abandonTimeoutMs, long noAnswerMs, long handleTimePriorMs, boolean phasesApart) {
        this.phasesApart = phasesApart;
        this.abandonTimeoutMs = abandonTimeoutMs;
        this.handle = new HandleTimeModel(handleTimePriorMs);
        this.talk = new HandleTimeModel(handleTimePriorMs - handleTimePriorMs / WRAP_PRIOR_SHARE);
        this.wrap = new HandleTimeModel(handleTimePriorMs / WRAP_PRIOR_SHARE);
        this.liveHandle = new HandleTimeModel(handleTimePriorMs);
        this.machineHandle = new HandleTimeModel(handleTimePriorMs);
        this.liveTalk = new HandleTimeModel(handleTimePriorMs - handleTimePriorMs / WRAP_PRIOR_SHARE);
        this.machineTalk = new HandleTimeModel(handleTimePriorMs - handleTimePriorMs / WRAP_PRIOR_SHARE);
        this.liveWrap = new HandleTimeModel(handleTimePriorMs / WRAP_PRIOR_SHARE);
        this.machineWrap = new HandleTimeModel(handleTimePriorMs / WRAP_PRIOR_SHARE);
        this.machineTalkThenWrap = new TalkThenWrap(machineTalk, machineWrap);
        this.liveTalkThenWrap = new TalkThenWrap(liveTalk, liveWrap);
        this.talkThenWrap = new TalkThenWrap(talk, wrap);
        // The outcome prior and the cohort slack are set for a 24 s ring timeout; they scale with the session's own,
        // so a campaign with another timeout, or the demo's time-compressed world (all its times divided by the
        // speed), does not plan its first dials with answers that come ten times too late.
        double timeScale = noAnswerMs / (double) REFERENCE_NO_ANSWER_MS;
        this.outcomes = new DialOutcomeModel(0.5, 1.0 / 300, noAnswerMs + Math.round(COHORT_SLACK_MS * timeScale),
                timeScale);
    }

    @Override
    public boolean readsBusyWhenRiskFree() {
        return false;
    }

    @Override
    public void onDialPlaced(long callId, long nowMs, double expectedAbandon) {
        inFlight.put(callId, nowMs);
    }

    @Override
    public void onPresented(long callId, long nowMs) {
        Long placed = inFlight.remove(callId);
        if (placed != null) {
            outcomes.onResolved(placed, nowMs, true);
        }
    }

    @Override
    public void onDialEnded(long callId, long nowMs) {
        Long placed = inFlight.remove(callId);
        if (placed != null) {
            outcomes.onResolved(placed, nowMs, false);
        }
    }

    @Override
    public void onHandleCompleted(long handleMs) {
        handle.onCompleted(handleMs);
    }

    @Override
    public void onHandleCompleted(long handleMs, long answerDelayMs, boolean markedNotLive) {
        handle.onCompleted(handleMs);
        classes.onCompleted(answerDelayMs, markedNotLive);
        (markedNotLive ? machineHandle : liveHandle).onCompleted(handleMs);
    }

    @Override
    public void onTalkCompleted(long talkMs) {
        talk.onCompleted(talkMs);
    }

    @Override
    public void onWrapCompleted(long wrapMs) {
        wrap.onCompleted(wrapMs);
    }

    @Override
    public void onPhasesCompleted(long talkMs, long wrapMs, long answerDelayMs, boolean markedNotLive,
                                  boolean markedByHangUp) {
        (markedNotLive ? machineTalk : liveTalk).onCompleted(talkMs);
        (markedNotLive ? machineWrap : liveWrap).onCompleted(wrapMs);
        if (markedNotLive) {
            machinesDone++;
            if (markedByHangUp) {
                machinesMarkedByHangUp++;
            }
        }
    }

    /**
     * The chance that a machine that reached an agent is still unmarked when his after-call work begins (uniform
     * prior): where agents mark machines as they hang up, an unmarked agent in wrap-up is almost surely on a live call.
     */
    private double unmarkedInWrapShare() {
        return (machinesDone - machinesMarkedByHangUp + 1.0) / (machinesDone + 2.0);
    }

    @Override
    public String name() {
        return "predictive";
    }

    @Override
    public PacingDecision decide(PacingView view) {
        int max = view.maxNewDials();
        if (max <= 0) {
            return PacingDecision.NONE;
        }
        int sureFree = view.idleAgents() - view.waitingCalls() - inFlight.size();
        if (view.abandonAllowance() <= 0) {
            return PacingDecision.riskFree(Math.min(max, sureFree));
        }
        refreshIfStale(view.nowMs(), view.busy());
        if (classed || splitClassed) {
            classPriors(view.busy());
        }
        int points = QUANTILES.length;
        int b = busyTerms(view);
        int f = flightTerms(view.nowMs());
        Estimate[] estimates = new Estimate[points];
        for (int k = 0; k < points; k++) {
            estimates[k] = b + f <= EXACT_LIMIT ? Estimate.exact(busyP[k], b, flightR[k], f)
                    : Estimate.normal(busyP[k], b, flightR[k], f);
        }
        double q = outcomes.presentShare();
        int freeNow = view.idleAgents() - view.waitingCalls();
        double[] costs = new double[max];
        int m = 0;
        while (m < max) {
            if (m < sureFree) {
                costs[m++] = 0;
                continue;
            }
            double pAbandon = 0;
            for (int k = 0; k < points; k++) {
                pAbandon += estimates[k].abandonProbability(freeNow, m, othersR[k]);
            }
            pAbandon /= points;
            if (pAbandon > view.abandonAllowance()) {
                break;
            }
            costs[m++] = q * pAbandon;
        }
        return new PacingDecision(m == max ? costs : Arrays.copyOf(costs, m));
    }

    /**
     * Re-estimates the models (what finished, with the calls now in progress censored), the windows and the per-bin
     * look-up tables once per {@link #REFRESH_MS} of virtual time: elapsed times are taken at one-second resolution
     * anyway and a second's calls change the estimates of a learned model by little, while a large group decides
     * several times a second, so the rounds in between cost O(agents + dials) table look-ups, not model evaluations.
     */
    private void refreshIfStale(long nowMs, BusyAgents busy) {
        long epoch = Math.floorDiv(nowMs, REFRESH_MS);
        if (epoch == refreshedEpoch) {
            return;
        }
        refreshedEpoch = epoch;
        stamp++;
        outcomes.advance(nowMs);
        handle.prepare(nowMs, busy);
        splitClassed = phasesApart && liveTalk.learned() && machineTalk.learned() && liveWrap.learned()
                && machineWrap.learned();
        split = !splitClassed && phasesApart && talk.learned() && wrap.learned();
        classed = !splitClassed && !split && liveHandle.learned() && machineHandle.learned();
        if (classed) {
            prepareClasses(nowMs, busy);
        }
        if (splitClassed) {
            prepareSplitClasses(nowMs, busy);
        }
        if (split) {
            talk.prepare(nowMs, busy, HandleTimeModel.Phase.TALK);
            wrap.prepare(nowMs, busy, HandleTimeModel.Phase.WRAP);
        }
        for (int k = 0; k < QUANTILES.length; k++) {
            long window = outcomes.presentQuantileMs(QUANTILES[k]) + abandonTimeoutMs;
            windows[k] = window;
            holds[k] = 1 - handle.freshFinishProbability(window / 2);
            othersR[k] = holds[k] * outcomes.newDialPresentedWithin(window);
        }
        if (splitClassed) {
            machineTalkThenWrap.refresh(windows);
            liveTalkThenWrap.refresh(windows);
        }
        if (split) {
            talkThenWrap.refresh(windows);
        }
    }

    /** Each busy agent's chance that his call is a machine: 1 once he marked it so, else by its answer delay. */
    private void classPriors(BusyAgents busy) {
        int b = busy.size();
        if (machinePrior.length < b) {
            machinePrior = new double[Math.max(b, machinePrior.length * 2)];
        }
        double unmarked = unmarkedInWrapShare();
        for (int i = 0; i < b; i++) {
            double m = busy.markedNotLive(i) ? 1 : classes.machineShareAt(busy.answerDelayMs(i));
            if (splitClassed && m < 1 && busy.wrapSinceMs(i) != Long.MIN_VALUE) {
                m = m * unmarked / (m * unmarked + 1 - m);
            }
            machinePrior[i] = m;
        }
    }

    private void ensureWeights(int b) {
        if (machineWeight.length < b) {
            int n = Math.max(b, machineWeight.length * 2);
            machineWeight = new double[n];
            liveWeight = new double[n];
        }
    }

    /** Busy agent i's posterior chance of a machine call, from his prior and how likely each class lasts this long. */
    private void weigh(int i, double prior, double machineAlive, double liveAlive) {
        double m = prior * machineAlive;
        double l = (1 - prior) * liveAlive;
        double post = m + l > 1e-12 ? m / (m + l) : prior;
        machineWeight[i] = post;
        liveWeight[i] = 1 - post;
    }

    /**
     * Re-estimates the two class models with each call in progress censored in each by its posterior chance of
     * belonging there (its prior from {@link #classPriors}, given how long it has lasted, by the last models).
     */
    private void prepareClasses(long nowMs, BusyAgents busy) {
        classPriors(busy);
        int b = busy.size();
        ensureWeights(b);
        for (int i = 0; i < b; i++) {
            double prior = machinePrior[i];
            long elapsed = Math.max(0, nowMs - busy.busySinceMs(i));
            weigh(i, prior, machineHandle.survival(elapsed), liveHandle.survival(elapsed));
        }
        liveHandle.prepare(nowMs, busy, HandleTimeModel.Phase.HANDLE, liveWeight);
        machineHandle.prepare(nowMs, busy, HandleTimeModel.Phase.HANDLE, machineWeight);
    }

    /**
     * Re-estimates the four phase-and-class models, each call in progress censored in its phase's two models by its
     * posterior chance of being a machine: 1 or 0 once the agent marked it, else its prior given how long the phase
     * has lasted, by the last models.
     */
    private void prepareSplitClasses(long nowMs, BusyAgents busy) {
        classPriors(busy);
        int b = busy.size();
        ensureWeights(b);
        for (int i = 0; i < b; i++) {
            double prior = machinePrior[i];
            long wrapSince = busy.wrapSinceMs(i);
            boolean inWrap = wrapSince != Long.MIN_VALUE;
            long elapsed = Math.max(0, nowMs - (inWrap ? wrapSince : busy.busySinceMs(i)));
            weigh(i, prior, (inWrap ? machineWrap : machineTalk).survival(elapsed),
                    (inWrap ? liveWrap : liveTalk).survival(elapsed));
        }
        liveTalk.prepare(nowMs, busy, HandleTimeModel.Phase.TALK, liveWeight);
        machineTalk.prepare(nowMs, busy, HandleTimeModel.Phase.TALK, machineWeight);
        liveWrap.prepare(nowMs, busy, HandleTimeModel.Phase.WRAP, liveWeight);
        machineWrap.prepare(nowMs, busy, HandleTimeModel.Phase.WRAP, machineWeight);
    }

    /**
     * P(agent talking for {@code bin} seconds, or in wrap-up for {@code bin} seconds, whose call is a machine with
     * prior {@code prior}, is Ready within each quantile's window), into {@code busyP[k][i]}: the mixture of the two
     * classes' phase models given the phase lasted this long.
     */
    private void splitClassedFinishProbabilities(int i, int bin, boolean inWrap, double prior, long elapsedMs) {
        long e = bin * BUSY_BIN_MS;
        BinTable table = inWrap ? classWrapTable : classTalkTable;
        if (!table.holds(bin, stamp)) {
            if (inWrap) {
                table.set(bin, 0, machineWrap.survival(e));
                table.set(bin, 1, liveWrap.survival(e));
                for (int k = 0; k < QUANTILES.length; k++) {
                    table.set(bin, 2 + 2 * k, machineWrap.survival(e) - machineWrap.survival(e + windows[k]));
                    table.set(bin, 3 + 2 * k, liveWrap.survival(e) - liveWrap.survival(e + windows[k]));
                }
            } else {
                table.set(bin, 0, machineTalk.survival(e));
                table.set(bin, 1, liveTalk.survival(e));
                machineTalkThenWrap.done(bin, doneScratch);
                for (int k = 0; k < QUANTILES.length; k++) {
                    table.set(bin, 2 + 2 * k, doneScratch[k]);
                }
                liveTalkThenWrap.done(bin, doneScratch);
                for (int k = 0; k < QUANTILES.length; k++) {
                    table.set(bin, 3 + 2 * k, doneScratch[k]);
                }
            }
        }
        double alive = prior * table.get(bin, 0) + (1 - prior) * table.get(bin, 1);
        if (alive < 1e-9) {
            for (int k = 0; k < QUANTILES.length; k++) {
                busyP[k][i] = handle.finishProbability(elapsedMs, windows[k]);
            }
            return;
        }
        double machine = prior / alive;
        double live = (1 - prior) / alive;
        for (int k = 0; k < QUANTILES.length; k++) {
            double done = machine * table.get(bin, 2 + 2 * k) + live * table.get(bin, 3 + 2 * k);
            busyP[k][i] = Math.max(0, Math.min(1, done));
        }
    }

    /**
     * P(agent busy for {@code bin} seconds whose call is a machine with prior {@code prior} is Ready within each
     * quantile's window), into {@code busyP[k][i]}: the mixture of the two class models given the call lasted this
     * long (the whole-call model when neither says it could still be running). Per bin the table holds S(e) of both
     * models and S(e + window) of both per quantile, computed once a refresh.
     */
    private void classedFinishProbabilities(int i, int bin, double prior) {
        long e = bin * BUSY_BIN_MS;
        if (!classTable.holds(bin, stamp)) {
            classTable.set(bin, 0, machineHandle.survival(e));
            classTable.set(bin, 1, liveHandle.survival(e));
            for (int k = 0; k < QUANTILES.length; k++) {
                classTable.set(bin, 2 + 2 * k, machineHandle.survival(e + windows[k]));
                classTable.set(bin, 3 + 2 * k, liveHandle.survival(e + windows[k]));
            }
        }
        double machineAlive = classTable.get(bin, 0);
        double liveAlive = classTable.get(bin, 1);
        double alive = prior * machineAlive + (1 - prior) * liveAlive;
        for (int k = 0; k < QUANTILES.length; k++) {
            double p;
            if (alive < 1e-9) {
                p = handle.finishProbability(e, windows[k]);
            } else {
                double done = prior * (machineAlive - classTable.get(bin, 2 + 2 * k))
                        + (1 - prior) * (liveAlive - classTable.get(bin, 3 + 2 * k));
                p = Math.max(0, Math.min(1, done / alive));
            }
            busyP[k][i] = p;
        }
    }

    /** Fills {@code busyP[k][0..b)} for every quantile; returns b, the busy agents. */
    private int busyTerms(PacingView view) {
        BusyAgents busy = view.busy();
        long now = view.nowMs();
        int b = busy.size();
        if (busyP[0].length < b) {
            for (int k = 0; k < QUANTILES.length; k++) {
                busyP[k] = new double[Math.max(b, busyP[k].length * 2)];
            }
        }
        for (int i = 0; i < b; i++) {
            if (classed) {
                classedFinishProbabilities(i, busyBin(now - busy.busySinceMs(i)), machinePrior[i]);
            } else if (splitClassed) {
                boolean inWrap = busy.wrapSinceMs(i) != Long.MIN_VALUE;
                splitClassedFinishProbabilities(i, busyBin(now - (inWrap ? busy.wrapSinceMs(i) : busy.busySinceMs(i))),
                        inWrap, machinePrior[i], now - busy.busySinceMs(i));
            } else {
                boolean inWrap = split && busy.wrapSinceMs(i) != Long.MIN_VALUE;
                int bin = busyBin(now - (inWrap ? busy.wrapSinceMs(i) : busy.busySinceMs(i)));
                BinTable table = inWrap ? wrapTable : busyTable;
                if (!table.holds(bin, stamp)) {
                    fillUnclassed(table, bin, inWrap);
                }
                for (int k = 0; k < QUANTILES.length; k++) {
                    busyP[k][i] = table.get(bin, k);
                }
            }
            long hint = busy.readyHintAtMs(i);
            if (hint != Long.MIN_VALUE) {
                // The hint raises the model's chance to at least HINT_INSIDE inside the window, and caps it outside.
                for (int k = 0; k < QUANTILES.length; k++) {
                    busyP[k][i] = hint <= now + windows[k] ? Math.max(busyP[k][i], HINT_INSIDE)
                            : Math.min(busyP[k][i], HINT_OUTSIDE);
                }
            }
        }
        return b;
    }

    /**
     * P(Ready within each window) of an agent busy for {@code bin} seconds, without classes: in wrap-up, from the
     * wrap-up model; talking, his talk convolved with a fresh wrap-up; with phases not apart, connect → Ready.
     */
    private void fillUnclassed(BinTable table, int bin, boolean inWrap) {
        long e = bin * BUSY_BIN_MS;
        double alive = split && !inWrap ? talkThenWrap.alive(bin) : 0;
        if (alive >= 1e-9) {
            talkThenWrap.done(bin, doneScratch);
        }
        for (int k = 0; k < QUANTILES.length; k++) {
            table.set(bin, k, inWrap ? wrap.finishProbability(e, windows[k])
                    : alive >= 1e-9 ? Math.max(0, Math.min(1, doneScratch[k] / alive))
                    : handle.finishProbability(e, windows[k]));
        }
    }

    /** Fills {@code flightR[k][0..f)} for every quantile, in placement order; returns f, the dials in flight. */
    private int flightTerms(long now) {
        int f = inFlight.size();
        if (flightR[0].length < f) {
            for (int k = 0; k < QUANTILES.length; k++) {
                flightR[k] = new double[Math.max(f, flightR[k].length * 2)];
            }
        }
        int j = 0;
        for (long placedAt : inFlight.values()) {
            int bin = (int) Math.min(FLIGHT_BINS - 1, Math.max(0, now - placedAt) / FLIGHT_BIN_MS);
            if (!flightTable.holds(bin, stamp)) {
                for (int k = 0; k < QUANTILES.length; k++) {
                    flightTable.set(bin, k, holds[k] * outcomes.inFlightPresentedWithin(bin * FLIGHT_BIN_MS,
                            windows[k]));
                }
            }
            for (int k = 0; k < QUANTILES.length; k++) {
                flightR[k][j] = flightTable.get(bin, k);
            }
            j++;
        }
        return f;
    }

    private static int busyBin(long elapsedMs) {
        return (int) Math.min(BUSY_BINS - 1, Math.max(0, elapsedMs) / BUSY_BIN_MS);
    }
}
