package org.outdial.sip;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The SIP switch adapter's configuration, validated once.
 *
 * @param bindHost          the local address the stack listens on and advertises (Via, Contact, SDP of held offers)
 * @param port              the local SIP port (UDP and TCP)
 * @param trunks            at least one; the first without prefixes is the default
 * @param agentPhones       where agents' phones are
 * @param noReplyMs         a trunk that sends no response at all to an INVITE within this is given up on: the call
 *                          ends with the table's no-reply result and is counted, instead of waiting out Timer B (32 s)
 * @param amdTimeoutMs      after an answer, wait this long for a detection result, then treat it as a human answer
 * @param agentAnswerMs     an agent's phone must answer within this, else the call is Dropped
 * @param reinviteTimeoutMs a re-INVITE must get its final response within this, else the bridge fails
 * @param cancelGuardMs     after a CANCEL, wait this long for the 487 before ending the call anyway
 * @param sipThreads        threads the SIP stack delivers messages on
 * @param abandonDestination where a call abandoned for lack of an agent is transferred (a recorded message; a SIP
 *                          URI, or a number dialed over the call's trunk); empty = the call is hung up
 * @param dialogProbeMs     every this often a bridged call asks both legs with an in-dialog OPTIONS whether they still
 *                          know the dialog; a 481/408 or no answer within {@code noReplyMs} releases the call
 */
public record SipSwitchConfig(String bindHost, int port, List<Trunk> trunks, AgentPhones agentPhones,
                              long noReplyMs, long amdTimeoutMs, long agentAnswerMs, long reinviteTimeoutMs,
                              long cancelGuardMs, int sipThreads, java.util.Optional<String> abandonDestination,
                              long dialogProbeMs) {

    /** Five minutes: a lost dialog is found within minutes, at 2 OPTIONS per bridged call per probe. */
    public static final long DEFAULT_DIALOG_PROBE_MS = 300_000;

    public SipSwitchConfig {
        Objects.requireNonNull(bindHost, "bindHost");
        Objects.requireNonNull(agentPhones, "agentPhones");
        Objects.requireNonNull(abandonDestination, "abandonDestination");
        trunks = List.copyOf(trunks);
        if (trunks.isEmpty()) {
            throw new IllegalArgumentException("the SIP switch needs at least one trunk");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("SIP port " + port + " must be 1..65535");
        }
        positive("no-reply-ms", noReplyMs);
        positive("amd-timeout-ms", amdTimeoutMs);
        positive("agent-answer-ms", agentAnswerMs);
        positive("reinvite-timeout-ms", reinviteTimeoutMs);
        positive("cancel-guard-ms", cancelGuardMs);
        if (dialogProbeMs < 1 || dialogProbeMs > 3_600_000) {
            throw new IllegalArgumentException("dialog-probe-ms " + dialogProbeMs + " must be 1..3600000 milliseconds");
        }
        if (reinviteTimeoutMs >= 30_000) {
            // the agent retransmits its 200 until our ACK; the ACK must go out well before 64·T1 = 32 s
            throw new IllegalArgumentException("reinvite-timeout-ms " + reinviteTimeoutMs
                    + " must be below 30000: the agent's 200 must be acknowledged before 32 s");
        }
        if (sipThreads < 1 || sipThreads > 256) {
            throw new IllegalArgumentException("sip-threads " + sipThreads + " must be 1..256");
        }
    }

    private static void positive(String name, long ms) {
        if (ms < 1 || ms > 600_000) {
            throw new IllegalArgumentException(name + " " + ms + " must be 1..600000 milliseconds");
        }
    }

    /** With the default timers: 5 s no-reply guard, 6 s AMD, 15 s agent answer, 8 s re-INVITE, 4 s CANCEL guard. */
    public static SipSwitchConfig of(String bindHost, int port, List<Trunk> trunks, AgentPhones agentPhones) {
        return new SipSwitchConfig(bindHost, port, trunks, agentPhones, 5_000, 6_000, 15_000, 8_000, 4_000, 8,
                java.util.Optional.empty(), DEFAULT_DIALOG_PROBE_MS);
    }

    public SipSwitchConfig withTimers(long noReplyMs, long amdTimeoutMs, long agentAnswerMs, long reinviteTimeoutMs,
                                      long cancelGuardMs) {
        return new SipSwitchConfig(bindHost, port, trunks, agentPhones, noReplyMs, amdTimeoutMs, agentAnswerMs,
                reinviteTimeoutMs, cancelGuardMs, sipThreads, abandonDestination, dialogProbeMs);
    }

    public SipSwitchConfig withAbandonDestination(String destination) {
        return new SipSwitchConfig(bindHost, port, trunks, agentPhones, noReplyMs, amdTimeoutMs, agentAnswerMs,
                reinviteTimeoutMs, cancelGuardMs, sipThreads, java.util.Optional.of(destination), dialogProbeMs);
    }

    public SipSwitchConfig withDialogProbeMs(long ms) {
        return new SipSwitchConfig(bindHost, port, trunks, agentPhones, noReplyMs, amdTimeoutMs, agentAnswerMs,
                reinviteTimeoutMs, cancelGuardMs, sipThreads, abandonDestination, ms);
    }

    public SipSwitchConfig withAgentPhones(AgentPhones phones) {
        return new SipSwitchConfig(bindHost, port, trunks, phones, noReplyMs, amdTimeoutMs, agentAnswerMs,
                reinviteTimeoutMs, cancelGuardMs, sipThreads, abandonDestination, dialogProbeMs);
    }

    /** The trunk for a number: the longest matching prefix, else the first trunk without prefixes, else the first. */
    Trunk trunkFor(String phone) {
        return trunks.stream()
                .flatMap(t -> t.prefixes().stream().filter(phone::startsWith).map(p -> new Object[] {t, p.length()}))
                .max(Comparator.comparingInt(a -> (Integer) a[1]))
                .map(a -> (Trunk) a[0])
                .orElseGet(() -> trunks.stream().filter(t -> t.prefixes().isEmpty()).findFirst()
                        .orElse(trunks.getFirst()));
    }
}
