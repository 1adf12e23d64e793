package org.outdial.campaign;

import java.util.Arrays;
import java.util.Optional;

/** How a campaign group dials; codes are the CfgDialMode values carried as {@code GSW_DIAL_MODE}. */
public enum DialMode {
    PREDICTIVE(1),
    PROGRESSIVE(2),
    PREVIEW(3),
    PROGRESSIVE_WITH_SEIZING(4),
    PREDICTIVE_WITH_SEIZING(5),
    POWER(6),
    POWER_WITH_SEIZING(7),
    PUSH_PREVIEW(8),
    PROGRESSIVE_GVP(9),
    PREDICTIVE_GVP(10),
    POWER_GVP(11);

    private final int code;

    DialMode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<DialMode> ofCode(int code) {
        return Arrays.stream(values()).filter(m -> m.code == code).findFirst();
    }
}
