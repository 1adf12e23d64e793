package org.outdial.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outdial.engine.EngineHarness.GROUP;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.outdial.agent.AgentState;
import org.outdial.campaign.Campaign;
import org.outdial.campaign.CampaignGroup;
import org.outdial.campaign.CampaignList;
import org.outdial.campaign.DialMode;
import org.outdial.campaign.OptimizationMethod;
import org.outdial.desktop.DesktopEvent;
import org.outdial.desktop.ErrorCode;
import org.outdial.desktop.Keys;
import org.outdial.desktop.Request;
import org.outdial.desktop.Request.RecordChanges;
import org.outdial.desktop.Request.Target;
import org.outdial.list.CallingList;
import org.outdial.list.CustomField;
import org.outdial.list.CustomFieldType;
import org.outdial.record.CallResult;
import org.outdial.record.CallingRecord;
import org.outdial.record.CallingWindow;
import org.outdial.record.RecordStatus;
import org.outdial.record.RecordType;
import org.outdial.treatment.CallAction;
import org.outdial.treatment.RecordAction;
import org.outdial.treatment.Treatment;

/** The desktop protocol's semantics in the engine: one test per rule and per error code the engine answers. */
class DesktopFlowTest {

    private static final Target SALES = Target.campaign("sales");
    private static final Treatment BUSY_RETRY = new Treatment(1, 1, "busy", CallResult.BUSY, RecordAction.RETRY_IN,
            CallAction.NONE, null, 1, 3, 5, 5, null, 0);

    private EngineHarness h = new EngineHarness();
    private long ref = 100;

    private static SessionConfig config(DialMode mode, Map<String, String> options) {
        CampaignGroup group = new CampaignGroup(GROUP, 1, "sales-group", 1, 1, mode, OptimizationMethod.OVERDIAL_RATE,
                3, 1, 10, options, 0);
        Campaign campaign = new Campaign(1, 1, "sales", "spring", List.of(new CampaignList(EngineHarness.LIST, 100,
                true)), List.of(BUSY_RETRY.id()), EngineHarness.CALLER_ID, null, 0);
        CallingList list = new CallingList(EngineHarness.LIST, 1, "leads", "",
                List.of(CustomField.varchar("customer_name", 50, "CustomerName"),
                        CustomField.of("score", CustomFieldType.INTEGER, "Score"),
                        CustomField.varchar("hidden", 50, null)),
                ZoneOffset.UTC, new CallingWindow(0, CallingWindow.DAY_SEC), "US", 10, 0);
        return new SessionConfig(group, campaign, List.of(list), List.of(BUSY_RETRY), DialingOptions.defaults());
    }

    private void running(DialMode mode, Map<String, String> options) {
        h.autoStore();
        h.load(config(mode, options));
        h.start();
    }

    private void login(String agent) {
        h.send(new Event.AgentLogin(h.nowMs, agent, "p-" + agent, List.of(GROUP)));
    }

    private List<Command> ask(String agent, Request r) {
        return h.send(new Event.DesktopRequest(h.nowMs, agent, ++ref, r));
    }

    private static Command.NotifyAgent only(List<Command> out) {
        List<Command.NotifyAgent> n = EngineHarness.of(Command.NotifyAgent.class, out);
        assertThat(n).as("desktop notifications in %s", out).hasSize(1);
        return n.get(0);
    }

    private Command.NotifyAgent answer(List<Command> out) {
        Command.NotifyAgent n = EngineHarness.of(Command.NotifyAgent.class, out).stream()
                .filter(x -> Long.valueOf(ref).equals(x.attributes().get(Keys.REFERENCE_ID))).findFirst()
                .orElseThrow(() -> new AssertionError("no answer to reference " + ref + " in " + out));
        assertThat(n.attributes()).containsEntry(Keys.APPLICATION_ID, 1L);
        return n;
    }

    private void assertError(List<Command> out, ErrorCode code) {
        Command.NotifyAgent n = answer(out);
        assertThat(n.attributes()).containsEntry(Keys.ERROR_NUMBER, (long) code.number());
        assertThat(n.attributes().get(Keys.ERROR)).isInstanceOf(String.class);
        assertThat(n.attributes()).containsKey(Keys.AGENT_REQ_TYPE);
    }

    private CallingRecord rec(String phone, String customerId, long chainId) {
        return new CallingRecord(h.nowMs % 1000 + phone.hashCode() & 0xFFFF, EngineHarness.LIST, phone,
                org.outdial.record.ContactInfoType.HOME_PHONE, RecordType.GENERAL, RecordStatus.RETRIEVED,
                CallResult.UNKNOWN_CALL_RESULT, 0, null, null, new CallingWindow(0, CallingWindow.DAY_SEC),
                ZoneOffset.UTC, 1L, null, chainId, 0, GROUP, 1, null, customerId,
                Map.of("customer_name", "Ann", "score", 7L, "hidden", "x"));
    }

    /** Preview campaign running, agent logged in, one record buffered and pulled onto his desktop. */
    private long previewOnDesktop(String agent) {
        running(DialMode.PREVIEW, Map.of());
        login(agent);
        h.claimed(rec("+15550001", "c-1", 501));
        Command.NotifyAgent record = answer(ask(agent, new Request.PreviewRecordRequest(SALES)));
        assertThat(record.event()).isEqualTo(DesktopEvent.PREVIEW_RECORD);
        return (Long) record.attributes().get(Keys.RECORD_HANDLE);
    }

    private Command.Persist lastPersist() {
        return h.last(Command.Persist.class);
    }

    // ---- session and campaign status -----------------------------------------------------------------------------

    @Test
    void aRequestOfAnAgentWhoIsNotLoggedInGets104() {
        running(DialMode.PREVIEW, Map.of());
        assertError(ask("ghost", new Request.PreviewRecordRequest(SALES)), ErrorCode.AGENT_NOT_FOUND);
    }

    @Test
    void campaignStatusRequestIsAnsweredWithGroupAssignedAndTheSessionStatusCarryingTheReferenceId() {
        running(DialMode.PREDICTIVE, Map.of());
        login("a1");
        List<Command.NotifyAgent> out = EngineHarness.of(Command.NotifyAgent.class,
                ask("a1", new Request.CampaignStatusRequest()));
        assertThat(out).extracting(Command.NotifyAgent::event)
                .containsExactly(DesktopEvent.CAMPAIGN_GROUP_ASSIGNED, DesktopEvent.CAMPAIGN_STARTED);
        for (Command.NotifyAgent n : out) {
            assertThat(n.attributes()).containsEntry(Keys.REFERENCE_ID, ref).containsEntry(Keys.APPLICATION_ID, 1L)
                    .containsEntry(Keys.CAMPAIGN_NAME, "sales").containsEntry(Keys.CAMPAIGN_GROUP_NAME, "sales-group")
                    .containsEntry(Keys.CAMPAIGN_DESCRIPTION, "spring").containsEntry(Keys.CAMPAIGN_MODE, "Predictive")
                    .containsKey(Keys.CAMPAIGN_GROUP_DESCRIPTION);
        }
    }

    @Test
    void campaignStatusRequestWithNoLoadedSessionIsNotAnswered() {
        login("a1");
        assertThat(EngineHarness.of(Command.NotifyAgent.class, ask("a1", new Request.CampaignStatusRequest())))
                .isEmpty();
    }

    @Test
    void everySessionStateChangeIsNotifiedToTheGroupsLoggedInAgents() {
        login("a1");
        h.autoStore();
        assertThat(only(h.load(config(DialMode.PREDICTIVE, Map.of()))).event())
                .isEqualTo(DesktopEvent.CAMPAIGN_LOADED);
        assertThat(only(h.start()).event()).isEqualTo(DesktopEvent.CAMPAIGN_STARTED);
        Command.NotifyAgent mode = only(h.send(new Event.SetDialMode(h.nowMs, GROUP, DialMode.PROGRESSIVE,
                Actor.client("admin"))));
        assertThat(mode.event()).isEqualTo(DesktopEvent.CAMPAIGN_MODE_CHANGED);
        assertThat(mode.attributes()).containsEntry(Keys.CAMPAIGN_MODE, "Progressive");
        assertThat(only(h.send(new Event.StopDialing(h.nowMs, GROUP, Actor.client("admin")))).event())
                .isEqualTo(DesktopEvent.CAMPAIGN_STOPPED);
        assertThat(only(h.send(new Event.UnloadSession(h.nowMs, GROUP, Actor.client("admin")))).event())
                .isEqualTo(DesktopEvent.CAMPAIGN_UNLOADED);
    }

    // ---- preview -------------------------------------------------------------------------------------------------

