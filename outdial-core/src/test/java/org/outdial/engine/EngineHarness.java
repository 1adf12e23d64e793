package org.outdial.engine;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.random.RandomGeneratorFactory;
import org.outdial.campaign.Campaign;
import org.outdial.campaign.CampaignGroup;
import org.outdial.campaign.CampaignList;
import org.outdial.campaign.DialMode;
import org.outdial.campaign.OptimizationMethod;
import org.outdial.compliance.DncGuard;
import org.outdial.list.CallingList;
import org.outdial.record.CallResult;
import org.outdial.record.CallingRecord;
import org.outdial.record.CallingWindow;
import org.outdial.record.ContactInfoType;
import org.outdial.record.RecordStatus;
import org.outdial.record.RecordType;
import org.outdial.treatment.Treatment;

/**
 * Steps an engine with a manual clock. Every command the engine emits is recorded; {@link #send} returns those of one
 * event. Store commands are not answered automatically: tests answer claims and writes themselves, or call
 * {@link #autoStore()} to have them confirmed at once.
 */
final class EngineHarness {

    static final long GROUP = 7;
    static final long LIST = 3;
    static final long T0 = Instant.parse("2026-03-02T14:00:00Z").toEpochMilli();
    static final String CALLER_ID = "+15550100";

    final Engine engine;
    final List<Command> all = new ArrayList<>();
    long nowMs = T0;
    private boolean autoStore;
    private long nextRecordId = 100;

    EngineHarness() {
        this(DncGuard.NONE);
    }

    EngineHarness(DncGuard dnc) {
        this(dnc, PhoneFormat.AS_GIVEN);
    }

    EngineHarness(DncGuard dnc, PhoneFormat phones) {
        engine = new Engine(EngineContext.builder().applicationId(1)
                .random(RandomGeneratorFactory.of("L64X128MixRandom").create(42)).dnc(dnc).checkInvariants(true)
                .phoneFormat(phones).build());
    }

    EngineHarness autoStore() {
        autoStore = true;
        return this;
    }

    /** From now on the test confirms writes itself. */
    EngineHarness autoStoreOff() {
        autoStore = false;
        return this;
    }

    List<Command> send(Event event) {
        List<Command> out = engine.handle(event);
        all.addAll(out);
        if (autoStore) {
            List<Command> more = new ArrayList<>();
            for (Command c : out) {
                if (c instanceof Command.Persist p) {
                    more.addAll(send(new Event.Persisted(nowMs, p.writeId())));
                }
            }
            List<Command> combined = new ArrayList<>(out);
            combined.addAll(more);
            return combined;
        }
        return out;
    }

    void advance(long ms) {
        nowMs += ms;
    }

    // ---- configuration --------------------------------------------------------------------------------------

    static SessionConfig config(DialMode mode, List<Treatment> treatments, DialingOptions options) {
        return config(mode, treatments, options, CALLER_ID, 1, 10);
    }

    static SessionConfig config(DialMode mode, List<Treatment> treatments, DialingOptions options, String callerId,
                                int bufferMin, int bufferMax) {
        CampaignGroup group = new CampaignGroup(GROUP, 1, "sales-group", 1, 1, mode, OptimizationMethod.OVERDIAL_RATE,
                3, bufferMin, bufferMax, Map.of(), 0);
        Campaign campaign = new Campaign(1, 1, "sales", "", List.of(new CampaignList(LIST, 100, true)),
                treatments.stream().map(Treatment::id).toList(), callerId, null, 0);
        CallingList list = new CallingList(LIST, 1, "leads", "", List.of(), ZoneOffset.UTC,
                new CallingWindow(0, CallingWindow.DAY_SEC), "US", 10, 0);
        return new SessionConfig(group, campaign, List.of(list), treatments, options);
    }

    List<Command> load(DialMode mode) {
        return load(config(mode, List.of(), DialingOptions.defaults()));
    }

    List<Command> load(SessionConfig config) {
        return send(new Event.LoadSession(nowMs, config, Actor.client("admin")));
    }

    List<Command> start() {
        return send(new Event.StartDialing(nowMs, GROUP, Actor.client("admin")));
    }

    List<Command> readyAgent(String agentId) {
        send(new Event.AgentLogin(nowMs, agentId, "place-" + agentId, List.of(GROUP)));
        return send(new Event.AgentReady(nowMs, agentId));
    }

    // ---- records and the store ------------------------------------------------------------------------------

    CallingRecord record(Consumer<RecordSpec> spec) {
        RecordSpec s = new RecordSpec();
        s.recordId = nextRecordId++;
        s.chainId = s.recordId;
        spec.accept(s);
        return new CallingRecord(s.recordId, LIST, s.phone != null ? s.phone : "+1555000" + s.recordId,
                ContactInfoType.HOME_PHONE, s.type, RecordStatus.RETRIEVED, s.callResult, s.attempt, null,
                null, s.window, s.zone, 1L, s.agentId, s.chainId, s.chainN, GROUP, 1, s.treatments, null, Map.of());
    }

    CallingRecord record() {
        return record(s -> { });
    }

    static final class RecordSpec {
        long recordId;
        long chainId;
        int chainN;
        String phone;
        int attempt;
        String treatments;
        RecordType type = RecordType.GENERAL;
        String agentId;
        CallResult callResult = CallResult.UNKNOWN_CALL_RESULT;
        CallingWindow window = new CallingWindow(0, CallingWindow.DAY_SEC);
        ZoneId zone = ZoneOffset.UTC;
    }

    /** Answers the most recent open claim with these records. */
    List<Command> claimed(CallingRecord... records) {
        Command.ClaimRecords claim = last(Command.ClaimRecords.class);
        return send(new Event.RecordsClaimed(nowMs, claim.requestId(), List.of(records)));
    }

    // ---- finding commands -----------------------------------------------------------------------------------

    <T extends Command> List<T> of(Class<T> type) {
        return of(type, all);
    }

    static <T extends Command> List<T> of(Class<T> type, List<Command> commands) {
        return commands.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends Command> T last(Class<T> type) {
        List<T> found = of(type);
        if (found.isEmpty()) {
            throw new AssertionError("no " + type.getSimpleName() + " emitted; all commands: " + all);
        }
        return found.get(found.size() - 1);
    }

    /** Fires every timer of this type scheduled so far and not cancelled, in due order, advancing the clock. */
    List<Command> fireTimer(Command.ScheduleTimer timer) {
        nowMs = Math.max(nowMs, timer.dueMs());
        return send(new Event.TimerFired(nowMs, timer.timerId()));
    }
}
