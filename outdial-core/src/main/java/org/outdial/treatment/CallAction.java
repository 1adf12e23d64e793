package org.outdial.treatment;

import java.util.Arrays;
import java.util.Optional;

/** Apply-to-Call actions (CfgCallActionCode) for answering machine, fax and silence results. */
public enum CallAction {
    NONE(0),
    CONNECT(1),
    DROP(2),
    MUTE_TRANSFER(3),
    TRANSFER(4),
    ROUTE(5),
    PLAY_MESSAGE(6),
    SEND_FAX(7),
    SEND_PAGE(8),
    SEND_EMAIL(9);

    private final int code;

    CallAction(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<CallAction> ofCode(int code) {
        return Arrays.stream(values()).filter(a -> a.code == code).findFirst();
    }
}
