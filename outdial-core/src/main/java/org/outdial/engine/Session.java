package org.outdial.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.outdial.agent.AgentState;
import org.outdial.campaign.DialMode;
import org.outdial.compliance.AbandonGuard;
import org.outdial.list.CallingList;
import org.outdial.pacing.BusyAgents;
import org.outdial.pacing.OptimizationTarget;
import org.outdial.pacing.Pacer;
import org.outdial.pacing.ProgressivePacer;
import org.outdial.stats.GroupStats;
import org.outdial.treatment.TreatmentPlanner;

/**
 * The dialing session of one campaign group: its lifecycle, record buffer, member agents, waiting calls, pacer,
 * abandon guard and statistics. Dial placement lives in {@link Dialer}.
 */
final class Session {

    final SessionConfig config;
    final long groupId;
    SessionState state = SessionState.LOADED;
    DialMode mode;
    Actor actor;

    final Pacer predictive;
    final Pacer progressive;
    final AbandonGuard guard;
    final GroupStats stats = new GroupStats();
    final OptimizationTarget target;
    final Map<Long, GroupStats> listStats = new LinkedHashMap<>();
    final Map<Long, Long> remainingByList = new LinkedHashMap<>();
    final TreatmentPlanner planner;
    final Map<Long, CallingList> lists = new LinkedHashMap<>();

    /** Claimed records not yet handed out, in claim order. */
    final ArrayDeque<BufferedRecord> buffer = new ArrayDeque<>();
    /** Every record this session owns, by handle. */
    final Map<Long, BufferedRecord> owned = new LinkedHashMap<>();
    final Map<Long, Integer> activeChains = new HashMap<>();
    final Map<Long, Long> claimOutstanding = new LinkedHashMap<>();
    final Map<Long, Long> listExhaustedUntil = new HashMap<>();
    final Map<Long, int[]> attemptsToday = new HashMap<>();
    private long attemptsPrunedDay = Long.MIN_VALUE;
    private final int[] listCredit;
    private long[] listOrder;

    final List<AgentSeat> members = new ArrayList<>();
    final LinkedHashSet<AgentSeat> idle = new LinkedHashSet<>();
    final ArrayDeque<Call> waiting = new ArrayDeque<>();
    int dialsInFlight;
    int activeCalls;
    long tickTimerId;
    /** A loaded session fills its buffer before its first start; once stopped it holds no records until restarted. */
    boolean buffersWhileLoaded = true;
    long claimRetryTimerId;

    /** Bits of the {@link GroupCondition}s reported active (by ordinal); see {@link GroupConditions}. */
    int activeConditions;
    /** The store's last claim or write of this session failed. */
    boolean storeFailing;
    /** The switch's last report on a dial of this session was an error (Switch Error, or no progress at all). */
    boolean switchFailing;

    long claimedCount;
    long releasedCount;
    long finishedCount;

    Session(SessionConfig config, Pacer predictive, AbandonGuard guard, Actor actor) {
        this.config = config;
        this.groupId = config.groupId();
        this.mode = config.group().dialMode();
        this.actor = actor;
        this.predictive = predictive;
        this.progressive = new ProgressivePacer(config.options().callsPerReadyAgent());
        this.guard = guard;
        this.target = new OptimizationTarget(config.group().optimization(), config.group().optimizationGoal());
        this.planner = new TreatmentPlanner(config.treatments());
        for (CallingList list : config.lists()) {
            lists.put(list.id(), list);
            listStats.put(list.id(), new GroupStats());
        }
        this.listOrder = lists.keySet().stream().mapToLong(Long::longValue).toArray();
        this.listCredit = new int[listOrder.length];
    }

    boolean isRunning() {
        return state == SessionState.RUNNING;
    }

    boolean dialsAutomatically() {
        return mode != DialMode.PREVIEW && mode != DialMode.PUSH_PREVIEW;
    }

    boolean seizes() {
        return mode == DialMode.PROGRESSIVE_WITH_SEIZING || mode == DialMode.PREDICTIVE_WITH_SEIZING
                || mode == DialMode.POWER_WITH_SEIZING;
    }

    boolean usesPorts() {
        return mode == DialMode.POWER || mode == DialMode.POWER_GVP || mode == DialMode.PROGRESSIVE_GVP
                || mode == DialMode.PREDICTIVE_GVP;
    }

