/**
 * Compliance guards, independent of the pacer: Do-Not-Call and calling-window checks at the moment of dialing, and
 * the abandon-rate budget that turns into the pacer's per-call abandon allowance.
 */
package org.outdial.compliance;