    @Test
    void previewRecordRequestBeforePreviewDialingModeStartGets101WhenTheGroupRequiresIt() {
        running(DialMode.PREVIEW, Map.of("agent_preview_mode_start", "true"));
        login("a1");
        h.claimed(rec("+15550001", null, 1));
        List<Command> out = ask("a1", new Request.PreviewRecordRequest(SALES));
        assertError(out, ErrorCode.INVALID_REQUEST);
        assertThat(answer(out).attributes()).containsEntry(Keys.ERROR, ErrorCode.PREVIEW_START_REQUIRED)
                .containsEntry(Keys.CAMPAIGN_NAME, "sales");

        Command.NotifyAgent ack = answer(ask("a1", new Request.PreviewDialingModeStart(SALES)));
        assertThat(ack.event()).isEqualTo(DesktopEvent.PREVIEW_DIALING_MODE_START_ACK);
        assertThat(ack.attributes()).containsEntry(Keys.CAMPAIGN_NAME, "sales");
        assertThat(answer(ask("a1", new Request.PreviewRecordRequest(SALES))).event())
                .isEqualTo(DesktopEvent.PREVIEW_RECORD);
    }

    @Test
    void previewDialingModeStartTwiceGets118() {
        running(DialMode.PREVIEW, Map.of("agent_preview_mode_start", "true"));
        login("a1");
        ask("a1", new Request.PreviewDialingModeStart(SALES));
        assertError(ask("a1", new Request.PreviewDialingModeStart(SALES)), ErrorCode.PREVIEW_MODE_ALREADY_STARTED);
    }

    @Test
    void previewDialingModeOverWithoutStartGets119() {
        running(DialMode.PREVIEW, Map.of("agent_preview_mode_start", "true"));
        login("a1");
        assertError(ask("a1", new Request.PreviewDialingModeOver(SALES)), ErrorCode.PREVIEW_MODE_NOT_STARTED);
        ask("a1", new Request.PreviewDialingModeStart(SALES));
        assertThat(answer(ask("a1", new Request.PreviewDialingModeOver(SALES))).event())
                .isEqualTo(DesktopEvent.PREVIEW_DIALING_MODE_OVER_ACK);
    }

    @Test
    void previewDialingModeStartForACampaignTheAgentIsNotInGets106() {
        running(DialMode.PREVIEW, Map.of());
        login("a1");
        assertError(ask("a1", new Request.PreviewDialingModeStart(Target.campaign("other"))),
                ErrorCode.NO_ACTIVE_CAMPAIGNS);
    }

    @Test
    void previewRecordRequestForACampaignNotRunningInPreviewGets107NoRunningPreviewCampaigns() {
        h.autoStore();
        h.load(config(DialMode.PREVIEW, Map.of()));
        login("a1");
        List<Command> out = ask("a1", new Request.PreviewRecordRequest(SALES));
        assertError(out, ErrorCode.NO_RUNNING_PREVIEW_CAMPAIGNS);
        assertThat(answer(out).event()).isEqualTo(DesktopEvent.NO_RUNNING_PREVIEW_CAMPAIGNS);
        assertThat(answer(out).attributes()).containsEntry(Keys.CAMPAIGN_NAME, "sales")
                .containsEntry(Keys.AGENT_REQ_TYPE, "PreviewRecordRequest");
    }

    @Test
    void previewRecordRequestWithAnEmptyBufferGets108NoRecordsAvailable() {
        running(DialMode.PREVIEW, Map.of());
        login("a1");
        List<Command> out = ask("a1", new Request.PreviewRecordRequest(SALES));
        assertError(out, ErrorCode.NO_RECORDS_AVAILABLE);
        assertThat(answer(out).event()).isEqualTo(DesktopEvent.NO_RECORDS_AVAILABLE);
        assertThat(answer(out).attributes()).containsEntry(Keys.ERROR, "No Records Available")
                .containsEntry(Keys.CAMPAIGN_NAME, "sales");
    }

    @Test
    void previewRecordCarriesEveryMandatoryKeyOfItsTableAndTheSendAttributeFields() {
        previewOnDesktop("a1");
        Map<String, Object> m = h.last(Command.NotifyAgent.class).attributes();
        for (String key : List.of(Keys.APPLICATION_ID, Keys.CALL_RESULT, Keys.CHAIN_ID, Keys.FROM, Keys.RECORD_HANDLE,
                Keys.TZ_OFFSET, Keys.UNTIL, Keys.PHONE_TYPE, Keys.ATTEMPTS)) {
            assertThat(m.get(key)).as(key).isInstanceOf(Long.class);
        }
        for (String key : List.of(Keys.CALLING_LIST, Keys.CAMPAIGN_NAME, Keys.CPN_DIGITS, Keys.PHONE,
                Keys.CONTACT_MEDIA_TYPE, Keys.CAMPAIGN_GROUP_NAME, Keys.CAMPAIGN_GROUP_DESCRIPTION)) {
            assertThat(m.get(key)).as(key).isInstanceOf(String.class);
        }
        assertThat(m).containsEntry("CustomerName", "Ann").containsEntry("Score", 7L).doesNotContainKey("hidden")
                .containsEntry(Keys.CONTACT_MEDIA_TYPE, "voice").containsEntry(Keys.CALLING_LIST, "leads")
                .containsEntry(Keys.REFERENCE_ID, ref);
    }

    // ---- updates, processed, reject -------------------------------------------------------------------------------

    @Test
    void aRequestForAnUnknownRecordHandleGets109() {
        running(DialMode.PREVIEW, Map.of());
        login("a1");
        assertError(ask("a1", new Request.UpdateCallCompletionStats(999, SALES, RecordChanges.NONE)),
                ErrorCode.RECORD_NOT_FOUND);
        assertError(ask("a1", new Request.RecordReject(999, SALES, "leads")), ErrorCode.RECORD_NOT_FOUND);
    }

    @Test
    void updateCallCompletionStatsIsRepeatableAndRecordProcessedWritesTheChangesBeforeItsAcknowledge() {
        long handle = previewOnDesktop("a1");
        h.send(new Event.AgentLogin(h.nowMs, "x", "x", List.of())); // unrelated traffic
        Command.NotifyAgent ack = answer(ask("a1", new Request.UpdateCallCompletionStats(handle, SALES,
                new RecordChanges(33, 3600, 7200, null, null, Map.of("CustomerName", "Bob")))));
        assertThat(ack.event()).isEqualTo(DesktopEvent.UPDATE_CALL_COMPLETION_STATS_ACK);
        assertThat(ack.attributes()).containsEntry(Keys.RECORD_HANDLE, handle).containsEntry(Keys.CALLING_LIST, "leads")
                .containsEntry(Keys.CAMPAIGN_NAME, "sales");
        answer(ask("a1", new Request.UpdateCallCompletionStats(handle, SALES,
                new RecordChanges(null, null, null, "+15559999", null, Map.of("Score", "12")))));

        h.autoStoreOff();
        List<Command> out = ask("a1", new Request.RecordProcessed(handle, SALES, "leads", RecordChanges.NONE, null));
        assertThat(EngineHarness.of(Command.NotifyAgent.class, out)).as("not before the write is durable").isEmpty();
        CallingRecord written = ((RecordUpdate.WriteRecord) lastPersist().updates().get(0)).record();
        assertThat(written.callResult().code()).isEqualTo(33);
        assertThat(written.recordStatus()).as("no GSW_TREATMENT: no treatment").isEqualTo(RecordStatus.UPDATED);
        assertThat(written.window()).isEqualTo(new CallingWindow(3600, 7200));
        assertThat(written.contactInfo()).isEqualTo("+15559999");
        assertThat(written.customFields()).containsEntry("customer_name", "Bob").containsEntry("score", 12L);
        Command.NotifyAgent processed = only(h.send(new Event.Persisted(h.nowMs, lastPersist().writeId())));
        assertThat(processed.event()).isEqualTo(DesktopEvent.RECORD_PROCESSED_ACK);
        assertThat(processed.attributes()).containsEntry(Keys.RECORD_HANDLE, handle).containsEntry(Keys.REFERENCE_ID,
                ref);
    }

    @Test
    void aCustomValueTheFieldCannotTakeGets103() {
        long handle = previewOnDesktop("a1");
        assertError(ask("a1", new Request.UpdateCallCompletionStats(handle, SALES,
                new RecordChanges(null, null, null, null, null, Map.of("Score", "lots")))),
                ErrorCode.INVALID_ATTRIBUTE_VALUE);
    }

    @Test
    void recordProcessedWithRecordTreatCampaignAppliesTheTreatmentAsCampaignRescheduled() {
        long handle = previewOnDesktop("a1");
        h.autoStoreOff();
        ask("a1", new Request.RecordProcessed(handle, SALES, "leads",
                new RecordChanges(CallResult.BUSY.code(), null, null, null, null, Map.of()),
                Request.Treatment.CAMPAIGN));
        CallingRecord written = ((RecordUpdate.WriteRecord) lastPersist().updates().get(0)).record();
        assertThat(written.recordStatus()).isEqualTo(RecordStatus.READY);
        assertThat(written.recordType()).isEqualTo(RecordType.CAMPAIGN_RESCHEDULED);
        assertThat(written.dialSchedTime()).isAfter(Instant.ofEpochMilli(h.nowMs));
    }

