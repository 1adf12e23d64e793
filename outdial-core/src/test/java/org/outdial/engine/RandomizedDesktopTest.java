package org.outdial.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.outdial.campaign.Campaign;
import org.outdial.campaign.CampaignGroup;
import org.outdial.campaign.CampaignList;
import org.outdial.campaign.DialMode;
import org.outdial.campaign.OptimizationMethod;
import org.outdial.desktop.Keys;
import org.outdial.desktop.Request;
import org.outdial.desktop.Request.RecordChanges;
import org.outdial.desktop.Request.Target;
import org.outdial.list.CallingList;
import org.outdial.record.CallResult;
import org.outdial.record.CallingRecord;
import org.outdial.record.CallingWindow;
import org.outdial.record.ContactInfoType;
import org.outdial.record.RecordStatus;
import org.outdial.record.RecordType;

/**
 * Thousands of mixed desktop requests, logouts and disconnects, seeded, through the engine with an in-memory store
 * and switch (calls answered, failed or never reported; writes that sometimes fail and are retried; chains claimed
 * for ChainedRecordRequest and records added by AddRecord). The engine's
 * invariants are checked after every event; at the end, after every desktop went away and the sessions unloaded, no
 * record is lost and none is left Retrieved.
 */
class RandomizedDesktopTest {

    private static final long PREVIEW = 1;
    private static final long AUTO = 2;
    private static final int RECORDS_PER_LIST = 150;
    private static final int AGENTS = 8;
    private static final long T0 = Instant.parse("2026-03-02T14:00:00Z").toEpochMilli();

    private record Pending(long atMs, long seq, Event event) {}

    private final PriorityQueue<Pending> queue = new PriorityQueue<>((a, b) -> a.atMs != b.atMs
            ? Long.compare(a.atMs, b.atMs) : Long.compare(a.seq, b.seq));
    private final Map<Long, Map<Long, CallingRecord>> store = new TreeMap<>();
    private final Map<String, List<Long>> handles = new HashMap<>();
    private final Set<String> online = new HashSet<>();
    private SplittableRandom random;
    private Engine engine;
    private long seq;
    private long now = T0;
    private int requests;
    private int chained;
    private final Map<Long, Integer> added = new HashMap<>();

    private void at(long atMs, Event e) {
        queue.add(new Pending(atMs, seq++, e));
    }

    private static SessionConfig config(long groupId, DialMode mode) {
        CampaignGroup group = new CampaignGroup(groupId, 1, "g" + groupId, groupId, 1, mode,
                OptimizationMethod.OVERDIAL_RATE, 3, 2, 8, Map.of("agent_preview_mode_start", "false"), 0);
        Campaign campaign = new Campaign(groupId, 1, "c" + groupId, "", List.of(new CampaignList(groupId, 100, true)),
                List.of(), "+15550100", null, 0);
        CallingList list = new CallingList(groupId, 1, "l" + groupId, "", List.of(), ZoneOffset.UTC,
                new CallingWindow(0, CallingWindow.DAY_SEC), "US", 10, 0);
        return new SessionConfig(group, campaign, List.of(list), List.of(), DialingOptions.defaults());
    }

    private void fillStore() {
        for (long listId : List.of(PREVIEW, AUTO)) {
            Map<Long, CallingRecord> records = new TreeMap<>();
            for (long id = 1; id <= RECORDS_PER_LIST; id++) {
                long chain = (id + 1) / 2; // chains of two
                records.put(id, new CallingRecord(id, listId, "+1555" + listId + String.format("%05d", id % 97),
                        ContactInfoType.HOME_PHONE, RecordType.GENERAL, RecordStatus.READY,
                        CallResult.UNKNOWN_CALL_RESULT, 0, null, null, new CallingWindow(0, CallingWindow.DAY_SEC),
                        ZoneOffset.UTC, null, null, chain, (int) ((id + 1) % 2), null, null, null, "cust-" + chain,
                        Map.of()));
            }
            store.put(listId, records);
        }
    }

    private void handle(Event e) {
        now = Math.max(now, e.nowMs());
        List<Command> out = engine.handle(e);
        for (Command c : out) {
            carryOut(c);
        }
    }

