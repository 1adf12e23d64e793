package org.outdial.sip;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.outdial.record.CallResult;

/**
 * Maps a failed customer INVITE to a call result: the Q.850 cause of a {@code Reason} header (RFC 3326) first, then
 * the final response's status code, then the status class. One table per trunk; {@link #withOverrides} replaces
 * entries from configuration (e.g. 403 as SIT Intercept or as Do Not Call, depending on the carrier).
 */
public final class CallResultTable {

    private final Map<Integer, CallResult> byCause;
    private final Map<Integer, CallResult> byStatus;
    private final CallResult noReply;

    private CallResultTable(Map<Integer, CallResult> byCause, Map<Integer, CallResult> byStatus, CallResult noReply) {
        this.byCause = Map.copyOf(byCause);
        this.byStatus = Map.copyOf(byStatus);
        this.noReply = Objects.requireNonNull(noReply, "noReply");
    }

    /** The reference mapping (docs/sip.md lists it). */
    public static CallResultTable defaults() {
        Map<Integer, CallResult> causes = new TreeMap<>();
        causes.put(17, CallResult.BUSY);
        for (int c : new int[] {18, 19, 20}) {
            causes.put(c, CallResult.NO_ANSWER);
        }
        for (int c : new int[] {1, 2, 3, 22, 28}) {
            causes.put(c, CallResult.SIT_INVALID_NUM);
        }
        for (int c : new int[] {34, 41, 42, 44, 47}) {
            causes.put(c, CallResult.SIT_NO_CIRCUIT);
        }
        causes.put(27, CallResult.SIT_REORDER);
        causes.put(38, CallResult.SIT_REORDER);
        causes.put(21, CallResult.SIT_INTERCEPT);
        Map<Integer, CallResult> statuses = new TreeMap<>();
        statuses.put(486, CallResult.BUSY);
        statuses.put(600, CallResult.BUSY);
        for (int s : new int[] {487, 480, 408}) {
            statuses.put(s, CallResult.NO_ANSWER);
        }
        for (int s : new int[] {404, 484, 485, 410, 604}) {
            statuses.put(s, CallResult.SIT_INVALID_NUM);
        }
        statuses.put(503, CallResult.ALL_TRUNKS_BUSY);
        statuses.put(502, CallResult.SIT_REORDER);
        statuses.put(403, CallResult.SIT_INTERCEPT);
        statuses.put(603, CallResult.SIT_INTERCEPT);
        return new CallResultTable(causes, statuses, CallResult.GENERAL_ERROR);
    }

    /**
     * A copy with entries replaced. Keys are {@code "cause:N"} (Q.850 cause 1..127), {@code "status:N"} (final
     * response 300..699) or {@code "no-reply"}.
     *
     * @throws IllegalArgumentException naming the key when one is malformed
     */
    public CallResultTable withOverrides(Map<String, CallResult> overrides) {
        Map<Integer, CallResult> causes = new TreeMap<>(byCause);
        Map<Integer, CallResult> statuses = new TreeMap<>(byStatus);
        CallResult reply = noReply;
        for (Map.Entry<String, CallResult> e : new TreeMap<>(overrides).entrySet()) {
            String key = e.getKey().trim();
            CallResult result = Objects.requireNonNull(e.getValue(), "result of " + key);
            if (key.equals("no-reply")) {
                reply = result;
            } else if (key.startsWith("cause:")) {
                causes.put(number(key, key.substring(6), 1, 127), result);
            } else if (key.startsWith("status:")) {
                statuses.put(number(key, key.substring(7), 300, 699), result);
            } else {
                throw new IllegalArgumentException("call result key '" + key
                        + "' must be cause:N (Q.850 cause), status:N (SIP final response) or no-reply");
            }
        }
        return new CallResultTable(causes, statuses, reply);
    }

    private static int number(String key, String text, int min, int max) {
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("call result key '" + key + "' needs a number from " + min + " to " + max);
    }

    /**
     * The result of a final non-2xx response.
     *
     * @param q850Cause the cause of the response's {@code Reason: Q.850} header, or 0 when it has none
     */
    public CallResult resultOf(int status, int q850Cause) {
        CallResult byReason = byCause.get(q850Cause);
        if (byReason != null) {
            return byReason;
        }
        CallResult exact = byStatus.get(status);
        if (exact != null) {
            return exact;
        }
        return status >= 500 && status < 600 ? CallResult.SIT_REORDER : CallResult.GENERAL_ERROR;
    }

    /** The result when the trunk sent no response at all. */
    public CallResult noReply() {
        return noReply;
    }
}