    @Test
    void recordProcessedWithRecordTreatPersonalMakesThePersonalRescheduleOfTheAgent() {
        long handle = previewOnDesktop("a1");
        h.autoStoreOff();
        ask("a1", new Request.RecordProcessed(handle, SALES, "leads",
                new RecordChanges(CallResult.BUSY.code(), null, null, null, null, Map.of()),
                Request.Treatment.PERSONAL));
        CallingRecord written = ((RecordUpdate.WriteRecord) lastPersist().updates().get(0)).record();
        assertThat(written.recordType()).isEqualTo(RecordType.PERSONAL_RESCHEDULED);
        assertThat(written.agentId()).isEqualTo("a1");
    }

    @Test
    void recordRejectReturnsTheRecordGeneralAndReadyWithTheRejectingAgent() {
        long handle = previewOnDesktop("a1");
        h.autoStoreOff();
        List<Command> out = ask("a1", new Request.RecordReject(handle, SALES, "leads"));
        assertThat(EngineHarness.of(Command.NotifyAgent.class, out)).isEmpty();
        CallingRecord written = ((RecordUpdate.WriteRecord) lastPersist().updates().get(0)).record();
        assertThat(written.recordType()).isEqualTo(RecordType.GENERAL);
        assertThat(written.recordStatus()).isEqualTo(RecordStatus.READY);
        assertThat(written.agentId()).isEqualTo("a1");
        assertThat(only(h.send(new Event.Persisted(h.nowMs, lastPersist().writeId()))).event())
                .isEqualTo(DesktopEvent.RECORD_REJECT_ACK);
        assertThat(h.engine.ownedRecords(GROUP)).isZero();
    }

    @Test
    void aRejectedRecordIsPublishedAsNotDialedNotWithTheResultOfItsPreviousAttempt() {
        running(DialMode.PREVIEW, Map.of());
        login("a1");
        CallingRecord wasBusy = rec("+15550002", "c-2", 502);
        h.claimed(new CallingRecord(wasBusy.recordId(), wasBusy.listId(), wasBusy.contactInfo(),
                wasBusy.contactInfoType(), wasBusy.recordType(), wasBusy.recordStatus(), CallResult.BUSY, 1, null,
                null, wasBusy.window(), wasBusy.timeZone(), wasBusy.campaignId(), null, wasBusy.chainId(), 0, GROUP, 1,
                null, wasBusy.customerId(), wasBusy.customFields()));
        long handle = (Long) answer(ask("a1", new Request.PreviewRecordRequest(SALES))).attributes()
                .get(Keys.RECORD_HANDLE);
        h.autoStoreOff();
        ask("a1", new Request.RecordReject(handle, SALES, "leads"));
        assertThat(((RecordUpdate.WriteRecord) lastPersist().updates().get(0)).record().callResult())
                .as("the list keeps the result of the last real attempt").isEqualTo(CallResult.BUSY);
        List<Command> afterWrite = h.send(new Event.Persisted(h.nowMs, lastPersist().writeId()));
        assertThat(EngineHarness.of(Command.PublishPreviewOutcome.class, afterWrite))
                .singleElement().extracting(Command.PublishPreviewOutcome::result)
                .isEqualTo(CallResult.UNKNOWN_CALL_RESULT);
    }

    // ---- cancel and Do-Not-Call ------------------------------------------------------------------------------------

    @Test
    void requestRecordCancelByHandleAllChainCancelsTheWholeChain() {
        long handle = previewOnDesktop("a1");
        h.autoStoreOff();
        ask("a1", new Request.RequestRecordCancel(handle, null, null, SALES, "leads", Request.ChainAttr.ALL_CHAIN));
        Command.Persist p = lastPersist();
        assertThat(((RecordUpdate.WriteRecord) p.updates().get(0)).record().recordStatus())
                .isEqualTo(RecordStatus.CANCELLED);
        assertThat(p.updates()).anySatisfy(u -> assertThat(u).isInstanceOf(RecordUpdate.FinalizeChain.class));
        Command.NotifyAgent ack = only(h.send(new Event.Persisted(h.nowMs, p.writeId())));
        assertThat(ack.event()).isEqualTo(DesktopEvent.RECORD_CANCEL_ACK);
        assertThat(ack.attributes()).containsEntry(Keys.CHAIN_ATTR, "AllChain");
    }

    @Test
    void requestRecordCancelByHandleRecordOnlyLeavesTheChain() {
        long handle = previewOnDesktop("a1");
        h.autoStoreOff();
        ask("a1", new Request.RequestRecordCancel(handle, null, null, SALES, "leads", Request.ChainAttr.RECORD_ONLY));
        assertThat(lastPersist().updates()).hasSize(1);
    }

    @Test
    void cancelByPhoneTakesTheMatchingRecordFromAnotherDesktopAndTellsIt() {
        long handle = previewOnDesktop("a1");
        login("a2");
        h.autoStoreOff();
        List<Command> out = ask("a2", new Request.RequestRecordCancel(null, "+15550001", null, Target.NONE, null,
                Request.ChainAttr.ALL_CHAIN));
        assertThat(EngineHarness.of(Command.Persist.class, out)).hasSize(2);
        List<Command> acks = new java.util.ArrayList<>();
        for (Command.Persist p : EngineHarness.of(Command.Persist.class, out)) {
            acks.addAll(h.send(new Event.Persisted(h.nowMs, p.writeId())));
        }
        List<Command.NotifyAgent> notes = EngineHarness.of(Command.NotifyAgent.class, acks);
        assertThat(notes).anySatisfy(n -> {
            assertThat(n.agentId()).isEqualTo("a1");
            assertThat(n.event()).isEqualTo(DesktopEvent.RECORD_CANCEL);
            assertThat(n.attributes()).containsEntry(Keys.RECORD_HANDLE, handle).containsEntry(Keys.PHONE, "+15550001")
                    .containsEntry(Keys.CUSTOMER_ID, "c-1").containsKeys(Keys.CALLING_LIST, Keys.CAMPAIGN_NAME);
        });
        assertThat(notes).anySatisfy(n -> {
            assertThat(n.agentId()).isEqualTo("a2");
            assertThat(n.event()).isEqualTo(DesktopEvent.RECORD_CANCEL_ACK);
            assertThat(n.attributes()).containsEntry(Keys.MESSAGE, DesktopFlow.INCOMPLETE);
        });
        assertThat(EngineHarness.of(Command.Persist.class, out).get(1).updates())
                .anySatisfy(u -> assertThat(u).isInstanceOf(RecordUpdate.MarkMatching.class));
        assertThat(h.engine.ownedRecords(GROUP)).isZero();
    }

    @Test
    void doNotCallByHandleMarksTheRecordNoCallAndAddsItsPhoneWithTheDuration() {
        long handle = previewOnDesktop("a1");
        h.autoStoreOff();
        ask("a1", new Request.DoNotCall(handle, null, null, SALES, "leads", Request.ChainAttr.RECORD_ONLY, "asked",
                3600L));
        Command.Persist p = lastPersist();
        CallingRecord written = ((RecordUpdate.WriteRecord) p.updates().get(0)).record();
        assertThat(written.recordType()).isEqualTo(RecordType.NO_CALL);
        RecordUpdate.AddDoNotCall dnc = p.updates().stream().filter(RecordUpdate.AddDoNotCall.class::isInstance)
                .map(RecordUpdate.AddDoNotCall.class::cast).findFirst().orElseThrow();
        assertThat(dnc.entry().phone()).isEqualTo("+15550001");
        assertThat(dnc.entry().expiresAt()).isEqualTo(Instant.ofEpochMilli(h.nowMs).plusSeconds(3600));
        assertThat(dnc.entry().addedBy()).isEqualTo("a1");
        Command.NotifyAgent ack = only(h.send(new Event.Persisted(h.nowMs, p.writeId())));
        assertThat(ack.event()).isEqualTo(DesktopEvent.DO_NOT_CALL_ACK);
        assertThat(ack.attributes()).containsEntry(Keys.DURATION, 3600L).containsEntry(Keys.RECORD_HANDLE, handle);
    }

    @Test
    void doNotCallByCustomerIdAddsTheEntryAndMarksTheListsRecords() {
        running(DialMode.PREVIEW, Map.of());
        login("a1");
        h.autoStoreOff();
        List<Command> out = ask("a1", new Request.DoNotCall(null, null, "c-9", Target.NONE, null,
                Request.ChainAttr.ALL_CHAIN, null, null));
        Command.Persist p = EngineHarness.of(Command.Persist.class, out).get(0);
        assertThat(p.updates()).anySatisfy(u -> assertThat(u).isInstanceOfSatisfying(RecordUpdate.AddDoNotCall.class,
                d -> assertThat(d.entry().customerId()).isEqualTo("c-9")));
        assertThat(p.updates()).anySatisfy(u -> assertThat(u).isInstanceOfSatisfying(RecordUpdate.MarkMatching.class,
                m -> assertThat(m.noCall()).isTrue()));
        assertThat(only(h.send(new Event.Persisted(h.nowMs, p.writeId()))).event())
                .isEqualTo(DesktopEvent.DO_NOT_CALL_ACK);
    }

