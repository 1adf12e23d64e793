package org.outdial.callback;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Short codes for the well-known reporting keys in stored raw events: {@code ~17} stands for the 18th name below. The
 * names make up three quarters of a raw event's text; coding them keeps a callback's two events under 1 KB instead of
 * 2.5 KB, which is what the transform reads. The list is stored data's dictionary: append only, never reorder.
 */
final class KeyCodes {

    static final List<String> NAMES = List.of(
            "_CB_TENANT_DBID", "_CB_DISPOSITION", "_CB_SERVICE_ID", "_CB_ORIGINATION_IXN_ID", "_CB_FIRST_OUT_IXN_ID",
            "_CB_LAST_OUT_IXN_ID", "_CB_DIAL_1_RESULT", "_CB_DIAL_2_RESULT", "_CB_DIAL_3_RESULT",
            "_CB_DIAL_4_RESULT", "_CB_DIAL_5_RESULT", "_CB_T_DIAL_1", "_CB_T_DIAL_2", "_CB_T_DIAL_3", "_CB_T_DIAL_4",
            "_CB_T_DIAL_5", "_CB_IXN_START_IGNORING_AVAILABILITY", "_CB_FINAL_RECORD",
            "_CB_EWT_WHEN_READY_TO_START_MEDIA_IXN", "_CB_EWT_WHEN_CALLBACK_WAS_OFFERED",
            "_CB_POS_WHEN_READY_TO_START_MEDIA_IXN", "_CB_POS_WHEN_CALLBACK_WAS_OFFERED", "_CB_D_CALLBACK_OFFER",
            "_CB_OFFER_EWT_INBOUND_VQ", "_CB_N_ABANDONED_DURING_CALLBACK_OFFER", "_CB_CUSTOMER_ANI",
            "_CB_T_SERVICE_END", "_CB_D_CUSTOMER_WAITED_BEFORE_OFFER", "_CB_D_WAITING_FOR_AGENT_OFFLINE",
            "_CB_D_ESTABLISH_MEDIA_IXN", "_CB_D_CUSTOMER_CONNECTED_WAITING_FOR_AGENT", "_CB_T_CALLBACK_ACCEPTED",
            "_CB_T_CALLBACK_OFFERED", "_CB_T_READY_TO_START_MEDIA_IXN", "_CB_T_CUSTOMER_CONNECTED",
            "_CB_N_AGENT_ADDED_TO_IXN", "_CB_N_TRANSFER_TO_AGENT_FAILED",
            "_CB_N_CUSTOMER_ABANDONED_WHILE_WAITING_FOR_AGENT", "_CB_N_TIMEOUT_WHILE_WAITING_FOR_AGENT",
            "_CB_N_IXN_REQ_AGENT", "_CB_N_CALLBACK_OFFERED", "_CB_N_CALLBACK_ACCEPTED",
            "_CB_N_CALLBACK_MEDIA_ATTEMPTS", "_CB_T_SERVICE_START", "_CB_DIM_VQ_DBID", "_CB_DIM_VQ",
            "_CB_DIM_CHANNEL", "_CB_DIM_CALLBACK_OFFER_TYPE", "_CB_DIM_TYPE", "_CB_DIM_CONNECT_ORDER",
            "_CB_DIM_DIAL_DIALOG_RESULT", "_CB_DIM_CALL_DIRECTION", "_CB_DIM_FINAL_DIAL_RESULT",
            "_CB_DIM_OFFER_TIMING", "_CB_DIM_FINAL_TARGET", "_CB_ORS_SESSION_ID",
            "_CB_EWT_WHEN_READY_TO_START_LAST_MEDIA_IXN", "_CB_POS_WHEN_READY_TO_START_LAST_MEDIA_IXN",
            "_CB_PRIORITY_WHEN_CALLBACK_ACCEPTED", "_CB_PRIORITY_WHEN_CUSTOMER_CONNECTED",
            "_CB_PRIORITY_AT_THE_END_OF_ONLINE_WAIT", "_CB_EWT_THRESHOLD_WHEN_OFFERED", "_CB_N_IS_SNOOZED",
            "_CB_T_NEXT_REDIAL_ATTEMPT", "_CB_T_LAST_DIAL_ATTEMPT", "VQ_CFG_TYPE_ID", "VQ_CFG_TYPE");

    private static final Map<String, String> CODES = codes();

    private KeyCodes() {}

    private static Map<String, String> codes() {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < NAMES.size(); i++) {
            m.put(NAMES.get(i), "~" + i);
        }
        return m;
    }

    /** The code of a well-known key, or null. */
    static String code(String key) {
        return CODES.get(key);
    }

    /** The index of the code in {@code text} from {@code start} (a '~') to {@code end}. */
    static int index(String text, int start, int end) {
        if (end - start >= 2 && end - start <= 4) { // '~' and one to three digits: read in place, the usual case
            int i = 0;
            int at = start + 1;
            for (; at < end; at++) {
                char ch = text.charAt(at);
                if (ch < '0' || ch > '9') {
                    break;
                }
                i = i * 10 + (ch - '0');
            }
            if (at == end && i < NAMES.size()) {
                return i;
            }
        }
        try {
            int i = Integer.parseInt(text, start + 1, end, 10);
            if (i >= 0 && i < NAMES.size()) {
                return i;
            }
        } catch (NumberFormatException e) {
            // falls through
        }
        throw new IllegalArgumentException("unknown key code '" + text.substring(start, end) + "'");
    }

    /** The key a code stands for; {@code text} starts with '~'. */
    static String name(String text) {
        try {
            int i = Integer.parseInt(text, 1, text.length(), 10);
            if (i >= 0 && i < NAMES.size()) {
                return NAMES.get(i);
            }
        } catch (NumberFormatException e) {
            // falls through
        }
        throw new IllegalArgumentException("unknown key code '" + text + "'");
    }
}
