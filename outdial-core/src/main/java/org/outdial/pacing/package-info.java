/**
 * Pacing: how many calls to dial now. {@link org.outdial.pacing.Pacer} is the small interface the engine asks; the
 * implementations here are progressive, fixed ratio and the look-ahead predictive pacer, which decides per call from
 * learned probabilities (hit ratio, time to answer, handle time with censoring) and an abandon allowance that the
 * compliance guard hands in.
 */
package org.outdial.pacing;