    private void carryOut(Command c) {
        switch (c) {
            case Command.ScheduleTimer t -> at(t.dueMs(), new Event.TimerFired(t.dueMs(), t.timerId()));
            case Command.ClaimRecords claim -> {
                List<CallingRecord> got = new ArrayList<>();
                for (CallingRecord r : store.get(claim.listId()).values()) {
                    if (got.size() >= claim.max()) {
                        break;
                    }
                    if (r.recordStatus() == RecordStatus.READY && r.recordType() != RecordType.NO_CALL
                            && (r.dialSchedTime() == null || !r.dialSchedTime().isAfter(Instant.ofEpochMilli(now)))) {
                        CallingRecord claimed = Records.with(r, r.recordType(), RecordStatus.RETRIEVED,
                                r.callResult(), r.dialSchedTime(), r.agentId());
                        store.get(claim.listId()).put(r.recordId(), claimed);
                        got.add(claimed);
                    }
                }
                at(now + 10, new Event.RecordsClaimed(now + 10, claim.requestId(), got));
            }
            case Command.ClaimChain claim -> {
                List<CallingRecord> got = new ArrayList<>();
                for (CallingRecord r : store.get(claim.listId()).values()) {
                    if (r.chainId() == claim.chainId() && (r.recordStatus() == RecordStatus.READY
                            || r.recordStatus() == RecordStatus.CHAIN_READY)) {
                        CallingRecord claimed = Records.with(r, r.recordType(), RecordStatus.RETRIEVED,
                                r.callResult(), r.dialSchedTime(), r.agentId());
                        store.get(claim.listId()).put(r.recordId(), claimed);
                        got.add(claimed);
                    }
                }
                if (random.nextInt(50) == 0) {
                    got.forEach(r -> store.get(claim.listId()).put(r.recordId(), Records.with(r, r.recordType(),
                            RecordStatus.READY, r.callResult(), r.dialSchedTime(), r.agentId())));
                    at(now + 10, new Event.ClaimFailed(now + 10, claim.requestId(), "transient"));
                } else {
                    at(now + 10, new Event.RecordsClaimed(now + 10, claim.requestId(), got));
                }
            }
            case Command.AddRecord add -> at(now + 5, addRecord(add));
            case Command.Persist p -> {
                if (random.nextInt(100) < 3) {
                    at(now + 5, new Event.PersistFailed(now + 5, p.writeId(), "transient"));
                } else {
                    p.updates().forEach(this::apply);
                    at(now + 5, new Event.Persisted(now + 5, p.writeId()));
                }
            }
            case Command.ReleaseRecords rel -> {
                for (long id : rel.recordIds()) {
                    CallingRecord r = store.get(rel.listId()).get(id);
                    store.get(rel.listId()).put(id, Records.with(r, r.recordType(), RecordStatus.READY,
                            r.callResult(), r.dialSchedTime(), r.agentId()));
                }
            }
            case Command.Dial d -> {
                long t = now + 1_000 + random.nextInt(15_000);
                int roll = random.nextInt(100);
                if (roll < 55) {
                    at(t, new Event.CallAnswered(t, d.callId(), Event.AnswerKind.HUMAN));
                } else if (roll < 65) {
                    at(t, new Event.CallAnswered(t, d.callId(), Event.AnswerKind.MACHINE));
                } else if (roll < 95) {
                    at(t, new Event.CallFailed(t, d.callId(), random.nextBoolean() ? CallResult.BUSY
                            : CallResult.NO_ANSWER));
                } // else silent: the dial guard ends it
            }
            case Command.ConnectToAgent ca -> {
                long t = now + 2_000 + random.nextInt(60_000);
                at(t, new Event.CallReleased(t, ca.callId()));
            }
            case Command.Transfer tr -> {
                long t = now + 5_000;
                at(t, new Event.CallReleased(t, tr.callId()));
            }
            case Command.NotifyAgent n -> {
                if (n.event().equals(org.outdial.desktop.DesktopEvent.CHAINED_RECORD)) {
                    chained++;
                }
                if (n.attributes().get(Keys.RECORD_HANDLE) instanceof Long h) {
                    handles.computeIfAbsent(n.agentId(), k -> new ArrayList<>()).add(h);
                }
            }
            default -> { }
        }
    }

