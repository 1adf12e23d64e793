package org.outdial.sip;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A SIP trunk (carrier, SBC or media gateway) customers are dialed over.
 *
 * @param name               for logs and errors
 * @param host               the trunk's address (IP or DNS name)
 * @param port               its SIP port
 * @param transport          UDP or TCP (TCP recommended toward an SBC at high call rates)
 * @param outboundProxy      {@code host:port} every INVITE is routed through (a loose-routing Route header), if any
 * @param credentials        answer 401/407 digest challenges with these, if any
 * @param maxCallsPerSecond  INVITEs per second at most; dials above it wait for their slot
 * @param maxConcurrentCalls calls at most; a dial above it fails at once as All Trunks Busy
 * @param prefixes           numbers starting with one of these take this trunk (longest match); empty = default
 * @param offerSdp           the SDP offered to customers (a media server's); empty = a held offer ({@code a=inactive})
 * @param amd                where answering-machine detection comes from
 * @param results            the SIP-to-call-result table
 * @param maxCallDurationMs  a bridged call still up after this long is released by outdial (BYE both legs): a
 *                           guard against calls whose peers stopped signalling without a BYE
 */
public record Trunk(String name, String host, int port, Transport transport, Optional<String> outboundProxy,
                    Optional<Credentials> credentials, int maxCallsPerSecond, int maxConcurrentCalls,
                    List<String> prefixes, Optional<String> offerSdp, AmdSource amd, CallResultTable results,
                    long maxCallDurationMs) {

    /** Four hours: far beyond a contact-center call, short enough that a lost dialog does not hold a trunk for days. */
    public static final long DEFAULT_MAX_CALL_DURATION_MS = 4 * 3_600_000L;

    public enum Transport { UDP, TCP }

    /** Digest credentials for 401/407 challenges. */
    public record Credentials(String user, String password) {
        public Credentials {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "Credentials[user=" + user + ", password=***]";
        }
    }

    public Trunk {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(amd, "amd");
        Objects.requireNonNull(results, "results");
        outboundProxy = Objects.requireNonNull(outboundProxy, "outboundProxy");
        credentials = Objects.requireNonNull(credentials, "credentials");
        offerSdp = Objects.requireNonNull(offerSdp, "offerSdp");
        prefixes = List.copyOf(prefixes);
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("trunk " + name + ": host is missing; set the trunk's IP or DNS name");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("trunk " + name + ": port " + port + " must be 1..65535");
        }
        if (maxCallsPerSecond < 1 || maxCallsPerSecond > 10_000) {
            throw new IllegalArgumentException("trunk " + name + ": max-calls-per-second " + maxCallsPerSecond
                    + " must be 1..10000");
        }
        if (maxConcurrentCalls < 1 || maxConcurrentCalls > 1_000_000) {
            throw new IllegalArgumentException("trunk " + name + ": max-concurrent-calls " + maxConcurrentCalls
                    + " must be 1..1000000");
        }
        outboundProxy.ifPresent(p -> HostPort.parse(p, "trunk " + name + " outbound-proxy"));
        if (maxCallDurationMs < 1_000 || maxCallDurationMs > 7 * 86_400_000L) {
            throw new IllegalArgumentException("trunk " + name + ": max call duration " + maxCallDurationMs
                    + " ms must be from 1 second to 7 days");
        }
    }

    /** A plain UDP trunk with the default table and no limits worth mentioning, for tests and examples. */
    public static Trunk udp(String name, String host, int port) {
        return new Trunk(name, host, port, Transport.UDP, Optional.empty(), Optional.empty(), 1_000, 100_000,
                List.of(), Optional.empty(), AmdSource.NONE, CallResultTable.defaults(), DEFAULT_MAX_CALL_DURATION_MS);
    }

    public Trunk withAmd(AmdSource source) {
        return new Trunk(name, host, port, transport, outboundProxy, credentials, maxCallsPerSecond,
                maxConcurrentCalls, prefixes, offerSdp, source, results, maxCallDurationMs);
    }

    public Trunk withResults(CallResultTable table) {
        return new Trunk(name, host, port, transport, outboundProxy, credentials, maxCallsPerSecond,
                maxConcurrentCalls, prefixes, offerSdp, amd, table, maxCallDurationMs);
    }

    public Trunk withCredentials(Credentials c) {
        return new Trunk(name, host, port, transport, outboundProxy, Optional.of(c), maxCallsPerSecond,
                maxConcurrentCalls, prefixes, offerSdp, amd, results, maxCallDurationMs);
    }

    public Trunk withLimits(int callsPerSecond, int concurrentCalls) {
        return new Trunk(name, host, port, transport, outboundProxy, credentials, callsPerSecond, concurrentCalls,
                prefixes, offerSdp, amd, results, maxCallDurationMs);
    }

    public Trunk withMaxCallDuration(long ms) {
        return new Trunk(name, host, port, transport, outboundProxy, credentials, maxCallsPerSecond,
                maxConcurrentCalls, prefixes, offerSdp, amd, results, ms);
    }

    public Trunk withTransport(Transport t) {
        return new Trunk(name, host, port, t, outboundProxy, credentials, maxCallsPerSecond, maxConcurrentCalls,
                prefixes, offerSdp, amd, results, maxCallDurationMs);
    }

    /** {@code host:port}, parsed and checked. */
    record HostPort(String host, int port) {
        static HostPort parse(String text, String what) {
            int colon = text.lastIndexOf(':');
            try {
                if (colon > 0) {
                    int port = Integer.parseInt(text.substring(colon + 1));
                    if (port >= 1 && port <= 65_535) {
                        return new HostPort(text.substring(0, colon), port);
                    }
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(what + " '" + text + "' must be host:port, e.g. 10.0.0.5:5060");
        }
    }
}