    // ---- reschedule ------------------------------------------------------------------------------------------------

    @Test
    void recordRescheduleInThePastGets110() {
        long handle = previewOnDesktop("a1");
        LocalDateTime past = LocalDateTime.ofInstant(Instant.ofEpochMilli(h.nowMs), ZoneOffset.UTC).minusHours(1);
        assertError(ask("a1", new Request.RecordReschedule(handle, SALES, Request.CallbackType.PERSONAL, past, null,
                false)), ErrorCode.INVALID_TIME);
    }

    @Test
    void aRescheduleIsFinalizedOnlyByTheFollowingRecordProcessed() {
        long handle = previewOnDesktop("a1");
        LocalDateTime at = LocalDateTime.ofInstant(Instant.ofEpochMilli(h.nowMs), ZoneOffset.UTC).plusDays(1)
                .withHour(10).withMinute(30);
        h.autoStoreOff();
        List<Command> out = ask("a1", new Request.RecordReschedule(handle, SALES, Request.CallbackType.PERSONAL, at,
                null, false));
        assertThat(EngineHarness.of(Command.Persist.class, out)).as("not scheduled yet").isEmpty();
        Command.NotifyAgent ack = answer(out);
        assertThat(ack.event()).isEqualTo(DesktopEvent.RECORD_RESCHEDULE_ACK);
        assertThat(ack.attributes()).containsEntry(Keys.CALLBACK_TYPE, "Personal")
                .containsEntry(Keys.DATE_TIME, org.outdial.desktop.DateTimes.format(at));

        ask("a1", new Request.RecordProcessed(handle, SALES, "leads", RecordChanges.NONE, null));
        CallingRecord written = ((RecordUpdate.WriteRecord) lastPersist().updates().get(0)).record();
        assertThat(written.recordType()).isEqualTo(RecordType.PERSONAL_CALLBACK);
        assertThat(written.recordStatus()).isEqualTo(RecordStatus.READY);
        assertThat(written.agentId()).isEqualTo("a1");
        assertThat(written.dialSchedTime()).isEqualTo(at.toInstant(ZoneOffset.UTC));
    }

    @Test
    void aCallbackTimeOutsideTheRecordsWindowMovesToTheWindowsNextOpeningInTheRecordsZone() {
        ZoneId chicago = ZoneId.of("America/Chicago");
        CallingRecord r = new CallingRecord(1, 1, "+1", org.outdial.record.ContactInfoType.HOME_PHONE,
                RecordType.GENERAL, RecordStatus.RETRIEVED, CallResult.OK, 0, null, null,
                new CallingWindow(9 * 3600, 17 * 3600), chicago, 1L, null, 1, 0, 1L, 1, null, null, Map.of());
        assertThat(DesktopFlow.insideWindow(LocalDateTime.of(2026, 3, 3, 20, 0), r))
                .isEqualTo(LocalDateTime.of(2026, 3, 4, 9, 0).atZone(chicago).toInstant());
        assertThat(DesktopFlow.insideWindow(LocalDateTime.of(2026, 3, 3, 7, 0), r))
                .isEqualTo(LocalDateTime.of(2026, 3, 3, 9, 0).atZone(chicago).toInstant());
        assertThat(DesktopFlow.insideWindow(LocalDateTime.of(2026, 3, 3, 12, 0), r))
                .isEqualTo(LocalDateTime.of(2026, 3, 3, 12, 0).atZone(chicago).toInstant());
    }

    @Test
    void scheduledRecordRescheduleOfARecordThatIsNoScheduledRecordGets117() {
        long handle = previewOnDesktop("a1");
        LocalDateTime at = LocalDateTime.ofInstant(Instant.ofEpochMilli(h.nowMs), ZoneOffset.UTC).plusDays(1);
        assertError(ask("a1", new Request.RecordReschedule(handle, SALES, null, at, null, true)),
                ErrorCode.SCHEDULED_RECORD_NOT_FOUND);
    }

    // ---- scheduled calls -------------------------------------------------------------------------------------------

    private CallingRecord callback(RecordType type, String agentId, Instant due) {
        return new CallingRecord(900, EngineHarness.LIST, "+15550900", org.outdial.record.ContactInfoType.HOME_PHONE,
                type, RecordStatus.RETRIEVED, CallResult.ANSWER, 1, due, null,
                new CallingWindow(0, CallingWindow.DAY_SEC), ZoneOffset.UTC, 1L, agentId, 900, 0, GROUP, 1, null,
                null, Map.of());
    }

    /** Fires the session's next tick timer. */
    private List<Command> tick() {
        h.advance(1_000);
        Command.ScheduleTimer next = h.of(Command.ScheduleTimer.class).stream()
                .filter(t -> t.dueMs() <= h.nowMs).reduce((a, b) -> b).orElseThrow();
        return h.fireTimer(next);
    }

    @Test
    void aDuePersonalCallbackIsPushedToItsAgentAsScheduledCall() {
        running(DialMode.PREVIEW, Map.of());
        login("a2");
        login("a1");
        h.claimed(callback(RecordType.PERSONAL_CALLBACK, "a1", Instant.ofEpochMilli(h.nowMs)));
        Command.NotifyAgent call = EngineHarness.of(Command.NotifyAgent.class, tick()).stream()
                .filter(n -> n.event().equals(DesktopEvent.SCHEDULED_CALL)).findFirst().orElseThrow();
        assertThat(call.agentId()).isEqualTo("a1");
        for (String key : List.of(Keys.APPLICATION_ID, Keys.CAMPAIGN_NAME, Keys.CALLING_LIST, Keys.RECORD_HANDLE,
                Keys.PHONE, Keys.CALL_RESULT, Keys.CALLBACK_TYPE, Keys.CALL_TIME, Keys.CHAIN_ID, Keys.DATE_TIME)) {
            assertThat(call.attributes()).as(key).containsKey(key);
        }
        assertThat(call.attributes()).containsEntry(Keys.CALLBACK_TYPE, "Personal");
        assertThat(h.engine.agentState("a1")).contains(AgentState.RESERVED);
    }

    @Test
    void aDueCampaignCallbackGoesToAFreeAgentOfTheGroup() {
        running(DialMode.PREVIEW, Map.of());
        login("a2");
        h.claimed(callback(RecordType.CAMPAIGN_CALLBACK, null, Instant.ofEpochMilli(h.nowMs)));
        Command.NotifyAgent call = EngineHarness.of(Command.NotifyAgent.class, tick()).stream()
                .filter(n -> n.event().equals(DesktopEvent.SCHEDULED_CALL)).findFirst().orElseThrow();
        assertThat(call.agentId()).isEqualTo("a2");
        assertThat(call.attributes()).containsEntry(Keys.CALLBACK_TYPE, "Campaign");
    }

    @Test
    void scheduledCallsWaitForPreviewDialingModeStartWhenTheGroupRequiresIt() {
        running(DialMode.PREVIEW, Map.of("agent_preview_mode_start", "true"));
        login("a1");
        h.claimed(callback(RecordType.CAMPAIGN_CALLBACK, null, Instant.ofEpochMilli(h.nowMs)));
        assertThat(EngineHarness.of(Command.NotifyAgent.class, tick())).isEmpty();
        ask("a1", new Request.PreviewDialingModeStart(SALES));
        assertThat(EngineHarness.of(Command.NotifyAgent.class, tick())).extracting(Command.NotifyAgent::event)
                .contains(DesktopEvent.SCHEDULED_CALL);
    }

    @Test
    void aPersonalCallbackWhoseAgentDoesNotComeBecomesMissedCallBackAfterTheConfiguredWait() {
        running(DialMode.PREVIEW, Map.of(DesktopFlow.PERSONAL_CALLBACK_WAIT, "60"));
        login("a2");
        h.claimed(callback(RecordType.PERSONAL_CALLBACK, "absent", Instant.ofEpochMilli(h.nowMs)));
        h.autoStoreOff();
        for (int i = 0; i < 61; i++) {
            tick();
        }
        CallingRecord written = ((RecordUpdate.WriteRecord) lastPersist().updates().get(0)).record();
        assertThat(written.recordStatus()).isEqualTo(RecordStatus.MISSED_CALLBACK);
    }

    @Test
    void aPersonalCallbackMissedInAPreviewSessionIsPublishedAsMissedOnceWritten() {
        running(DialMode.PREVIEW, Map.of(DesktopFlow.PERSONAL_CALLBACK_WAIT, "60"));
        login("a2");
        h.claimed(callback(RecordType.PERSONAL_CALLBACK, "absent", Instant.ofEpochMilli(h.nowMs)));
        h.autoStoreOff();
        for (int i = 0; i < 61; i++) {
            tick();
        }
        assertThat(h.of(Command.PublishCallbackEnded.class)).as("not before the write").isEmpty();
        List<Command> out = h.send(new Event.Persisted(h.nowMs, lastPersist().writeId()));

        assertThat(EngineHarness.of(Command.PublishCallbackEnded.class, out)).singleElement().satisfies(e -> {
            assertThat(e.missed()).isTrue();
            assertThat(e.agentId()).isEqualTo("absent");
            assertThat(e.type()).isEqualTo(RecordType.PERSONAL_CALLBACK);
        });
    }