    boolean isPredictive() {
        return mode == DialMode.PREDICTIVE || mode == DialMode.PREDICTIVE_WITH_SEIZING;
    }

    Pacer pacer() {
        return isPredictive() ? predictive : progressive;
    }

    GroupStats listStats(long listId) {
        return listStats.get(listId);
    }

    /** Members are logged in: an agent leaves his sessions when he logs out. */
    int loggedInMembers() {
        return members.size();
    }

    /** Next list to claim from: smooth weighted round robin by the lists' shares (deterministic). */
    long nextListToClaim(long nowMs) {
        int total = 0;
        int best = -1;
        for (int i = 0; i < listOrder.length; i++) {
            long listId = listOrder[i];
            if (claimOutstanding.containsKey(listId) || listExhaustedUntil.getOrDefault(listId, Long.MIN_VALUE) > nowMs) {
                continue;
            }
            int share = config.shareOf(listId);
            listCredit[i] += share;
            total += share;
            if (best < 0 || listCredit[i] > listCredit[best]) {
                best = i;
            }
        }
        if (best < 0) {
            return -1;
        }
        listCredit[best] -= total;
        return listOrder[best];
    }

    /** Dials of this record today (its zone's day), this one included after {@link #countAttempt}. */
    int attemptsToday(BufferedRecord r, long nowMs) {
        int[] entry = attemptsToday.get(recordKey(r));
        return entry != null && entry[0] == day(r, nowMs) ? entry[1] : 0;
    }

    /**
     * Counts a dial for the daily limit. Only kept when a limit is set; entries of past days are dropped once a day
     * (the map holds at most the records dialed in the last two days).
     */
    void countAttempt(BufferedRecord r, long nowMs) {
        if (config.options().dailyAttemptsMax() <= 0) {
            return;
        }
        long utcDay = Math.floorDiv(nowMs, 86_400_000L);
        if (utcDay != attemptsPrunedDay) {
            attemptsPrunedDay = utcDay;
            attemptsToday.values().removeIf(e -> e[0] < utcDay - 1);
        }
        int day = day(r, nowMs);
        int[] entry = attemptsToday.computeIfAbsent(recordKey(r), k -> new int[] {day, 0});
        if (entry[0] != day) {
            entry[0] = day;
            entry[1] = 0;
        }
        entry[1]++;
    }

    private static long recordKey(BufferedRecord r) {
        return r.record.listId() * 1_000_000_007L + r.record.recordId();
    }

    private static int day(BufferedRecord r, long nowMs) {
        return (int) java.time.Instant.ofEpochMilli(nowMs).atZone(r.record.timeZone()).toLocalDate().toEpochDay();
    }

    /** The busy members as the pacer sees them, refreshed per pacing round into reused arrays. */
    final class Busy implements BusyAgents {
        private long[] since = new long[16];
        private long[] hint = new long[16];
        private long[] wrap = new long[16];
        private long[] answerDelay = new long[16];
        private boolean[] notLive = new boolean[16];
        private int size;
        int talking;

        Busy refresh() {
            size = 0;
            talking = 0;
            for (AgentSeat a : members) {
                if (!a.isBusyWithCall()) {
                    continue;
                }
                if (a.state == AgentState.TALKING) {
                    talking++;
                }
                if (size == since.length) {
                    since = java.util.Arrays.copyOf(since, size * 2);
                    hint = java.util.Arrays.copyOf(hint, size * 2);
                    wrap = java.util.Arrays.copyOf(wrap, size * 2);
                    answerDelay = java.util.Arrays.copyOf(answerDelay, size * 2);
                    notLive = java.util.Arrays.copyOf(notLive, size * 2);
                }
                since[size] = a.busySinceMs;
                hint[size] = a.readyHintAtMs;
                wrap[size] = a.state == AgentState.TALKING ? Long.MIN_VALUE : a.wrapSinceMs;
                answerDelay[size] = a.callAnswerDelayMs;
                notLive[size] = a.callNotLive;
                size++;
            }
            return this;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public long busySinceMs(int i) {
            return since[i];
        }

        @Override
        public long readyHintAtMs(int i) {
            return hint[i];
        }

        @Override
        public long wrapSinceMs(int i) {
            return wrap[i];
        }

        @Override
        public long answerDelayMs(int i) {
            return answerDelay[i];
        }

        @Override
        public boolean markedNotLive(int i) {
            return notLive[i];
        }
    }

    final Busy busy = new Busy();
}
