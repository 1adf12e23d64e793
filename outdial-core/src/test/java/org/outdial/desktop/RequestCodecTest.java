package org.outdial.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.outdial.desktop.Request.RecordChanges;
import org.outdial.desktop.Request.Target;

/**
 * Each desktop request's attached-data table: every mandatory key missing gets 102, a value of the wrong type 103,
 * and every request survives encode → decode unchanged (the reference client and the server agree).
 */
class RequestCodecTest {

    private static final Target SALES = new Target("Sales", "Sales@team");

    /** A full, valid key–value list per request type and the keys its table marks mandatory (besides the type). */
    static Stream<Arguments> tables() {
        return Stream.of(
                table("CampaignStatusRequest", Map.of(), List.of()),
                table("PreviewDialingModeStart", Map.of(Keys.CAMPAIGN_NAME, "Sales"), List.of(Keys.CAMPAIGN_NAME)),
                table("PreviewDialingModeOver", Map.of(Keys.CAMPAIGN_NAME, "Sales"), List.of(Keys.CAMPAIGN_NAME)),
                table("PreviewRecordRequest", Map.of(Keys.CAMPAIGN_NAME, "Sales"), List.of(Keys.CAMPAIGN_NAME)),
                table("UpdateCallCompletionStats", Map.of(Keys.CAMPAIGN_NAME, "Sales", Keys.RECORD_HANDLE, 5L),
                        List.of(Keys.CAMPAIGN_NAME, Keys.RECORD_HANDLE)),
                table("RecordProcessed", Map.of(Keys.CAMPAIGN_NAME, "Sales", Keys.RECORD_HANDLE, 5L,
                        Keys.CALLING_LIST, "leads"), List.of(Keys.CAMPAIGN_NAME, Keys.RECORD_HANDLE, Keys.CALLING_LIST)),
                table("ChainedRecordRequest", Map.of(Keys.RECORD_HANDLE, 5L), List.of(Keys.RECORD_HANDLE)),
                table("RecordReject", Map.of(Keys.CAMPAIGN_NAME, "Sales", Keys.RECORD_HANDLE, 5L,
                        Keys.CALLING_LIST, "leads"), List.of(Keys.CAMPAIGN_NAME, Keys.RECORD_HANDLE, Keys.CALLING_LIST)),
                table("RequestRecordCancel", Map.of(Keys.CAMPAIGN_NAME, "Sales", Keys.RECORD_HANDLE, 5L,
                        Keys.CALLING_LIST, "leads"), List.of(Keys.CAMPAIGN_NAME, Keys.CALLING_LIST)),
                table("DoNotCall", Map.of(Keys.CAMPAIGN_NAME, "Sales", Keys.RECORD_HANDLE, 5L,
                        Keys.CALLING_LIST, "leads"), List.of(Keys.CAMPAIGN_NAME, Keys.CALLING_LIST)),
                table("RecordReschedule", Map.of(Keys.CAMPAIGN_NAME, "Sales", Keys.RECORD_HANDLE, 5L,
                        Keys.CALLBACK_TYPE, "Personal", Keys.DATE_TIME, "12/24/2030 10:30"),
                        List.of(Keys.CAMPAIGN_NAME, Keys.RECORD_HANDLE, Keys.CALLBACK_TYPE, Keys.DATE_TIME)),
                table("ScheduledRecordReschedule", Map.of(Keys.CAMPAIGN_NAME, "Sales", Keys.RECORD_HANDLE, 5L,
                        Keys.DATE_TIME, "12/24/30 10:30"),
                        List.of(Keys.CAMPAIGN_NAME, Keys.RECORD_HANDLE, Keys.DATE_TIME)),
                table("ReadyTime", Map.of(Keys.READY_TIME, 20L, Keys.RECORD_HANDLE, 5L),
                        List.of(Keys.READY_TIME, Keys.RECORD_HANDLE)),
                table("LogOut", Map.of(Keys.CAMPAIGN_NAME, "Sales"), List.of(Keys.CAMPAIGN_NAME)),
                table("Login", Map.of(Keys.AGENT_ID, "a1", Keys.PLACE, "1001", Keys.CREDENTIAL, "pw"),
                        List.of(Keys.AGENT_ID, Keys.PLACE, Keys.CREDENTIAL)),
                table("AddRecord", Map.of(Keys.CAMPAIGN_NAME, "Sales", Keys.CALLING_LIST, "leads", Keys.PHONE,
                        "+15550100", Keys.TZ_NAME, "EST"),
                        List.of(Keys.CAMPAIGN_NAME, Keys.CALLING_LIST, Keys.PHONE, Keys.TZ_NAME)));
    }

