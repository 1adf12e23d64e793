package org.outdial.campaign;

import java.util.Arrays;
import java.util.Optional;

/**
 * What predictive pacing optimizes ({@code GSW_OPTIMIZE_BY}). The vendor's integers for average distribution time and
 * maximum gain are unconfirmed; outdial numbers them 4 and 5 and keeps that choice here only.
 */
public enum OptimizationMethod {
    NONE(0),
    /** Goal: percent of agent time busy. */
    BUSY_FACTOR(1),
    /** Goal: maximum percent of answered calls abandoned. */
    OVERDIAL_RATE(2),
    /** Goal: average agent wait between calls, seconds. */
    AVERAGE_WAIT_TIME(3),
    /** Goal: average time a connected customer waits for an agent, seconds (value unconfirmed). */
    AVERAGE_DISTRIBUTION_TIME(4),
    /** Maximum gain (value unconfirmed). */
    MAXIMUM_GAIN(5);

    private final int code;

    OptimizationMethod(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<OptimizationMethod> ofCode(int code) {
        return Arrays.stream(values()).filter(m -> m.code == code).findFirst();
    }
}
