package org.outdial.engine;

/**
 * How a preview record left an agent's desktop unworked. The record itself always goes back to its list (Ready, or
 * Stale for a timeout); what differs is what the agent does next.
 */
public enum PreviewReturn {
    /** The agent rejected it: he becomes Ready (and may be offered the next record). */
    REJECT,
    /** The agent skipped it: he stays reserved and gets the next record at once; Ready when there is none. */
    SKIP,
    /** The agent cancelled the reservation: he goes Not Ready. */
    CANCEL_RESERVATION,
    /** The stale-clean timer took it back: the agent goes Not Ready. */
    STALE
}