    @Test
    void aScheduledCallProcessedOnTheDesktopIsACompletedCallback() {
        running(DialMode.PREVIEW, Map.of());
        login("a2");
        h.claimed(callback(RecordType.CAMPAIGN_CALLBACK, null, Instant.ofEpochMilli(h.nowMs)));
        Command.NotifyAgent call = EngineHarness.of(Command.NotifyAgent.class, tick()).stream()
                .filter(n -> n.event().equals(DesktopEvent.SCHEDULED_CALL)).findFirst().orElseThrow();
        long handle = ((Number) call.attributes().get(Keys.RECORD_HANDLE)).longValue();

        ask("a2", new Request.RecordProcessed(handle, SALES, "leads", RecordChanges.NONE, null));

        assertThat(h.of(Command.PublishCallbackEnded.class)).singleElement().satisfies(e -> {
            assertThat(e.missed()).isFalse();
            assertThat(e.agentId()).isEqualTo("a2");
            assertThat(e.type()).isEqualTo(RecordType.CAMPAIGN_CALLBACK);
        });
    }

    // ---- predictive: the connected call's record, ReadyTime, smart logout ------------------------------------------

    /** Progressive, agent a1 Ready, one record dialed (not yet answered). */
    private Command.Dial dialing() {
        running(DialMode.PROGRESSIVE, Map.of());
        login("a1");
        h.send(new Event.AgentReady(h.nowMs, "a1"));
        h.claimed(rec("+15550002", null, 77));
        return h.last(Command.Dial.class);
    }

    /** A call answered and connected to a1, the session then switched to Predictive. Returns the record handle. */
    private long connectedCall() {
        Command.Dial dial = dialing();
        List<Command> out = h.send(new Event.CallAnswered(h.nowMs, dial.callId(), Event.AnswerKind.HUMAN));
        h.send(new Event.SetDialMode(h.nowMs, GROUP, DialMode.PREDICTIVE, Actor.client("admin")));
        Command.NotifyAgent established = EngineHarness.of(Command.NotifyAgent.class, out).stream()
                .filter(n -> n.event().equals(DesktopEvent.EVENT_ESTABLISHED)).findFirst().orElseThrow();
        assertThat(established.attributes()).containsEntry(Keys.RECORD_HANDLE, dial.recordHandle())
                .containsEntry("CustomerName", "Ann").containsKey(Keys.CALL_ATTEMPT_GUID);
        return dial.recordHandle();
    }

    @Test
    void readyTimeIsAcknowledgedOnceAndADuplicateGets120() {
        long handle = connectedCall();
        assertThat(answer(ask("a1", new Request.ReadyTime(handle, 30))).event()).isEqualTo(DesktopEvent.READY_TIME_ACK);
        assertError(ask("a1", new Request.ReadyTime(handle, 30)), ErrorCode.DUPLICATE_REQUEST);
    }

    @Test
    void readyTimeForAHandleWithoutACallGets112() {
        connectedCall();
        assertError(ask("a1", new Request.ReadyTime(424242, 30)), ErrorCode.NO_CALL_FOR_HANDLE);
    }

