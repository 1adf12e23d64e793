package org.outdial.feed.oz;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.outdial.feed.FinishedCall;
import org.outdial.record.CallResult;

class OutcomeMessagesTest {

    private static final long DIALED = Instant.parse("2026-11-21T12:00:00Z").toEpochMilli();
    private static final UUID GUID = UUID.fromString("4a5e2d8c-1b3f-4c6d-9e7f-0123456789ab");

    private static FinishedCall call(String agent, CallResult result, boolean retry, boolean dontDial,
                                     Map<String, String> fields) {
        return new FinishedCall(dontDial ? null : GUID, 1, "Acme", 12, "Sales@Team", 3, "Sales1", 5, "east", 77, 77, 2,
                "001234567890", agent, result, retry, dontDial, DIALED, agent == null ? null : DIALED + 9_000,
                DIALED + 60_000, DIALED + 60_050, fields);
    }

    @Test
    void anAgentCallCarriesEveryParameterThatApplies() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", "Joe; Doe");
        fields.put("balance", "12.50");
        String oz = OutcomeMessages.outcome("EOSales1", OutcomeMessages.body(call("Joe", CallResult.ANSWER, false,
                false, fields)));
        assertThat(oz).isEqualTo("OZ\\TXEOSales1\\TDAcme\\CNSales1\\GASales@Team\\LIeast"
                + "\\SI4a5e2d8c-1b3f-4c6d-9e7f-0123456789ab\\TN001234567890\\DN001234567890\\ANJoe\\AGJoe\\AO33"
                + "\\RE10\\TS46347.5006950231\\X146347.5\\X346347.5001041667\\X446347.5006944444"
                + "\\DTname=Joe%3B Doe;balance=12.50");
    }

    @Test
    void aCallNoAgentTookHasNoAgentParametersAndCanAdviseARetry() {
        String oz = OutcomeMessages.outcome("t", OutcomeMessages.body(call(null, CallResult.BUSY, true, false,
                Map.of())));
        assertThat(oz).isEqualTo("OZ\\TXt\\TDAcme\\CNSales1\\GASales@Team\\LIeast"
                + "\\SI4a5e2d8c-1b3f-4c6d-9e7f-0123456789ab\\TN001234567890\\DN001234567890\\RE1\\RA"
                + "\\TS46347.5006950231\\X146347.5\\X346347.5006944444\\X446347.5006944444");
    }

    @Test
    void aDeclinedPreviewIsNotMadeWithDontDialAndNoCallTimes() {
        FinishedCall c = call("Joe", CallResult.CANCEL_RECORD, false, true, Map.of());
        assertThat(OutcomeMessages.outcome("t", OutcomeMessages.body(c))).isEqualTo("OZ\\TXt\\TDAcme\\CNSales1"
                + "\\GASales@Team\\LIeast\\SIP5.77.2\\TN001234567890\\ANJoe\\AGJoe\\AO52\\RE0\\DD"
                + "\\TS46347.5006950231");
        assertThat(OutcomeMessages.numberBack(c)).isEqualTo("NB\\TDAcme\\CNSales1\\TN001234567890\\SIP5.77.2"
                + "\\ANJoe\\AGJoe\\RE0\\DD");
    }

    @Test
    void enumerateFinishedEchoesTheTransaction() {
        assertThat(OutcomeMessages.enumerateFinished("ABC001")).isEqualTo("EF\\TXABC001");
    }

    @Test
    void theErrorReportPutsTheFaultyMessageLastAndVerbatim() {
        assertThat(SoftdialErrors.errorReport(803, "TX (TransactionIdentifier) is missing", "EE\\TDx"))
                .isEqualTo("ER\\EC803\\MSTX (TransactionIdentifier) is missing\\FM\"EE\\TDx\"");
    }

    @Test
    void namesWithForbiddenCharactersAreMadeLegal() {
        FinishedCall c = new FinishedCall(GUID, 1, "Acme|EU", 12, "G:1", 3, "Sales: East/West", 5, "l", 1, 1, 1,
                "1\\2", "a'b", CallResult.ANSWER, false, false, DIALED, null, DIALED, DIALED, Map.of());
        String oz = OutcomeMessages.outcome("t", OutcomeMessages.body(c));
        assertThat(oz).contains("\\TDAcme_EU\\CNSales_ East_West\\GAG_1").contains("\\TN1_2").contains("\\ANa_b");
    }

    @Test
    void everyParameterSentKeepsItsSpecBounds() {
        Map<String, String> fields = Map.of("k", "v".repeat(200_000));
        FinishedCall c = new FinishedCall(GUID, 1, "T".repeat(100), 12, "G".repeat(100), 3, "C".repeat(100), 5,
                "L".repeat(100), 1, 1, 1, "9".repeat(100), "A".repeat(100), CallResult.ANSWER, true, false, DIALED,
                DIALED, DIALED, DIALED, fields);
        for (String text : new String[] {OutcomeMessages.outcome("t", OutcomeMessages.body(c)),
                OutcomeMessages.numberBack(c)}) {
            SoftdialMessage m = parseLong(text);
            for (SoftdialMessage.Param p : m.params()) {
                ParamSpec.OUTCOME.get(p.code()).check(p.value());
            }
        }
    }

    @Test
    void dataEscapesItsSeparators() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("a=b", "50%;x\\y\n");
        assertThat(OutcomeMessages.data(fields)).isEqualTo("a%3Db=50%25%3Bx%5Cy%0A");
    }

    /** The codec caps client messages; outgoing ones (DT up to 128,000) are split here the same way. */
    private static SoftdialMessage parseLong(String text) {
        String[] tokens = text.split("\\\\", -1);
        SoftdialMessage.Builder b = SoftdialMessage.builder(tokens[0]);
        for (int i = 1; i < tokens.length; i++) {
            String t = tokens[i];
            if (t.length() == 2) {
                b.flag(t);
            } else {
                b.add(t.substring(0, 2), t.substring(2));
            }
        }
        return b.build();
    }
}