    private static Arguments table(String type, Map<String, Object> keys, List<String> mandatory) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(Keys.AGENT_REQ_TYPE, type);
        m.put(Keys.APPLICATION_ID, 101L);
        m.put(Keys.REFERENCE_ID, 9L);
        m.putAll(keys);
        return Arguments.of(type, KvList.of(m), mandatory);
    }

    private static KvList without(KvList kv, String key) {
        Map<String, Object> m = new LinkedHashMap<>(kv.asMap());
        m.remove(key);
        return KvList.of(m);
    }

    private static KvList with(KvList kv, String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>(kv.asMap());
        m.put(key, value);
        return KvList.of(m);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    void aCompleteRequestDecodesAndKeepsItsReferenceId(String type, KvList kv, List<String> mandatory) {
        Decoded d = RequestCodec.decode(kv);
        assertThat(d.ok()).as("%s: %s", type, d.error()).isTrue();
        assertThat(d.request().type()).isEqualTo(type);
        assertThat(d.referenceId()).isEqualTo(9L);
        assertThat(d.applicationId()).isEqualTo(101L);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    void everyMandatoryAttributeMissingGets102(String type, KvList kv, List<String> mandatory) {
        for (String key : mandatory) {
            Decoded d = RequestCodec.decode(without(kv, key));
            assertThat(d.ok()).as("%s without %s", type, key).isFalse();
            assertThat(d.error().code()).as("%s without %s", type, key).isEqualTo(ErrorCode.ATTRIBUTE_NOT_FOUND);
            assertThat(d.referenceId()).isEqualTo(9L);
            assertThat(d.type()).isEqualTo(type);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    void everyMandatoryAttributeOfTheWrongTypeGets103(String type, KvList kv, List<String> mandatory) {
        for (String key : mandatory) {
            Object wrong = kv.get(key) instanceof Long ? "five" : (Object) 5L;
            Decoded d = RequestCodec.decode(with(kv, key, wrong));
            assertThat(d.ok()).as("%s with %s of the wrong type", type, key).isFalse();
            assertThat(d.error().code()).as(key).isEqualTo(ErrorCode.INVALID_ATTRIBUTE_VALUE);
        }
    }

    @Test
    void aMissingRequestTypeGets102AndAnUnknownOne101() {
        assertThat(RequestCodec.decode(KvList.of(Map.of(Keys.REFERENCE_ID, 3L))).error().code())
                .isEqualTo(ErrorCode.ATTRIBUTE_NOT_FOUND);
        Decoded unknown = RequestCodec.decode(KvList.of(Map.of(Keys.AGENT_REQ_TYPE, "Dance")));
        assertThat(unknown.error().code()).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(unknown.error().getMessage()).contains("Dance");
    }

    @Test
    void anUnparseableDateTimeGets111() {
        Decoded d = RequestCodec.decode(KvList.of(Map.of(Keys.AGENT_REQ_TYPE, "RecordReschedule",
                Keys.CAMPAIGN_NAME, "S", Keys.RECORD_HANDLE, 1L, Keys.CALLBACK_TYPE, "Campaign",
                Keys.DATE_TIME, "25/45/00 10:00")));
        assertThat(d.error().code()).isEqualTo(ErrorCode.INVALID_TIME_FORMAT);
        assertThat(DateTimes.parse("03/04/26 09:05")).isEqualTo(LocalDateTime.of(2026, 3, 4, 9, 5));
        assertThat(DateTimes.parse("3/4/2026 9:05")).isEqualTo(LocalDateTime.of(2026, 3, 4, 9, 5));
    }

    @Test
    void badValuesOfEnumerationsAndRangesGet103() {
        KvList base = KvList.of(Map.of(Keys.AGENT_REQ_TYPE, "RecordProcessed", Keys.CAMPAIGN_NAME, "S",
                Keys.RECORD_HANDLE, 1L, Keys.CALLING_LIST, "l"));
        for (Map.Entry<String, Object> bad : List.of(Map.entry(Keys.CALL_RESULT, (Object) 9999L),
                Map.entry(Keys.FROM, (Object) 90_000L), Map.entry(Keys.PHONE_TYPE, (Object) 77L),
                Map.entry(Keys.TREATMENT, (Object) "RecordTreatLater"), Map.entry(Keys.RECORD_HANDLE, (Object) 0L),
                Map.entry("custom", (Object) KvList.of(Map.of("a", 1L))))) {
            assertThat(RequestCodec.decode(with(base, bad.getKey(), bad.getValue())).error().code()).as(bad.getKey())
                    .isEqualTo(ErrorCode.INVALID_ATTRIBUTE_VALUE);
        }
        KvList ready = KvList.of(Map.of(Keys.AGENT_REQ_TYPE, "ReadyTime", Keys.RECORD_HANDLE, 1L,
                Keys.READY_TIME, 0L));
        assertThat(RequestCodec.decode(ready).error().code()).as("time to go ready <= 0")
                .isEqualTo(ErrorCode.INVALID_ATTRIBUTE_VALUE);
        assertThat(RequestCodec.decode(KvList.of(Map.of(Keys.AGENT_REQ_TYPE, "DoNotCall", Keys.PHONE, "+1",
                Keys.CHAIN_ATTR, "Some"))).error().code()).isEqualTo(ErrorCode.INVALID_ATTRIBUTE_VALUE);
    }

    @Test
    void addRecordTakesTheDefaultsOfItsTable() {
        Request.AddRecord r = (Request.AddRecord) RequestCodec.decode(KvList.of(Map.of(Keys.AGENT_REQ_TYPE,
                "AddRecord", Keys.CAMPAIGN_NAME, "S", Keys.CALLING_LIST, "l", Keys.PHONE, "+15550100",
                Keys.TZ_NAME, "EST", "Note", "hi"))).request();
        assertThat(r.dailyFrom()).as("GSW_FROM default 8 AM").isEqualTo(28_800);
        assertThat(r.dailyTill()).as("GSW_UNTIL default 6 PM").isEqualTo(64_800);
        assertThat(r.phoneType()).as("GSW_PHONE_TYPE default DirectBusinessPhone").isEqualTo(2);
        assertThat(r.recordType()).as("GSW_RECORD_TYPE default General").isEqualTo(2);
        assertThat(r.recordStatus()).as("GSW_RECORD_STATUS default Ready").isEqualTo(1);
        assertThat(r.attempts()).isZero();
        assertThat(r.callTimeSec()).isZero();
        assertThat(r.agentId()).isNull();
        assertThat(r.chainId()).as("no GSW_CHAIN_ID: a new chain").isNull();
        assertThat(r.chainN()).isNull();
        assertThat(r.at()).isNull();
        assertThat(r.custom()).containsExactly(Map.entry("Note", "hi"));
    }

    @Test
    void addRecordWithBadEnumerationsOrRangesGets103() {
        KvList base = KvList.of(Map.of(Keys.AGENT_REQ_TYPE, "AddRecord", Keys.CAMPAIGN_NAME, "S",
                Keys.CALLING_LIST, "l", Keys.PHONE, "+15550100", Keys.TZ_NAME, "EST"));
        for (Map.Entry<String, Object> bad : List.of(Map.entry(Keys.RECORD_TYPE, (Object) 7L),
                Map.entry(Keys.RECORD_STATUS, (Object) 2L), Map.entry(Keys.PHONE_TYPE, (Object) 77L),
                Map.entry(Keys.CALL_RESULT, (Object) 9999L), Map.entry(Keys.UNTIL, (Object) 90_000L),
                Map.entry(Keys.CHAIN_N, (Object) (-1L)), Map.entry(Keys.CALL_TIME, (Object) "yesterday"),
                Map.entry(Keys.PHONE, (Object) " "))) {
            assertThat(RequestCodec.decode(with(base, bad.getKey(), bad.getValue())).error().code()).as(bad.getKey())
                    .isEqualTo(ErrorCode.INVALID_ATTRIBUTE_VALUE);
        }
        assertThat(RequestCodec.decode(with(base, Keys.CHAIN_N, 2L)).error().code()).as("chain_n without chain id")
                .isEqualTo(ErrorCode.INVALID_ATTRIBUTE_VALUE);
        assertThat(RequestCodec.decode(with(base, Keys.RECORD_TYPE, 6L)).error().code())
                .as("a Campaign CallBack needs its GSW_DATE_TIME").isEqualTo(ErrorCode.ATTRIBUTE_NOT_FOUND);
        assertThat(RequestCodec.decode(with(with(base, Keys.RECORD_TYPE, 6L), Keys.DATE_TIME, "13/45/30 10:00"))
                .error().code()).isEqualTo(ErrorCode.INVALID_TIME_FORMAT);
    }

    @Test
    void cancelAndDoNotCallNeedAHandleAPhoneOrACustomerId() {
        for (String type : List.of("RequestRecordCancel", "DoNotCall")) {
            assertThat(RequestCodec.decode(KvList.of(Map.of(Keys.AGENT_REQ_TYPE, type))).error().code())
                    .isEqualTo(ErrorCode.ATTRIBUTE_NOT_FOUND);
            assertThat(RequestCodec.decode(KvList.of(Map.of(Keys.AGENT_REQ_TYPE, type, Keys.CUSTOMER_ID, "c")))
                    .ok()).isTrue();
        }
    }

    @Test
    void customFieldsTravelOnlyInTheRequestsThatCarryThemAndUnknownReservedKeysAreIgnored() {
        KvList kv = KvList.of(Map.of(Keys.AGENT_REQ_TYPE, "UpdateCallCompletionStats", Keys.CAMPAIGN_NAME, "S",
                Keys.RECORD_HANDLE, 1L, "Balance", 12L, "GSW_SOMETHING_NEW", "x"));
        Request.UpdateCallCompletionStats u = (Request.UpdateCallCompletionStats) RequestCodec.decode(kv).request();
        assertThat(u.changes().custom()).containsExactly(Map.entry("Balance", 12L));
        KvList preview = KvList.of(Map.of(Keys.AGENT_REQ_TYPE, "PreviewRecordRequest", Keys.CAMPAIGN_NAME, "S",
                "Balance", 12L));
        assertThat(RequestCodec.decode(preview).ok()).isTrue();
    }

    @Test
    void everyRequestSurvivesEncodeAndDecode() {
        LocalDateTime at = LocalDateTime.of(2030, 12, 24, 10, 30);
        RecordChanges changes = new RecordChanges(33, 3600, 7200, "+15550100", 4, Map.of("Note", "hi", "N", 3L));
        List<Request> all = List.of(new Request.CampaignStatusRequest(), new Request.PreviewDialingModeStart(SALES),
                new Request.PreviewDialingModeOver(SALES), new Request.PreviewRecordRequest(SALES),
                new Request.UpdateCallCompletionStats(5, SALES, changes),
                new Request.RecordProcessed(5, SALES, "leads", changes, Request.Treatment.PERSONAL),
                new Request.ChainedRecordRequest(5, SALES), new Request.RecordReject(5, SALES, "leads"),
                new Request.RequestRecordCancel(5L, null, null, SALES, "leads", Request.ChainAttr.RECORD_ONLY),
                new Request.RequestRecordCancel(null, "+1555", null, Target.NONE, null, Request.ChainAttr.ALL_CHAIN),
                new Request.DoNotCall(5L, null, null, SALES, "leads", Request.ChainAttr.ALL_CHAIN, "asked", 86_400L),
                new Request.DoNotCall(null, null, "c-7", Target.NONE, null, Request.ChainAttr.ALL_CHAIN, null, null),
                new Request.RecordReschedule(5, SALES, Request.CallbackType.CAMPAIGN, at, null, false),
                new Request.RecordReschedule(5, SALES, null, at, "+1555", true),
                new Request.ReadyTime(5, 30), new Request.LogOut(SALES),
                new Request.Login("a1", "1001", "pw", "acme"), new Request.Ready(), new Request.NotReady(3),
                Request.AddRecord.of(SALES, "leads", "+15550100", "America/New_York", null, Map.of("Note", "hi")),
                new Request.AddRecord(SALES, "leads", 5L, 77L, 3, "+15550101", 4, 5, 1, 28, 2, "a1", 1_700_000_000L,
                        at, 3600, 7200, "PST", Map.of("N", 3L)));
        for (Request r : all) {
            Decoded d = RequestCodec.decode(RequestCodec.encode(r, 101L, 7L));
            assertThat(d.ok()).as("%s: %s", r, d.error()).isTrue();
            assertThat(d.request()).as(r.type()).isEqualTo(r);
        }
    }
}
