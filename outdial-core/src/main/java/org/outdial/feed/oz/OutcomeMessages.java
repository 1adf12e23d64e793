package org.outdial.feed.oz;

import java.util.Map;
import org.outdial.feed.FinishedCall;

/**
 * Builds the messages the outcome feed sends: Outcome Data [OZ] per finished call, Number Back [NB] for preview
 * records the agent declined (with DD), Enumerate Finished [EF]. The part after TX is built once per call and shared
 * by every subscription ({@link #body}); {@link #outcome} puts a subscription's TX in front.
 *
 * <p>Parameters sent: TX, TD, CN, GA (campaign group), LI (calling list), SI (call-attempt GUID), TN, DN, AN, AG, AO
 * (our call result code when an agent handled the call), RE (see {@link DialingCycleOutcomes}), RA (the record will be
 * retried), DD (preview declined), TS, X1 (dial), X3 (answer or failure), X4 (end), DT (the record's custom fields).
 * Never sent: IB and QN (outdial dials out only), T1–T6 (outdial records no calls), X2 (the switch does not report the
 * start of alerting to the engine).
 */
public final class OutcomeMessages {

    private OutcomeMessages() {}

    /** Everything of an OZ after its TX, starting with a backslash. */
    public static String body(FinishedCall c) {
        StringBuilder b = new StringBuilder(256);
        name(b, "TD", c.tenantName());
        name(b, "CN", c.campaignName());
        String group = c.groupName() == null || c.groupName().isEmpty() ? Long.toString(c.groupId()) : c.groupName();
        name(b, "GA", group);
        name(b, "LI", c.listName() == null || c.listName().isEmpty() ? Long.toString(c.listId()) : c.listName());
        b.append("\\SI").append(SoftdialValues.clean(c.sessionId(), 120, false));
        String phone = c.phone() == null ? "" : SoftdialValues.clean(c.phone(), 80, false);
        b.append("\\TN").append(phone);
        if (!c.dontDial()) {
            b.append("\\DN").append(phone);
        }
        if (c.agentId() != null && !c.agentId().isEmpty()) {
            name(b, "AN", c.agentId());
            name(b, "AG", c.agentId());
            b.append("\\AO").append(c.result().code());
        }
        b.append("\\RE").append(c.dontDial() ? DialingCycleOutcomes.NOT_MADE : DialingCycleOutcomes.of(c.result()));
        if (c.retry()) {
            b.append("\\RA");
        }
        if (c.dontDial()) {
            b.append("\\DD");
        }
        b.append("\\TS").append(OleDate.format(c.processedAtMs()));
        if (!c.dontDial()) {
            b.append("\\X1").append(OleDate.format(c.dialedAtMs()));
            b.append("\\X3").append(OleDate.format(c.answeredAtMs() != null ? c.answeredAtMs() : c.endedAtMs()));
            b.append("\\X4").append(OleDate.format(c.endedAtMs()));
        }
        String data = data(c.customFields());
        if (!data.isEmpty()) {
            b.append("\\DT").append(data);
        }
        return b.toString();
    }

    /** An OZ for one subscription. */
    public static String outcome(String transactionId, String body) {
        return "OZ\\TX" + transactionId + body;
    }

    /** Number Back for a preview record the agent declined: TD, CN, TN, SI, AN, AG, RE (Not Made) and DD. */
    public static String numberBack(FinishedCall c) {
        StringBuilder b = new StringBuilder(128).append("NB");
        name(b, "TD", c.tenantName());
        name(b, "CN", c.campaignName());
        b.append("\\TN").append(c.phone() == null ? "" : SoftdialValues.clean(c.phone(), 80, false));
        b.append("\\SI").append(SoftdialValues.clean(c.sessionId(), 120, false));
        if (c.agentId() != null && !c.agentId().isEmpty()) {
            name(b, "AN", c.agentId());
            name(b, "AG", c.agentId());
        }
        b.append("\\RE").append(DialingCycleOutcomes.NOT_MADE);
        if (c.retry()) {
            b.append("\\RA");
        }
        return b.append("\\DD").toString();
    }

    public static String enumerateFinished(String transactionId) {
        return "EF\\TX" + transactionId;
    }

    /**
     * Line-of-business data: {@code key=value} pairs joined by {@code ;}, in the record's field order. {@code %},
     * {@code ;}, {@code =}, {@code \} and control characters in keys and values are written {@code %XX} (hex of the
     * UTF-8 byte), so the text splits unambiguously. Pairs past 128,000 characters are left out.
     */
    public static String data(Map<String, String> fields) {
        if (fields.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder(fields.size() * 24);
        for (Map.Entry<String, String> e : fields.entrySet()) {
            int mark = b.length();
            if (mark > 0) {
                b.append(';');
            }
            escape(b, e.getKey());
            b.append('=');
            escape(b, e.getValue() == null ? "" : e.getValue());
            if (b.length() > 128_000) {
                b.setLength(mark);
                break;
            }
        }
        return b.toString();
    }

    private static void escape(StringBuilder b, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' || c == ';' || c == '=' || c == '\\' || c < 0x20) {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            } else {
                b.append(c);
            }
        }
    }

    private static void name(StringBuilder b, String code, String value) {
        if (value != null && !value.isEmpty()) {
            b.append('\\').append(code).append(SoftdialValues.clean(value, 80, true));
        }
    }
}
