package org.outdial.pacing;

/**
 * A pacer's answer.
 *
 * @param expectedAbandons per dial to place, the expected abandons it adds (probability it is presented and finds no
 *                         agent in time); its length is the number of dials
 */
public record PacingDecision(double[] expectedAbandons) {

    public static final PacingDecision NONE = new PacingDecision(new double[0]);

    public static PacingDecision riskFree(int dials) {
        return dials <= 0 ? NONE : new PacingDecision(new double[dials]);
    }

    public int dials() {
        return expectedAbandons.length;
    }
}