    @Test
    void readyTimeOutsidePredictiveModesGets101() {
        long handle = previewOnDesktop("a1");
        assertError(ask("a1", new Request.ReadyTime(handle, 30)), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void recordProcessedDuringACallIsAcknowledgedWhenTheCallsRecordIsWritten() {
        long handle = connectedCall();
        Command.Dial dial = h.last(Command.Dial.class);
        List<Command> out = ask("a1", new Request.RecordProcessed(handle, SALES, "leads",
                new RecordChanges(CallResult.WRONG_PARTY.code(), null, null, null, null, Map.of()), null));
        assertThat(EngineHarness.of(Command.NotifyAgent.class, out)).isEmpty();
        List<Command> end = h.send(new Event.CallReleased(h.nowMs, dial.callId()));
        List<Command.NotifyAgent> notes = EngineHarness.of(Command.NotifyAgent.class, end);
        assertThat(notes).extracting(Command.NotifyAgent::event)
                .contains(DesktopEvent.EVENT_RELEASED, DesktopEvent.RECORD_PROCESSED_ACK);
        CallingRecord written = EngineHarness.of(Command.Persist.class, end).get(0).updates().stream()
                .filter(u -> u instanceof RecordUpdate.WriteRecord).map(u -> ((RecordUpdate.WriteRecord) u).record())
                .findFirst().orElseThrow();
        assertThat(written.callResult()).isEqualTo(CallResult.WRONG_PARTY);
    }

    @Test
    void smartLogoutWithoutAnAutoCampaignGets101() {
        previewOnDesktop("a1");
        List<Command> out = ask("a1", new Request.LogOut(SALES));
        assertError(out, ErrorCode.INVALID_REQUEST);
        assertThat(answer(out).attributes()).containsEntry(Keys.ERROR, ErrorCode.NO_AUTO_CAMPAIGN);
    }

    @Test
    void smartLogoutAnswersLogOutTimeThenAcknowledgesOnceNoDialedCallCanReachTheAgent() {
        dialing();
        List<Command> out = ask("a1", new Request.LogOut(SALES));
        Command.NotifyAgent time = answer(out);
        assertThat(time.event()).isEqualTo(DesktopEvent.LOG_OUT_TIME);
        long seconds = (Long) time.attributes().get(Keys.LOGOUT_TIME);
        assertThat(seconds).as("a dial is in flight").isPositive();
        assertThat(h.engine.agentState("a1")).contains(AgentState.NOT_READY);
        assertError(ask("a1", new Request.Ready()), ErrorCode.INVALID_REQUEST);
        assertThat((Long) answer(ask("a1", new Request.LogOut(SALES))).attributes().get(Keys.LOGOUT_TIME))
                .isLessThanOrEqualTo(seconds);

        Command.ScheduleTimer logoutTimer = EngineHarness.of(Command.ScheduleTimer.class, out).stream()
                .filter(t -> t.dueMs() == h.nowMs + seconds * 1000).findFirst().orElseThrow();
        Command.NotifyAgent ack = EngineHarness.of(Command.NotifyAgent.class, h.fireTimer(logoutTimer)).stream()
                .filter(n -> n.event().equals(DesktopEvent.LOG_OUT_ACK)).findFirst().orElseThrow();
        assertThat(ack.attributes()).containsEntry(Keys.CAMPAIGN_NAME, "sales");
        assertThat(h.engine.agentState("a1")).contains(AgentState.LOGGED_OUT);
    }

    @Test
    void aPreviewRecordRequestAfterSmartLogoutGets101AgentSmartlyLoggedOut() {
        running(DialMode.PREDICTIVE, Map.of());
        login("a1");
        ask("a1", new Request.LogOut(SALES));
        List<Command> out = ask("a1", new Request.PreviewRecordRequest(SALES));
        assertThat(answer(out).attributes()).containsEntry(Keys.ERROR, ErrorCode.SMARTLY_LOGGED_OUT);
    }

    // ---- disconnects and durability -------------------------------------------------------------------------------

    @Test
    void aDesktopThatGoesAwayReturnsItsRecordGeneralAndReadyAndLogsTheAgentOut() {
        previewOnDesktop("a1");
        h.autoStoreOff();
        List<Command> out = h.send(new Event.DesktopGone(h.nowMs, "a1"));
        CallingRecord written = ((RecordUpdate.WriteRecord) EngineHarness.of(Command.Persist.class, out).get(0)
                .updates().get(0)).record();
        assertThat(written.recordStatus()).isEqualTo(RecordStatus.READY);
        assertThat(written.recordType()).isEqualTo(RecordType.GENERAL);
        assertThat(h.engine.agentState("a1")).contains(AgentState.LOGGED_OUT);
        assertThat(EngineHarness.of(Command.NotifyAgent.class, h.send(new Event.Persisted(h.nowMs,
                lastPersist().writeId())))).as("nobody to tell").isEmpty();
        assertThat(h.engine.ownedRecords(GROUP)).isZero();
    }

    @Test
    void aWriteThatFailsForGoodIsAnswered113DbError() {
        EngineHarness failing = new EngineHarness();
        failing.load(config(DialMode.PREVIEW, Map.of()));
        failing.start();
        failing.send(new Event.AgentLogin(failing.nowMs, "a1", "p", List.of(GROUP)));
        failing.claimed(rec("+15550001", null, 1));
        List<Command> rec = failing.send(new Event.DesktopRequest(failing.nowMs, "a1", 5L,
                new Request.PreviewRecordRequest(SALES)));
        long handle = (Long) EngineHarness.of(Command.NotifyAgent.class, rec).get(0).attributes()
                .get(Keys.RECORD_HANDLE);
        failing.send(new Event.DesktopRequest(failing.nowMs, "a1", 6L,
                new Request.RecordProcessed(handle, SALES, "leads", RecordChanges.NONE, null)));
        long writeId = failing.last(Command.Persist.class).writeId();
        List<Command> last = List.of();
        for (int i = 0; i <= EngineContext.builder().applicationId(1).random(new java.util.SplittableRandom(1))
                .build().persistRetriesMax(); i++) {
            last = failing.send(new Event.PersistFailed(failing.nowMs, writeId, "disk full"));
        }
        Command.NotifyAgent error = EngineHarness.of(Command.NotifyAgent.class, last).get(0);
        assertThat(error.attributes()).containsEntry(Keys.ERROR_NUMBER, 113L).containsEntry(Keys.REFERENCE_ID, 6L)
                .containsEntry(Keys.AGENT_REQ_TYPE, "RecordProcessed");
    }

    // ---- chained records -------------------------------------------------------------------------------------------

    private static final long CHAIN = 501;

    private CallingRecord chainRec(long recordId, int chainN, String phone) {
        return new CallingRecord(recordId, EngineHarness.LIST, phone, org.outdial.record.ContactInfoType.DIRECT_BUSINESS_PHONE,
                RecordType.GENERAL, RecordStatus.RETRIEVED, CallResult.UNKNOWN_CALL_RESULT, 0, null, null,
                new CallingWindow(0, CallingWindow.DAY_SEC), ZoneOffset.UTC, 1L, null, CHAIN, chainN, GROUP, 1, null,
                "c-1", Map.of("customer_name", "Ann"));
    }

    /** The chain of the record on a1's desktop delivered: the store claimed records 9001 and 9002 of it. */
    private List<Command> chainDelivered(long handle) {
        List<Command> out = ask("a1", new Request.ChainedRecordRequest(handle, Target.NONE));
        Command.ClaimChain claim = EngineHarness.of(Command.ClaimChain.class, out).get(0);
        return h.send(new Event.RecordsClaimed(h.nowMs, claim.requestId(),
                List.of(chainRec(9002, 2, "+15550003"), chainRec(9001, 1, "+15550002"))));
    }

    private List<Long> chainedHandles(List<Command> out) {
        return EngineHarness.of(Command.NotifyAgent.class, out).stream()
                .filter(n -> n.event().equals(DesktopEvent.CHAINED_RECORD))
                .map(n -> (Long) n.attributes().get(Keys.RECORD_HANDLE)).toList();
    }

    @Test
    void chainedRecordRequestClaimsTheChainAndSendsEachRecordThenChainedRecordsDataEnd() {
        long handle = previewOnDesktop("a1");
        List<Command> asked = ask("a1", new Request.ChainedRecordRequest(handle, Target.NONE));
        Command.ClaimChain claim = EngineHarness.of(Command.ClaimChain.class, asked).get(0);
        assertThat(claim.chainId()).isEqualTo(CHAIN);
        assertThat(claim.listId()).isEqualTo(EngineHarness.LIST);
        assertThat(claim.groupId()).isEqualTo(GROUP);
        List<Command.NotifyAgent> out = EngineHarness.of(Command.NotifyAgent.class, h.send(new Event.RecordsClaimed(
                h.nowMs, claim.requestId(), List.of(chainRec(9002, 2, "+15550003"), chainRec(9001, 1, "+15550002")))));
        assertThat(out).extracting(Command.NotifyAgent::event).containsExactly(DesktopEvent.CHAINED_RECORD,
                DesktopEvent.CHAINED_RECORD, DesktopEvent.CHAINED_RECORDS_DATA_END);
        assertThat(out.get(0).attributes()).as("in chain order").containsEntry(Keys.PHONE, "+15550002")
                .containsEntry(Keys.CHAIN_N, 1L);
        for (Command.NotifyAgent record : out.subList(0, 2)) {
            // the ChainedRecord table's mandatory keys, with their types
            assertThat(record.attributes()).containsEntry(Keys.APPLICATION_ID, 1L)
                    .containsEntry(Keys.CALLING_LIST, "leads").containsEntry(Keys.CHAIN_ID, CHAIN)
                    .containsEntry(Keys.CALL_RESULT, (long) CallResult.UNKNOWN_CALL_RESULT.code())
                    .containsEntry(Keys.CONTACT_MEDIA_TYPE, "voice").containsEntry(Keys.CAMPAIGN_GROUP_NAME,
                            "sales-group").containsEntry(Keys.CAMPAIGN_GROUP_DESCRIPTION, "")
                    .containsEntry(Keys.REFERENCE_ID, ref).containsEntry("CustomerName", "Ann");
            assertThat(record.attributes().get(Keys.RECORD_HANDLE)).isInstanceOf(Long.class).isNotEqualTo(handle);
            assertThat(record.attributes().get(Keys.PHONE)).isInstanceOf(String.class);
        }
        assertThat(out.get(2).attributes()).containsEntry(Keys.CALLING_LIST, "leads")
                .containsEntry(Keys.CAMPAIGN_NAME, "sales").containsEntry(Keys.CHAIN_ID, CHAIN)
                .containsEntry(Keys.RECORD_HANDLE, handle).containsEntry(Keys.REFERENCE_ID, ref);
    }

    @Test
    void chainedRecordRequestAlsoDeliversTheChainsRecordsWaitingInTheBuffer() {
        running(DialMode.PREVIEW, Map.of());
        login("a1");
        h.claimed(chainRec(9000, 0, "+15550001"), chainRec(9001, 1, "+15550002"));
        long handle = (Long) answer(ask("a1", new Request.PreviewRecordRequest(SALES))).attributes()
                .get(Keys.RECORD_HANDLE);
        List<Command> asked = ask("a1", new Request.ChainedRecordRequest(handle, Target.NONE));
        Command.ClaimChain claim = EngineHarness.of(Command.ClaimChain.class, asked).get(0);
        List<Command> out = h.send(new Event.RecordsClaimed(h.nowMs, claim.requestId(), List.of()));
        assertThat(chainedHandles(out)).hasSize(1);
        assertThat(h.engine.bufferedRecords(GROUP)).isZero();
    }

    @Test
    void aRepeatedChainedRecordRequestForTheSameChainIsIgnored() {
        long handle = previewOnDesktop("a1");
        chainDelivered(handle);
        assertThat(ask("a1", new Request.ChainedRecordRequest(handle, Target.NONE))).as("ignored, as the spec says")
                .noneMatch(c -> c instanceof Command.NotifyAgent || c instanceof Command.ClaimChain);
    }

    @Test
    void chainedRecordRequestForAChainWithNoOtherRecordGets114() {
        long handle = previewOnDesktop("a1");
        Command.ClaimChain claim = EngineHarness.of(Command.ClaimChain.class,
                ask("a1", new Request.ChainedRecordRequest(handle, Target.NONE))).get(0);
        assertError(h.send(new Event.RecordsClaimed(h.nowMs, claim.requestId(), List.of())),
                ErrorCode.CHAINED_RECORDS_NOT_FOUND);
    }

    @Test
    void chainedRecordRequestForARecordNotOnTheDesktopGets109() {
        running(DialMode.PREVIEW, Map.of());
        login("a1");
        assertError(ask("a1", new Request.ChainedRecordRequest(77, Target.NONE)), ErrorCode.RECORD_NOT_FOUND);
    }

    @Test
    void chainedRecordRequestNamingACampaignGroupNotLoadedForTheAgentGets105() {
        long handle = previewOnDesktop("a1");
        assertError(ask("a1", new Request.ChainedRecordRequest(handle, new Target(null, "other-group"))),
                ErrorCode.CAMPAIGN_GROUP_NOT_FOUND);
    }

    @Test
    void aChainClaimTheStoreFailsGets113() {
        long handle = previewOnDesktop("a1");
        Command.ClaimChain claim = EngineHarness.of(Command.ClaimChain.class,
                ask("a1", new Request.ChainedRecordRequest(handle, Target.NONE))).get(0);
        assertError(h.send(new Event.ClaimFailed(h.nowMs, claim.requestId(), "db down")), ErrorCode.DB_ERROR);
    }

    @Test
    void aChainedRecordIsProcessedOnItsOwnAndAcknowledgedAfterItsWrite() {
        long handle = previewOnDesktop("a1");
        long chained = chainedHandles(chainDelivered(handle)).get(0);
        h.autoStoreOff();
        List<Command> out = ask("a1", new Request.RecordProcessed(chained, SALES, "leads",
                new RecordChanges(CallResult.ANSWER.code(), null, null, null, null, Map.of()), null));
        assertThat(EngineHarness.of(Command.NotifyAgent.class, out)).isEmpty();
        Command.Persist p = lastPersist();
        assertThat(p.updates()).hasSize(1);
        assertThat(((RecordUpdate.WriteRecord) p.updates().get(0)).record().recordId()).isEqualTo(9001);
        Command.NotifyAgent ack = only(h.send(new Event.Persisted(h.nowMs, p.writeId())));
        assertThat(ack.event()).isEqualTo(DesktopEvent.RECORD_PROCESSED_ACK);
        assertThat(h.engine.agentState("a1")).as("still on his preview record").contains(AgentState.RESERVED);
    }

    @Test
    void recordRejectReturnsTheRecordAndTheRestOfItsChainGeneralReadyWithTheRejectingAgent() {
        long handle = previewOnDesktop("a1");
        chainDelivered(handle);
        h.autoStoreOff();
        List<Command> out = ask("a1", new Request.RecordReject(handle, SALES, "leads"));
        assertThat(EngineHarness.of(Command.NotifyAgent.class, out)).as("not before the write").isEmpty();
        Command.Persist p = lastPersist();
        List<CallingRecord> written = p.updates().stream().filter(u -> u instanceof RecordUpdate.WriteRecord)
                .map(u -> ((RecordUpdate.WriteRecord) u).record()).toList();
        assertThat(written).as("one write for the whole chain").hasSize(3);
        assertThat(written).allSatisfy(r -> {
            assertThat(r.recordType()).isEqualTo(RecordType.GENERAL);
            assertThat(r.recordStatus()).isEqualTo(RecordStatus.READY);
            assertThat(r.agentId()).isEqualTo("a1");
        });
        Command.NotifyAgent ack = EngineHarness.of(Command.NotifyAgent.class,
                h.send(new Event.Persisted(h.nowMs, p.writeId()))).get(0);
        assertThat(ack.event()).isEqualTo(DesktopEvent.RECORD_REJECT_ACK);
        assertThat(ack.attributes()).containsEntry(Keys.RECORD_HANDLE, handle);
        assertThat(h.engine.ownedRecords(GROUP)).isZero();
    }

    @Test
    void recordRejectOfAChainedRecordTakesThePrimaryBackToo() {
        long handle = previewOnDesktop("a1");
        long chained = chainedHandles(chainDelivered(handle)).get(1);
        h.autoStoreOff();
        ask("a1", new Request.RecordReject(chained, SALES, "leads"));
        assertThat(lastPersist().updates()).hasSize(3);
        h.send(new Event.Persisted(h.nowMs, lastPersist().writeId()));
        assertThat(h.engine.ownedRecords(GROUP)).isZero();
        assertThat(h.engine.agentState("a1")).contains(AgentState.WORK_NOT_READY);
    }

    @Test
    void cancelWithAllChainCancelsTheChainedRecordsOnTheDesktopInTheSameWrite() {
        long handle = previewOnDesktop("a1");
        chainDelivered(handle);
        h.autoStoreOff();
        ask("a1", new Request.RequestRecordCancel(handle, null, null, SALES, "leads", Request.ChainAttr.ALL_CHAIN));
        List<CallingRecord> written = lastPersist().updates().stream()
                .filter(u -> u instanceof RecordUpdate.WriteRecord).map(u -> ((RecordUpdate.WriteRecord) u).record())
                .toList();
        assertThat(written).hasSize(3).allSatisfy(r -> assertThat(r.recordStatus()).isEqualTo(RecordStatus.CANCELLED));
    }

    @Test
    void chainedRecordsGoBackToTheListWhenTheDesktopDisconnects() {
        long handle = previewOnDesktop("a1");
        chainDelivered(handle);
        h.send(new Event.DesktopGone(h.nowMs, "a1"));
        assertThat(h.engine.ownedRecords(GROUP)).isZero();
        List<CallingRecord> chainWrites = h.of(Command.Persist.class).stream().flatMap(p -> p.updates().stream())
                .filter(u -> u instanceof RecordUpdate.WriteRecord).map(u -> ((RecordUpdate.WriteRecord) u).record())
                .filter(r -> r.recordId() == 9001 || r.recordId() == 9002).toList();
        assertThat(chainWrites).hasSize(2).allSatisfy(r -> {
            assertThat(r.recordStatus()).isEqualTo(RecordStatus.READY);
            assertThat(r.agentId()).isEqualTo("a1");
        });
    }

    @Test
    void aChainedRecordLeftOnTheDesktopGoesStaleAfterTheStaleCleanTimeout() {
        long handle = previewOnDesktop("a1");
        long chained = chainedHandles(chainDelivered(handle)).get(0);
        answer(ask("a1", new Request.RecordProcessed(handle, SALES, "leads", RecordChanges.NONE, null)));
        h.advance(EngineContext.STALE_CLEAN_TIMEOUT_MS_DEFAULT + 1);
        for (Command.ScheduleTimer t : h.of(Command.ScheduleTimer.class)) {
            h.send(new Event.TimerFired(Math.max(h.nowMs, t.dueMs()), t.timerId()));
        }
        assertThat(h.engine.ownedRecords(GROUP)).isZero();
        assertThat(h.of(Command.Persist.class).stream().flatMap(p -> p.updates().stream())
                .filter(u -> u instanceof RecordUpdate.WriteRecord w && w.record().recordStatus() == RecordStatus.STALE)
                .count()).isEqualTo(2);
        assertError(ask("a1", new Request.RecordProcessed(chained, SALES, "leads", RecordChanges.NONE, null)),
                ErrorCode.RECORD_NOT_FOUND);
    }

    // ---- added records ----------------------------------------------------------------------------------------

    private Command.AddRecord addAsked(Request.AddRecord r) {
        List<Command> out = ask("a1", r);
        assertThat(EngineHarness.of(Command.NotifyAgent.class, out)).as("no answer before the insert").isEmpty();
        return EngineHarness.of(Command.AddRecord.class, out).get(0);
    }

    private void previewRunning() {
        running(DialMode.PREVIEW, Map.of());
        login("a1");
    }

    @Test
    void addRecordWithoutChainIdStartsANewChainWithTheTablesDefaultsAndIsAcknowledgedOnceStored() {
        previewRunning();
        Command.AddRecord add = addAsked(Request.AddRecord.of(SALES, "leads", "+15550100", "America/Chicago", null,
                Map.of("CustomerName", "Zoe", "Unknown", "x")));
        assertThat(add.listId()).isEqualTo(EngineHarness.LIST);
        org.outdial.record.NewRecord r = add.record();
        assertThat(r.chainId()).isNull();
        assertThat(r.chainN()).isZero();
        assertThat(r.recordType()).isEqualTo(RecordType.GENERAL);
        assertThat(r.recordStatus()).isEqualTo(RecordStatus.READY);
        assertThat(r.contactInfoType().code()).isEqualTo(2);
        assertThat(r.window()).isEqualTo(new CallingWindow(28_800, 64_800));
        assertThat(r.timeZone()).isEqualTo(ZoneId.of("America/Chicago"));
        assertThat(r.customFields()).as("only send_attribute fields, by field name")
                .containsExactly(Map.entry("customer_name", "Zoe"));
        Command.NotifyAgent ack = only(h.send(new Event.RecordAdded(h.nowMs, add.requestId(), 4242, 4242, 0)));
        assertThat(ack.event()).isEqualTo(DesktopEvent.ADD_RECORD_ACK);
        assertThat(ack.attributes()).containsEntry(Keys.CALLING_LIST, "leads").containsEntry(Keys.CAMPAIGN_NAME, "sales")
                .containsEntry(Keys.APPLICATION_ID, 1L).containsEntry(Keys.REFERENCE_ID, ref)
                .containsEntry(Keys.CHAIN_ID, 4242L).containsEntry(Keys.CHAIN_N, 0L);
    }

    @Test
    void addRecordWithAChainIdAsksForTheChainsNextChainN() {
        previewRunning();
        Command.AddRecord add = addAsked(Request.AddRecord.of(SALES, "leads", "+15550100", "PST", 77L, Map.of()));
        assertThat(add.record().chainId()).isEqualTo(77L);
        assertThat(add.nextInChain()).isTrue();
        assertThat(add.record().timeZone()).as("three-letter zone names").isEqualTo(ZoneId.of("America/Los_Angeles"));
    }

    @Test
    void addRecordWithAChainNAlreadyTakenGets115() {
        previewRunning();
        Command.AddRecord add = addAsked(new Request.AddRecord(SALES, "leads", null, 77L, 3, "+15550100", 2, 2, 1,
                null, 0, null, 0, null, 0, 86_400, "UTC", Map.of()));
        assertThat(add.nextInChain()).isFalse();
        assertThat(add.record().chainN()).isEqualTo(3);
        assertError(h.send(new Event.AddRecordFailed(h.nowMs, add.requestId(), Event.AddFailure.RECORD_EXISTS,
                "chain 77 has chain_n 3")), ErrorCode.RECORD_ALREADY_EXISTS);
    }

    @Test
    void addRecordToAChainTheListDoesNotHaveGets114() {
        previewRunning();
        Command.AddRecord add = addAsked(Request.AddRecord.of(SALES, "leads", "+15550100", "UTC", 78L, Map.of()));
        assertError(h.send(new Event.AddRecordFailed(h.nowMs, add.requestId(), Event.AddFailure.CHAIN_NOT_FOUND,
                "no chain 78")), ErrorCode.CHAINED_RECORDS_NOT_FOUND);
    }

    @Test
    void addRecordTheStoreCannotInsertGets116() {
        previewRunning();
        Command.AddRecord add = addAsked(Request.AddRecord.of(SALES, "leads", "+15550100", "UTC", null, Map.of()));
        assertError(h.send(new Event.AddRecordFailed(h.nowMs, add.requestId(), Event.AddFailure.FAILED,
                "disk full")), ErrorCode.ADD_RECORD_ERROR);
    }

    @Test
    void addRecordWhoseChainIdIsNotTheChainOfItsRecordHandleGets103() {
        long handle = previewOnDesktop("a1");
        assertError(ask("a1", new Request.AddRecord(SALES, "leads", handle, CHAIN + 1, null, "+15550100", 2, 2, 1,
                null, 0, null, 0, null, 0, 86_400, "UTC", Map.of())), ErrorCode.INVALID_ATTRIBUTE_VALUE);
        Command.AddRecord add = addAsked(new Request.AddRecord(SALES, "leads", handle, CHAIN, null, "+15550100", 2, 2,
                1, null, 0, null, 0, null, 0, 86_400, "UTC", Map.of()));
        assertThat(add.record().chainId()).isEqualTo(CHAIN);
    }

    @Test
    void addRecordForACampaignGroupTheAgentHasNotGets105AndForACampaignNotLoaded106() {
        previewRunning();
        assertError(ask("a1", Request.AddRecord.of(new Target("sales", "nope"), "leads", "+15550100", "UTC", null,
                Map.of())), ErrorCode.CAMPAIGN_GROUP_NOT_FOUND);
        assertError(ask("a1", Request.AddRecord.of(Target.campaign("winter"), "leads", "+15550100", "UTC", null,
                Map.of())), ErrorCode.NO_ACTIVE_CAMPAIGNS);
    }

    @Test
    void addRecordWithAnUnknownListOrTimeZoneGets103() {
        previewRunning();
        assertError(ask("a1", Request.AddRecord.of(SALES, "other", "+15550100", "UTC", null, Map.of())),
                ErrorCode.INVALID_ATTRIBUTE_VALUE);
        assertError(ask("a1", Request.AddRecord.of(SALES, "leads", "+15550100", "Mars/Base", null, Map.of())),
                ErrorCode.INVALID_ATTRIBUTE_VALUE);
        assertError(ask("a1", Request.AddRecord.of(SALES, "leads", "+15550100", "UTC", null, Map.of("Score", "many"))),
                ErrorCode.INVALID_ATTRIBUTE_VALUE);
    }

    @Test
    void anAddedPersonalCallbackIsTheAddingAgentsAndDueInTheRecordsTimeZone() {
        previewRunning();
        Command.AddRecord add = addAsked(new Request.AddRecord(SALES, "leads", null, null, null, "+15550100", 2,
                RecordType.PERSONAL_CALLBACK.code(), 1, null, 0, null, 0, LocalDateTime.of(2026, 3, 3, 10, 0), 0,
                86_400, "America/New_York", Map.of()));
        assertThat(add.record().agentId()).isEqualTo("a1");
        assertThat(add.record().dialSchedTime()).isEqualTo(Instant.parse("2026-03-03T15:00:00Z"));
    }

    @Test
    void aRecordAddedToTheChainOnTheDesktopCanBeAskedForAgainWithChainedRecordRequest() {
        long handle = previewOnDesktop("a1");
        chainDelivered(handle);
        Command.AddRecord add = addAsked(new Request.AddRecord(SALES, "leads", handle, CHAIN, null, "+15550100", 2, 2,
                1, null, 0, null, 0, null, 0, 86_400, "UTC", Map.of()));
        h.send(new Event.RecordAdded(h.nowMs, add.requestId(), 9003, CHAIN, 3));
        List<Command> again = ask("a1", new Request.ChainedRecordRequest(handle, Target.NONE));
        Command.ClaimChain claim = EngineHarness.of(Command.ClaimChain.class, again).get(0);
        List<Command> out = h.send(new Event.RecordsClaimed(h.nowMs, claim.requestId(),
                List.of(chainRec(9003, 3, "+15550100"))));
        assertThat(chainedHandles(out)).hasSize(1);
    }

    // ---- phone numbers in E.164 -------------------------------------------------------------------------------

    /** A stand-in for the server's libphonenumber: ten digits are a US number, '+' numbers stay, else refused. */
    private static final PhoneFormat US_DIGITS = (phone, region) -> {
        if (phone.matches("\\+[1-9][0-9]{7,14}")) {
            return phone;
        }
        String digits = phone.replaceAll("[ ()\\-.]", "");
        if (region.equals("US") && digits.matches("[2-9][0-9]{9}")) {
            return "+1" + digits;
        }
        throw new IllegalArgumentException("'" + phone + "' is not a phone number");
    };

    @Test
    void phoneNumbersFromADesktopAreWrittenInE164AsTheImporterWouldWriteThem() {
        h = new EngineHarness(org.outdial.compliance.DncGuard.NONE, US_DIGITS);
        long handle = previewOnDesktop("a1");
        answer(ask("a1", new Request.UpdateCallCompletionStats(handle, SALES,
                new RecordChanges(null, null, null, "(415) 555-0123", null, Map.of()))));
        h.autoStoreOff();
        ask("a1", new Request.RecordProcessed(handle, SALES, "leads", RecordChanges.NONE, null));
        assertThat(((RecordUpdate.WriteRecord) lastPersist().updates().get(0)).record().contactInfo())
                .isEqualTo("+14155550123");
        h.autoStore();
        Command.AddRecord add = addAsked(Request.AddRecord.of(SALES, "leads", "415.555.0199", "UTC", null, Map.of()));
        assertThat(add.record().contactInfo()).isEqualTo("+14155550199");
    }

    @Test
    void aPhoneNumberThatIsNoPhoneNumberGets103NamingGswPhone() {
        h = new EngineHarness(org.outdial.compliance.DncGuard.NONE, US_DIGITS);
        long handle = previewOnDesktop("a1");
        for (Request r : List.of(new Request.UpdateCallCompletionStats(handle, SALES,
                        new RecordChanges(null, null, null, "call me", null, Map.of())),
                new Request.RecordProcessed(handle, SALES, "leads",
                        new RecordChanges(null, null, null, "12", null, Map.of()), null),
                Request.AddRecord.of(SALES, "leads", "nope", "UTC", null, Map.of()))) {
            List<Command> out = ask("a1", r);
            assertError(out, ErrorCode.INVALID_ATTRIBUTE_VALUE);
            assertThat((String) answer(out).attributes().get(Keys.ERROR_DESCRIPTION)).as(r.type())
                    .contains(Keys.PHONE);
        }
    }

    // ---- campaign group assignment while logged in -------------------------------------------------------------

    @Test
    void anAgentAssignedToAGroupWhileLoggedInHearsCampaignGroupAssignedAndCanWorkIt() {
        running(DialMode.PREVIEW, Map.of());
        h.send(new Event.AgentLogin(h.nowMs, "a1", "p-a1", List.of()));
        assertThat(ask("a1", new Request.PreviewRecordRequest(SALES)).toString()).contains("107");
        List<Command.NotifyAgent> out = EngineHarness.of(Command.NotifyAgent.class,
                h.send(new Event.AgentGroupsChanged(h.nowMs, "a1", List.of(GROUP))));
        assertThat(out).extracting(Command.NotifyAgent::event).containsExactly(DesktopEvent.CAMPAIGN_GROUP_ASSIGNED,
                DesktopEvent.CAMPAIGN_STARTED);
        assertThat(out.get(0).attributes()).containsEntry(Keys.CAMPAIGN_GROUP_NAME, "sales-group")
                .containsEntry(Keys.CAMPAIGN_NAME, "sales").containsEntry(Keys.APPLICATION_ID, 1L);
        h.claimed(rec("+15550001", "c-1", 501));
        assertThat(answer(ask("a1", new Request.PreviewRecordRequest(SALES))).event())
                .isEqualTo(DesktopEvent.PREVIEW_RECORD);
    }

    @Test
    void anAgentRemovedFromAGroupWhileLoggedInNoLongerWorksIt() {
        running(DialMode.PREVIEW, Map.of());
        login("a1");
        assertThat(EngineHarness.of(Command.NotifyAgent.class,
                h.send(new Event.AgentGroupsChanged(h.nowMs, "a1", List.of())))).isEmpty();
        h.claimed(rec("+15550001", "c-1", 501));
        assertError(ask("a1", new Request.PreviewRecordRequest(SALES)), ErrorCode.NO_RUNNING_PREVIEW_CAMPAIGNS);
        assertThat(EngineHarness.of(Command.NotifyAgent.class,
                h.send(new Event.AgentGroupsChanged(h.nowMs, "nobody", List.of(GROUP))))).as("not logged in").isEmpty();
    }
}