    /** The store's AddRecord rules: a new chain, the chain's next chain_n, or a free chain_n asked for. */
    private Event addRecord(Command.AddRecord add) {
        Map<Long, CallingRecord> list = store.get(add.listId());
        var r = add.record();
        long id = list.keySet().stream().mapToLong(Long::longValue).max().orElse(0) + 1;
        long chainId = id;
        int chainN = 0;
        RecordType type = r.recordType();
        if (r.chainId() != null) {
            List<CallingRecord> chain = list.values().stream().filter(c -> c.chainId() == r.chainId()).toList();
            if (chain.isEmpty()) {
                return new Event.AddRecordFailed(now + 5, add.requestId(), Event.AddFailure.CHAIN_NOT_FOUND, "none");
            }
            chainN = add.nextInChain() ? chain.stream().mapToInt(CallingRecord::chainN).max().orElse(0) + 1
                    : r.chainN();
            int n = chainN;
            if (chain.stream().anyMatch(c -> c.chainN() == n)) {
                return new Event.AddRecordFailed(now + 5, add.requestId(), Event.AddFailure.RECORD_EXISTS, "taken");
            }
            chainId = r.chainId();
            type = chain.get(0).recordType();
        }
        list.put(id, new CallingRecord(id, add.listId(), r.contactInfo(), r.contactInfoType(), type,
                r.recordStatus(), r.callResult(), r.attempt(), r.dialSchedTime(), null, r.window(), r.timeZone(), null,
                r.agentId(), chainId, chainN, null, null, null, r.customerId(), r.customFields()));
        added.merge(add.listId(), 1, Integer::sum);
        return new Event.RecordAdded(now + 5, add.requestId(), id, chainId, chainN);
    }

    private void apply(RecordUpdate u) {
        Map<Long, CallingRecord> list = store.get(u.listId());
        switch (u) {
            case RecordUpdate.WriteRecord w -> list.put(w.record().recordId(), w.record());
            case RecordUpdate.FinalizeChain f -> list.replaceAll((id, r) -> r.chainId() == f.chainId()
                    && r.recordStatus() != RecordStatus.RETRIEVED
                    ? Records.with(r, r.recordType(), f.status(), f.result(), r.dialSchedTime(), r.agentId()) : r);
            case RecordUpdate.ActivateNextInChain a -> { }
            case RecordUpdate.AddDoNotCall d -> { }
            case RecordUpdate.MarkMatching m -> list.replaceAll((id, r) -> r.recordStatus() != RecordStatus.RETRIEVED
                    && (m.phone() != null ? m.phone().equals(r.contactInfo())
                    : m.customerId() != null && m.customerId().equals(r.customerId()))
                    ? Records.with(r, r.recordType(), m.noCall() ? RecordStatus.UPDATED : RecordStatus.CANCELLED,
                            r.callResult(), r.dialSchedTime(), r.agentId()) : r);
        }
    }

