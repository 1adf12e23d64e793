package org.outdial.engine;

/**
 * Why a running campaign group is not dialing as it could (the waiting and system-error stat events); the engine
 * reports each with {@link Command.PublishGroupCondition} when it begins and when it is over.
 */
public enum GroupCondition {
    /** A dialing (non-preview) session with no member able to take a call: none logged in, or all Not Ready. */
    WAITING_AGENTS,
    /** Records are there, but the line limit holds dialing back (lines per agent with an agent Ready, IVR ports). */
    WAITING_PORTS,
    /** The buffer is empty and every list came back from its last claim short: nothing due to dial. */
    WAITING_RECORDS,
    /** The store's last claim or write for the session failed; over when the next one succeeds. */
    SYSTEM_ERROR
}