    /** One random thing an agent's desktop does. */
    private Event desktopAction(String agent) {
        if (!online.contains(agent)) {
            online.add(agent);
            return new Event.AgentLogin(now, agent, "p-" + agent, List.of(PREVIEW, AUTO));
        }
        List<Long> known = handles.getOrDefault(agent, List.of());
        long handle = known.isEmpty() || random.nextInt(10) == 0 ? 1 + random.nextInt(5_000)
                : known.get(random.nextInt(known.size()));
        Target target = Target.campaign(random.nextBoolean() ? "c1" : "c2");
        RecordChanges changes = new RecordChanges(random.nextBoolean() ? 33 : null, null, null, null, null, Map.of());
        LocalDateTime when = LocalDateTime.ofInstant(Instant.ofEpochMilli(now), ZoneOffset.UTC)
                .plusMinutes(random.nextInt(-30, 600));
        Request r = switch (random.nextInt(23)) {
            case 0, 1, 2 -> new Request.PreviewRecordRequest(target);
            case 3 -> new Request.PreviewDialingModeStart(target);
            case 4 -> new Request.UpdateCallCompletionStats(handle, target, changes);
            case 5, 6, 7 -> new Request.RecordProcessed(handle, target, "l1", changes,
                    random.nextInt(3) == 0 ? Request.Treatment.CAMPAIGN : null);
            case 8 -> new Request.RecordReject(handle, target, "l1");
            case 9 -> new Request.RequestRecordCancel(handle, null, null, target, "l1",
                    random.nextBoolean() ? Request.ChainAttr.ALL_CHAIN : Request.ChainAttr.RECORD_ONLY);
            case 10 -> new Request.RequestRecordCancel(null, "+15552" + String.format("%05d", random.nextInt(97)),
                    null, Target.NONE, null, Request.ChainAttr.ALL_CHAIN);
            case 11 -> new Request.DoNotCall(handle, null, null, target, "l1", Request.ChainAttr.RECORD_ONLY, null,
                    3600L);
            case 12 -> new Request.DoNotCall(null, null, "cust-" + random.nextInt(80), Target.NONE, null,
                    Request.ChainAttr.ALL_CHAIN, null, null);
            case 13 -> new Request.RecordReschedule(handle, target, random.nextBoolean()
                    ? Request.CallbackType.PERSONAL : Request.CallbackType.CAMPAIGN, when, null, false);
            case 14 -> new Request.ReadyTime(handle, 1 + random.nextInt(60));
            case 15 -> new Request.Ready();
            case 16 -> new Request.NotReady(random.nextInt(5));
            case 17 -> new Request.LogOut(target);
            case 18 -> new Request.CampaignStatusRequest();
            case 19, 20 -> new Request.ChainedRecordRequest(known.isEmpty() ? handle : known.get(known.size() - 1),
                    Target.NONE); // most often the record the desktop got last
            case 21 -> new Request.AddRecord(target, target.campaignName().equals("c1") ? "l1" : "l2",
                    random.nextBoolean() ? handle : null, random.nextBoolean() ? (long) 1 + random.nextInt(80) : null,
                    random.nextInt(3) == 0 ? random.nextInt(4) : null, "+15553" + String.format("%05d",
                    random.nextInt(97)), 2, 2, 1, null, 0, null, 0, null, 0, 86_400, "UTC", Map.of());
            default -> null;
        };
        if (r == null) {
            online.remove(agent);
            handles.remove(agent);
            return new Event.DesktopGone(now, agent);
        }
        requests++;
        return new Event.DesktopRequest(now, agent, (long) requests, r);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void noSequenceOfDesktopRequestsOrDisconnectsLosesARecordOrLeavesItRetrieved(long seed) {
        random = new SplittableRandom(seed);
        engine = new Engine(EngineContext.builder().applicationId(1).random(new SplittableRandom(seed))
                .checkInvariants(true).staleCleanTimeoutMs(120_000).build());
        fillStore();
        Actor admin = Actor.client("test");
        handle(new Event.LoadSession(now, config(PREVIEW, DialMode.PREVIEW), admin));
        handle(new Event.LoadSession(now, config(AUTO, DialMode.PROGRESSIVE), admin));
        handle(new Event.StartDialing(now, PREVIEW, admin));
        handle(new Event.StartDialing(now, AUTO, admin));
        long end = T0 + 3 * 3_600_000L;
        long nextAction = now;
        while (now < end) {
            if (!queue.isEmpty() && queue.peek().atMs() <= nextAction) {
                handle(queue.poll().event());
                continue;
            }
            now = Math.max(now, nextAction);
            handle(desktopAction("a" + random.nextInt(AGENTS)));
            nextAction = now + random.nextInt(1_500);
        }
        assertThat(requests).isGreaterThan(5_000);
        assertThat(added.values().stream().mapToInt(Integer::intValue).sum()).as("records were added").isPositive();
        assertThat(chained).as("chains were delivered").isGreaterThan(10);
        for (int i = 0; i < AGENTS; i++) {
            handle(new Event.DesktopGone(now, "a" + i));
        }
        handle(new Event.StopDialing(now, PREVIEW, admin));
        handle(new Event.StopDialing(now, AUTO, admin));
        handle(new Event.UnloadSession(now, PREVIEW, admin));
        handle(new Event.UnloadSession(now, AUTO, admin));
        long drainUntil = now + 3_600_000L;
        while (!queue.isEmpty() && queue.peek().atMs() <= drainUntil) {
            handle(queue.poll().event());
        }
        engine.checkInvariants();
        assertThat(engine.sessionState(PREVIEW)).as("unloaded").isEmpty();
        assertThat(engine.sessionState(AUTO)).as("unloaded").isEmpty();
        for (long listId : List.of(PREVIEW, AUTO)) {
            Map<Long, CallingRecord> list = store.get(listId);
            assertThat(list).as("no record lost").hasSize(RECORDS_PER_LIST + added.getOrDefault(listId, 0));
            assertThat(list.values()).as("none left Retrieved in list %s", listId)
                    .noneMatch(r -> r.recordStatus() == RecordStatus.RETRIEVED);
            assertThat(list.values().stream().filter(r -> r.recordStatus() != RecordStatus.READY
                    || r.agentId() != null).count()).as("the run worked records of list %s", listId)
                    .isGreaterThan(20);
        }
    }
}
