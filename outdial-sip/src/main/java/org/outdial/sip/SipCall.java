package org.outdial.sip;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.address.URI;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.outdial.engine.Command;
import org.outdial.engine.Event;
import org.outdial.record.CallResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One outbound call under third-party control: the customer leg over the trunk and, once answered, an agent (or
 * transfer destination) leg, bridged by handing the agent's SDP offer to the customer in a re-INVITE and the
 * customer's answer to the agent in the ACK (RFC 3725 flow IV adapted: the customer INVITE already carries a held
 * offer). In "with seizing" mode the agent leg comes first.
 *
 * <p>Threading: every method runs on the call's {@link SerialQueue}; nothing here blocks (the stack sends
 * asynchronously). Once the engine has ended the call ({@code engineDone}) nothing more is reported.
 */
final class SipCall {

    private static final Logger LOG = LoggerFactory.getLogger(SipCall.class);
    private static final int NORMAL_CLEARING = 16;
    private static final int GLARE_RETRIES = 3;
    private static final int MAX_REDIRECTS = 2;

    enum Phase { AGENT_FIRST, DIALING, DETECTING, WAITING, BRIDGING, BRIDGED, ENDED }

    /** What the call needs from its switch. */
    interface Host {
        void report(Event event);

        long nowMs();

        void schedule(SipCall call, long delayMs, Runnable task, java.util.function.Consumer<ScheduledFuture<?>> handle);

        void bind(String sipCallId, SipCall call);

        /** The peers stopped signalling (a probe failed) or the trunk's maximum duration passed: counted. */
        void guardReleased(boolean maxDuration);

        /** The call is over and holds no transaction: forget it. */
        void finished(SipCall call, Iterable<String> sipCallIds);

        SipMetrics metrics();
    }

    /** One SIP leg (customer, or agent / transfer destination). */
    private static final class Leg {
        final String name;
        ClientTransaction invite;
        boolean invitePending;
        boolean provisional;
        boolean cancelSent;
        boolean cancelWanted;
        boolean authTried;
        Dialog dialog;
        boolean confirmed;
        boolean gone;
        Response unackedOk;
        String offerFromLeg;
        Sdp.Session sdp;
        /** What this leg's requests and Contact use: the trunk's transport, or the phone URI's. */
        Trunk.Transport transport = Trunk.Transport.UDP;
        /** Digest credentials for challenges inside this leg's dialog (the trunk's for legs over the trunk). */
        Optional<Trunk.Credentials> credentials = Optional.empty();
        /** The in-dialog OPTIONS awaiting its answer, if any. */
        ClientTransaction probe;
        /** Our BYE awaiting its final answer (it may be challenged): the call stays bound until then. */
        ClientTransaction bye;

        Leg(String name) {
            this.name = name;
        }
    }

    final long callId;
    final SerialQueue queue;
    private final Trunk trunk;
    private final SipSwitchConfig config;
    private final Signalling sig;
    private final Host host;
    private final Command.Dial dial;
    private final Map<String, Boolean> sipCallIds = new LinkedHashMap<>();
    private Phase phase;
    private boolean engineDone;
    private boolean ringExpired;
    private boolean transferring;
    private boolean silentTransfer;
    private boolean customerAnswered;
    private int glareRetries;
    private int redirects;
    private final Leg customer = new Leg("customer");
    private Leg agent;
    private ClientTransaction customerReinvite;
    private ClientTransaction agentReinvite;
    private String pendingReoffer;
    private ScheduledFuture<?> ringTimer;
    private ScheduledFuture<?> replyGuard;
    private ScheduledFuture<?> amdTimer;
    private ScheduledFuture<?> agentTimer;
    private ScheduledFuture<?> reinviteTimer;
    private ScheduledFuture<?> cancelGuard;
    private ScheduledFuture<?> maxDurationTimer;
    private ScheduledFuture<?> probeTimer;
    private ScheduledFuture<?> probeGuard;
    /** A detection result that arrived before the answer was processed (the stack reorders one call's messages). */
    private Event.AnswerKind earlyDetection;

    SipCall(Command.Dial dial, Trunk trunk, SipSwitchConfig config, Signalling sig, Host host, SerialQueue queue) {
        this.callId = dial.callId();
        this.dial = dial;
        this.trunk = trunk;
        this.config = config;
        this.sig = sig;
        this.host = host;
        this.queue = queue;
        customer.transport = trunk.transport();
        customer.credentials = trunk.credentials();
    }

    // ---- engine commands ------------------------------------------------------------------------------------------

    void start() {
        report(new Event.CallDialing(host.nowMs(), callId));
        if (dial.seizedAgentId() != null) {
            phase = Phase.AGENT_FIRST;
            Optional<String> phone = config.agentPhones().phoneOf(dial.seizedAgentId(), null);
            if (phone.isEmpty()) {
                LOG.atWarn().addKeyValue("callId", callId).addKeyValue("agent", dial.seizedAgentId())
                        .log("no phone known for the seized agent");
                failDial(CallResult.DROPPED);
                return;
            }
            agent = new Leg("agent");
            String offer = Sdp.heldOffer(sig.host(), sessionId());
            try {
                agent.sdp = Sdp.Session.of(offer);
                inviteAgentLeg(sig.uri(phone.get()), offer);
            } catch (SipException | Sdp.SdpError e) {
                LOG.atWarn().setCause(e).addKeyValue("callId", callId).log("seized agent's phone cannot be called");
                failDial(CallResult.DROPPED);
            }
            return;
        }
        dialCustomer();
    }

    private void dialCustomer() {
        phase = Phase.DIALING;
        String offer = trunk.offerSdp().orElseGet(() -> Sdp.heldOffer(sig.host(), sessionId()));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("P-Asserted-Identity", "<sip:" + dial.callerId() + "@" + sig.host() + ">");
        if (dial.amd()) {
            headers.putAll(trunk.amd().requestHeaders());
        }
        try {
            customer.sdp = Sdp.Session.of(offer);
            javax.sip.header.CallIdHeader sipCallId = sig.newCallId();
            bind(sipCallId.getCallId());
            customer.invite = sig.invite(sipCallId, sig.trunkUri(trunk, dial.phone()), dial.callerId(), null,
                    trunk.transport(), trunk.outboundProxy(), headers, offer,
                    dial.amd() ? trunk.amd().requestPart() : Optional.empty());
        } catch (SipException | Sdp.SdpError e) {
            LOG.atWarn().setCause(e).addKeyValue("callId", callId).log("customer INVITE cannot be sent");
            failDial(CallResult.DIAL_ERROR);
            return;
        }
        customer.invitePending = true;
        host.schedule(this, config.noReplyMs(), this::onNoReply, f -> replyGuard = f);
        host.schedule(this, Math.max(1, dial.noAnswerMs()), this::onRingTimeout, f -> ringTimer = f);
    }

    void connect(Command.ConnectToAgent connect) {
        if (phase != Phase.WAITING || engineDone) {
            return; // the customer left meanwhile (already reported)
        }
        boolean seized = agent != null && agent.confirmed && !agent.gone;
        Optional<String> phone = seized ? Optional.of("sip:seized@" + sig.host())
                : config.agentPhones().phoneOf(connect.agentId(), connect.place());
        if (phone.isEmpty()) {
            LOG.atWarn().addKeyValue("callId", callId).addKeyValue("agent", connect.agentId())
                    .addKeyValue("place", connect.place()).log("no phone known for the agent");
            bridgeFailed();
            return;
        }
        phase = Phase.BRIDGING;
        try {
            askAgentForOffer(sig.uri(phone.get()));
        } catch (SipException e) {
            LOG.atWarn().setCause(e).addKeyValue("callId", callId).log("agent's phone cannot be called");
            bridgeFailed();
        }
    }

    void transfer(Command.Transfer transfer) {
        if (phase != Phase.WAITING || engineDone) {
            return;
        }
        startTransfer(transfer.destination(), false);
    }

    private void startTransfer(String destination, boolean silent) {
        transferring = true;
        silentTransfer = silent;
        if (agent != null) { // a seized agent is not part of a transfer
            hangUp(agent);
            agent = null;
        }
        phase = Phase.BRIDGING;
        try {
            boolean viaTrunk = !(destination.startsWith("sip:") || destination.startsWith("sips:"));
            URI target = viaTrunk ? sig.trunkUri(trunk, destination) : sig.uri(destination);
            askAgentForOffer(target);
            if (viaTrunk && agent != null) {
                agent.credentials = trunk.credentials();
            }
        } catch (SipException e) {
            LOG.atWarn().setCause(e).addKeyValue("callId", callId).addKeyValue("destination", destination)
                    .log("transfer destination cannot be called");
            bridgeFailed();
        }
    }

    void release(Command.Release release) {
        if (phase == Phase.ENDED) {
            return;
        }
        engineDone = true;
        if (release.reason() == CallResult.ABANDONED && customerAnswered && !customer.gone
                && config.abandonDestination().isPresent() && (phase == Phase.WAITING || phase == Phase.DETECTING)) {
            cancel(amdTimer);
            startTransfer(config.abandonDestination().get(), true);
            return;
        }
        end();
    }

    // ---- SIP from the network ------------------------------------------------------------------------------------

    void onResponse(ResponseEvent event) {
        Response response = event.getResponse();
        ClientTransaction tx = event.getClientTransaction();
        String method = ((javax.sip.header.CSeqHeader) response.getHeader("CSeq")).getMethod();
        if (!method.equals(Request.INVITE)) {
            onOtherResponse(method, response, tx);
            return;
        }
        if (tx != null && tx == customer.invite) {
            onCustomerInviteResponse(response, event.getDialog());
        } else if (agent != null && tx != null && tx == agent.invite) {
            onAgentInviteResponse(response, event.getDialog());
        } else if (tx != null && tx == customerReinvite) {
            onCustomerReinviteResponse(response);
        } else if (tx != null && tx == agentReinvite) {
            onAgentReinviteResponse(response);
        }
        // else: a retransmission or a late answer of an abandoned transaction; the stack re-sends ACKs itself
    }

    private void onCustomerInviteResponse(Response response, Dialog dialog) {
        int status = response.getStatusCode();
        cancel(replyGuard);
        if (status < 200) {
            customer.provisional = true;
            if (customer.cancelWanted && !customer.cancelSent) {
                sendCancel(customer);
            }
            if (status > 100 && phase == Phase.DIALING && !ringExpired) {
                report(new Event.CallRinging(host.nowMs(), callId));
            }
            return;
        }
        if ((status == 401 || status == 407) && trunk.credentials().isPresent() && !customer.authTried
                && !customer.cancelWanted) {
            customer.authTried = true;
            try {
                customer.invite = sig.answerChallenge(response, customer.invite);
                host.schedule(this, config.noReplyMs(), this::onNoReply, f -> replyGuard = f);
                return;
            } catch (SipException e) {
                LOG.atWarn().setCause(e).addKeyValue("callId", callId).log("digest challenge cannot be answered");
            }
        }
        customer.invitePending = false;
        cancel(ringTimer);
        cancel(cancelGuard);
        if (status >= 300) {
            if (phase == Phase.DIALING) {
                failDial(ringExpired ? CallResult.NO_ANSWER
                        : trunk.results().resultOf(status, Signalling.q850Cause(response)));
            } else {
                end(); // ended while dialing: the INVITE is now over
            }
            return;
        }
        customer.dialog = dialog;
        try {
            sig.ack(dialog, response, null); // our INVITE carried the offer; the 200 the answer
            customer.confirmed = true;
        } catch (SipException e) {
            LOG.atWarn().setCause(e).addKeyValue("callId", callId).log("ACK to the customer failed");
        }
        if (phase != Phase.DIALING || ringExpired) {
            // the answer crossed our CANCEL, or the call was ended meanwhile: take it down
            if (phase == Phase.DIALING) {
                failDial(CallResult.NO_ANSWER);
            } else {
                end();
            }
            return;
        }
        customerAnswered = true;
        customer.offerFromLeg = Signalling.body(response); // the customer's answer (kept for a later re-offer)
        if (dial.amd() && trunk.amd() != AmdSource.NONE && earlyDetection != null) {
            detected(earlyDetection);
        } else if (dial.amd() && trunk.amd() != AmdSource.NONE) {
            phase = Phase.DETECTING;
            host.schedule(this, config.amdTimeoutMs(), () -> detected(Event.AnswerKind.HUMAN), f -> amdTimer = f);
        } else {
            detected(Event.AnswerKind.HUMAN);
        }
    }

    private void detected(Event.AnswerKind kind) {
        if (phase != Phase.DETECTING && phase != Phase.DIALING) {
            return;
        }
        cancel(amdTimer);
        phase = Phase.WAITING;
        report(new Event.CallAnswered(host.nowMs(), callId, kind));
    }

    private void onNoReply() {
        if (phase == Phase.ENDED && !customer.invitePending) {
            return;
        }
        if (!customer.invitePending || customer.provisional) {
            return;
        }
        host.metrics().noReply.incrementAndGet();
        LOG.atWarn().addKeyValue("callId", callId).addKeyValue("trunk", trunk.name())
                .addKeyValue("waitedMs", config.noReplyMs()).log("trunk sent no response to the INVITE");
        terminate(customer);
        cancel(ringTimer);
        if (phase == Phase.DIALING) {
            failDial(trunk.results().noReply());
        } else {
            end();
        }
    }

    private void onRingTimeout() {
        if (phase != Phase.DIALING || !customer.invitePending) {
            return;
        }
        ringExpired = true;
        if (customer.provisional) {
            sendCancel(customer);
            if (!customer.invitePending) { // the stack had already ended the transaction
                failDial(CallResult.NO_ANSWER);
                return;
            }
            host.schedule(this, config.cancelGuardMs(), this::onCancelGuard, f -> cancelGuard = f);
        } else {
            terminate(customer);
            failDial(CallResult.NO_ANSWER);
        }
    }

    private void onCancelGuard() {
        if (!customer.invitePending) {
            return;
        }
        host.metrics().cancelUnanswered.incrementAndGet();
        LOG.atWarn().addKeyValue("callId", callId).addKeyValue("trunk", trunk.name())
                .log("no final response after CANCEL; call ended");
        terminate(customer);
        if (phase == Phase.DIALING) {
            failDial(CallResult.NO_ANSWER);
        } else {
            end();
        }
    }

    // ---- agent / destination leg ---------------------------------------------------------------------------------

    private void inviteAgentLeg(URI target, String offer) throws SipException {
        Trunk.Transport transport = target.toString().contains("transport=tcp") ? Trunk.Transport.TCP
                : Trunk.Transport.UDP;
        agent.transport = transport;
        javax.sip.header.CallIdHeader sipCallId = sig.newCallId();
        bind(sipCallId.getCallId());
        agent.invite = sig.invite(sipCallId, target, "outdial", null, transport, Optional.empty(), Map.of(), offer,
                Optional.empty());
        agent.invitePending = true;
        host.schedule(this, config.agentAnswerMs(), this::onAgentNoAnswer, f -> agentTimer = f);
    }

    /**
     * A registrar or redirect server answered the agent's INVITE with the phone's registered Contact (301/302): the
     * same INVITE goes there (at most {@link #MAX_REDIRECTS} times, so two servers cannot loop a call).
     */
    private boolean followRedirect(Response response) {
        javax.sip.header.ContactHeader contact = (javax.sip.header.ContactHeader) response.getHeader(
                javax.sip.header.ContactHeader.NAME);
        if (contact == null || redirects >= MAX_REDIRECTS || agent.cancelWanted
                || (phase != Phase.AGENT_FIRST && phase != Phase.BRIDGING)) {
            return false;
        }
        redirects++;
        Leg previous = agent;
        agent = new Leg(previous.name);
        agent.credentials = previous.credentials;
        agent.sdp = previous.sdp;
        URI target = contact.getAddress().getURI();
        LOG.atInfo().addKeyValue("callId", callId).addKeyValue("leg", agent.name).addKeyValue("to", target)
                .log("agent leg redirected");
        try {
            inviteAgentLeg(target, Signalling.body(previous.invite.getRequest()));
            return true;
        } catch (SipException e) {
            LOG.atWarn().setCause(e).addKeyValue("callId", callId).log("redirected agent leg cannot be called");
            agent = previous;
            return false;
        }
    }

    /** Gets an SDP offer from the agent side: an offerless INVITE, or an offerless re-INVITE to a seized agent. */
    private void askAgentForOffer(URI target) throws SipException {
        if (agent != null && agent.confirmed && !agent.gone) {
            agentReinvite = sig.reinvite(agent.dialog, null, agent.transport);
            host.schedule(this, config.reinviteTimeoutMs(), this::onReinviteTimeout, f -> reinviteTimer = f);
            return;
        }
        agent = new Leg(transferring ? "destination" : "agent");
        inviteAgentLeg(target, null);
    }

    private void onAgentInviteResponse(Response response, Dialog dialog) {
        int status = response.getStatusCode();
        if (status < 200) {
            agent.provisional = true;
            if (agent.cancelWanted && !agent.cancelSent) {
                sendCancel(agent);
            }
            return;
        }
        agent.invitePending = false;
        cancel(agentTimer);
        if ((status == 301 || status == 302) && followRedirect(response)) {
            return;
        }
        if (status >= 300) {
            if (phase == Phase.AGENT_FIRST) {
                failDial(CallResult.DROPPED);
            } else if (phase == Phase.BRIDGING) {
                bridgeFailed();
            } else {
                end();
            }
            return;
        }
        agent.dialog = dialog;
        String body = Signalling.body(response);
        if (phase == Phase.AGENT_FIRST && !agent.cancelWanted) {
            ack(agent, response, null); // we offered held media; the agent answered
            dialCustomer();
            return;
        }
        if (phase != Phase.BRIDGING || agent.cancelWanted || body == null) {
            if (body == null && phase == Phase.BRIDGING) {
                LOG.atWarn().addKeyValue("callId", callId).log("agent's 200 carries no SDP offer");
            }
            agent.unackedOk = response;
            agent.offerFromLeg = body;
            if (phase == Phase.BRIDGING) {
                bridgeFailed();
            } else {
                hangUp(agent);
                end();
            }
            return;
        }
        reofferCustomer(response, body);
    }

    private void onAgentReinviteResponse(Response response) {
        int status = response.getStatusCode();
        if (status < 200) {
            return;
        }
        if (challenged(response, agentReinvite, agent)) {
            agentReinvite = retried;
            return;
        }
        agentReinvite = null;
        cancel(reinviteTimer);
        String body = Signalling.body(response);
        if (status >= 300 || body == null || phase != Phase.BRIDGING) {
            if (status < 300) {
                agent.unackedOk = response;
                agent.offerFromLeg = body;
            }
            bridgeFailed();
            return;
        }
        reofferCustomer(response, body);
    }

    /** The agent offered in its 200: hand the offer to the customer; the agent's ACK waits for the answer. */
    private void reofferCustomer(Response agentOk, String agentOffer) {
        agent.unackedOk = agentOk;
        agent.offerFromLeg = agentOffer;
        try {
            pendingReoffer = customer.sdp.next(agentOffer);
            sendReoffer();
        } catch (Sdp.SdpError e) {
            LOG.atWarn().setCause(e).addKeyValue("callId", callId).log("agent's SDP offer cannot be relayed");
            bridgeFailed();
        }
    }

    private void sendReoffer() {
        if (phase != Phase.BRIDGING || customer.gone) {
            return;
        }
        try {
            customerReinvite = sig.reinvite(customer.dialog, pendingReoffer, customer.transport);
            host.schedule(this, config.reinviteTimeoutMs(), this::onReinviteTimeout, f -> reinviteTimer = f);
        } catch (SipException e) {
            LOG.atWarn().setCause(e).addKeyValue("callId", callId).log("re-INVITE to the customer failed");
            bridgeFailed();
        }
    }

    private void onCustomerReinviteResponse(Response response) {
        int status = response.getStatusCode();
        if (status < 200) {
            return;
        }
        if (challenged(response, customerReinvite, customer)) {
            customerReinvite = retried;
            return;
        }
        customerReinvite = null;
        cancel(reinviteTimer);
        if (status >= 300) {
            if (status == 491 && glareRetries++ < GLARE_RETRIES && phase == Phase.BRIDGING) {
                // glare: both sides re-offered at once; retry after a random pause (RFC 3261 14.1)
                host.schedule(this, ThreadLocalRandom.current().nextLong(100, 2_000), this::sendReoffer, f -> { });
                return;
            }
            bridgeFailed();
            return;
        }
        try {
            sig.ack(customer.dialog, response, null);
        } catch (SipException e) {
            LOG.atWarn().setCause(e).addKeyValue("callId", callId).log("ACK of the customer re-INVITE failed");
        }
        String answer = Signalling.body(response);
        if (phase != Phase.BRIDGING || agent == null || agent.gone || answer == null) {
            bridgeFailed();
            return;
        }
        try {
            String fitted = Sdp.fitAnswer(answer, agent.offerFromLeg);
            String toAgent = agent.sdp != null ? agent.sdp.next(fitted, false) : fitted;
            ack(agent, agent.unackedOk, toAgent);
            agent.unackedOk = null;
        } catch (Sdp.SdpError e) {
            LOG.atWarn().setCause(e).addKeyValue("callId", callId).log("customer's SDP answer cannot be relayed");
            bridgeFailed();
            return;
        }
        phase = Phase.BRIDGED;
        host.metrics().bridged.incrementAndGet();
        host.schedule(this, trunk.maxCallDurationMs(), this::onMaxDuration, f -> maxDurationTimer = f);
        scheduleProbe();
        if (transferring && !silentTransfer) {
            report(new Event.CallReleased(host.nowMs(), callId)); // the call left outdial's hands
            engineDone = true;
        }
    }

    private void onReinviteTimeout() {
        if (customerReinvite != null) {
            terminateQuietly(customerReinvite);
            customerReinvite = null;
        }
        if (agentReinvite != null) {
            terminateQuietly(agentReinvite);
            agentReinvite = null;
        }
        if (phase == Phase.BRIDGING) {
            LOG.atWarn().addKeyValue("callId", callId).log("re-INVITE got no final response in time");
            bridgeFailed();
        }
    }

    private void onAgentNoAnswer() {
        if (agent == null || !agent.invitePending) {
            return;
        }
        LOG.atInfo().addKeyValue("callId", callId).addKeyValue("leg", agent.name).log("agent leg did not answer");
        if (phase == Phase.AGENT_FIRST) {
            failDial(CallResult.DROPPED);
        } else if (phase == Phase.BRIDGING) {
            bridgeFailed();
        } else {
            end();
        }
    }

    /** The agent (or destination) could not be bridged: the call is Dropped (Transfer Error) and hung up. */
    private void bridgeFailed() {
        if (phase == Phase.ENDED) {
            return;
        }
        host.metrics().bridgeFailures.incrementAndGet();
        CallResult result = transferring ? CallResult.TRANSFER_ERROR : CallResult.DROPPED;
        report(new Event.CallDisposition(host.nowMs(), callId, result));
        report(new Event.CallReleased(host.nowMs(), callId));
        engineDone = true;
        end();
    }

    // ---- requests from either leg --------------------------------------------------------------------------------

    void onRequest(RequestEvent event) {
        Request request = event.getRequest();
        String method = request.getMethod();
        if (method.equals(Request.ACK)) {
            return;
        }
        Leg from = legOf(Signalling.callId(request));
        ServerTransaction tx = event.getServerTransaction();
        try {
            switch (method) {
                case Request.BYE -> {
                    try {
                        sig.respond(tx, request, 200, null);
                    } finally { // the party left even when its 200 cannot be sent (a closed connection)
                        if (from != null) {
                            from.gone = true;
                            onHangUp(from);
                        }
                    }
                }
                case Request.INFO, Request.UPDATE -> {
                    boolean offer = method.equals(Request.UPDATE) && Signalling.body(request) != null
                            && Signalling.contentType(request).equals("application/sdp");
                    sig.respond(tx, request, 200, offer && from != null && from.sdp != null ? from.sdp.lastSent()
                            : null);
                    if (from == customer && (phase == Phase.DETECTING || phase == Phase.DIALING)) {
                        String body = Signalling.body(request);
                        Optional<Event.AnswerKind> kind = trunk.amd().resultOf(method,
                                Signalling.contentType(request), body == null ? "" : body);
                        if (phase == Phase.DETECTING) {
                            kind.ifPresent(this::detected);
                        } else {
                            kind.ifPresent(k -> earlyDetection = k); // in the early dialog, before our 200 handling
                        }
                    }
                }
                case Request.INVITE -> {
                    // a re-offer from a party (session refresh, hold): repeat what it was last given, or 491 on glare
                    boolean glare = (from == customer && customerReinvite != null)
                            || (from == agent && agentReinvite != null);
                    String last = from == null || from.sdp == null ? null : from.sdp.lastSent();
                    sig.respond(tx, request, glare ? 491 : last == null ? 488 : 200, glare ? null : last);
                }
                case Request.CANCEL -> sig.respond(tx, request, 200, null);
                default -> sig.respond(tx, request, 200, null);
            }
        } catch (SipException e) {
            LOG.atWarn().setCause(e).addKeyValue("callId", callId).addKeyValue("method", method)
                    .log("response cannot be sent");
        }
    }

    private void onHangUp(Leg leg) {
        if (leg == customer) {
            switch (phase) {
                case DETECTING, WAITING -> {
                    report(new Event.CallDropped(host.nowMs(), callId)); // before an agent: the engine abandons it
                    engineDone = true;
                }
                case BRIDGING -> {
                    if (!transferring || !silentTransfer) {
                        report(new Event.CallDisposition(host.nowMs(), callId,
                                transferring ? CallResult.TRANSFER_ERROR : CallResult.ABANDONED));
                        report(new Event.CallReleased(host.nowMs(), callId));
                    }
                    engineDone = true;
                }
                case BRIDGED -> {
                    report(new Event.CallReleased(host.nowMs(), callId));
                    engineDone = true;
                }
                default -> { }
            }
            end();
            return;
        }
        switch (phase) {
            case AGENT_FIRST, DIALING -> failDial(CallResult.DROPPED); // the seized agent left before the answer
            case DETECTING, WAITING, BRIDGING -> {
                report(new Event.CallDisposition(host.nowMs(), callId, CallResult.DROPPED));
                report(new Event.CallReleased(host.nowMs(), callId));
                engineDone = true;
                end();
            }
            case BRIDGED -> {
                report(new Event.CallReleased(host.nowMs(), callId));
                engineDone = true;
                end();
            }
            case ENDED -> end();
        }
    }

    // ---- guards of a bridged call ---------------------------------------------------------------------------------

    /** The trunk's maximum call duration passed: nobody hung up, so outdial does (BYE both legs). */
    private void onMaxDuration() {
        if (phase != Phase.BRIDGED) {
            return;
        }
        LOG.atWarn().addKeyValue("callId", callId).addKeyValue("trunk", trunk.name())
                .addKeyValue("maxMs", trunk.maxCallDurationMs()).log("bridged call reached its maximum duration");
        guardRelease(true);
    }

    private void scheduleProbe() {
        host.schedule(this, config.dialogProbeMs(), this::probe, f -> probeTimer = f);
    }

    /**
     * Asks each leg with an in-dialog OPTIONS whether it still knows the dialog (a session-timer-like check that
     * needs nothing from the peers): 481 or 408, or no answer within the no-reply time, means the peer lost the call
     * without a BYE, and outdial releases the half-open call.
     */
    private void probe() {
        if (phase != Phase.BRIDGED) {
            return;
        }
        for (Leg leg : agent == null ? java.util.List.of(customer) : java.util.List.of(customer, agent)) {
            if (leg.confirmed && !leg.gone) {
                try {
                    leg.probe = sig.options(leg.dialog);
                } catch (SipException e) {
                    LOG.atDebug().setCause(e).addKeyValue("callId", callId).addKeyValue("leg", leg.name)
                            .log("dialog probe cannot be sent");
                }
            }
        }
        host.schedule(this, config.noReplyMs(), this::onProbeUnanswered, f -> probeGuard = f);
    }

    private void onProbeUnanswered() {
        if (phase != Phase.BRIDGED) {
            return;
        }
        for (Leg leg : agent == null ? java.util.List.of(customer) : java.util.List.of(customer, agent)) {
            if (leg.probe != null) {
                onDeadDialog(leg, "no answer to the dialog probe");
                return;
            }
        }
        if (probeTimer == null || probeTimer.isDone()) { // no answer rescheduled it (none could be sent)
            scheduleProbe();
        }
    }

    private void onDeadDialog(Leg leg, String why) {
        if (phase != Phase.BRIDGED) {
            return;
        }
        LOG.atWarn().addKeyValue("callId", callId).addKeyValue("leg", leg.name).addKeyValue("why", why)
                .log("half-open dialog: releasing the call");
        guardRelease(false);
    }

    private void guardRelease(boolean maxDuration) {
        host.guardReleased(maxDuration);
        if (!engineDone) {
            report(new Event.CallReleased(host.nowMs(), callId));
            engineDone = true;
        }
        end();
    }

    /** Answers to our in-dialog requests other than INVITE: probes, and challenges to a BYE. */
    private void onOtherResponse(String method, Response response, ClientTransaction tx) {
        int status = response.getStatusCode();
        if (status < 200 || tx == null) {
            return;
        }
        Leg leg = legOf(Signalling.callId(response));
        if (leg == null) {
            return;
        }
        if (method.equals(Request.OPTIONS) && tx == leg.probe) {
            leg.probe = null;
            if (status == 481 || status == 408) {
                onDeadDialog(leg, "probe answered " + status);
            } else if (phase == Phase.BRIDGED && customer.probe == null && (agent == null || agent.probe == null)) {
                cancel(probeGuard);
                scheduleProbe();
            }
            return;
        }
        if (method.equals(Request.BYE) && tx == leg.bye) {
            leg.bye = challenged(response, tx, leg) ? retried : null;
            if (phase == Phase.ENDED && leg.bye == null) {
                end(); // the last answer this call waited for
            }
        }
    }

    /** A request outdial sent inside a dialog timed out at the transaction layer. */
    void onTimeout(ClientTransaction tx) {
        for (Leg leg : agent == null ? java.util.List.of(customer) : java.util.List.of(customer, agent)) {
            if (tx == leg.probe) {
                leg.probe = null;
                onDeadDialog(leg, "probe timed out");
                return;
            }
            if (tx == leg.bye) {
                leg.bye = null; // the peer is gone: nothing left to wait for
                if (phase == Phase.ENDED) {
                    end();
                }
                return;
            }
        }
    }

    private ClientTransaction retried;

    /**
     * If {@code response} is a 401/407 to a request of ours inside {@code leg}'s dialog and the leg has credentials
     * not yet tried on it, sends the request again with them ({@link #retried}) and says true.
     */
    private boolean challenged(Response response, ClientTransaction tx, Leg leg) {
        int status = response.getStatusCode();
        if ((status != 401 && status != 407) || tx == null || leg == null || leg.credentials.isEmpty()
                || tx.getRequest().getHeader(javax.sip.header.AuthorizationHeader.NAME) != null
                || tx.getRequest().getHeader(javax.sip.header.ProxyAuthorizationHeader.NAME) != null) {
            return false;
        }
        try {
            retried = sig.answerInDialog(response, tx, leg.credentials.get());
            return true;
        } catch (SipException | RuntimeException e) {
            LOG.atWarn().setCause(e).addKeyValue("callId", callId).addKeyValue("leg", leg.name)
                    .addKeyValue("method", tx.getRequest().getMethod()).log("challenge cannot be answered");
            return false;
        }
    }

    private Leg legOf(String sipCallId) {
        if (customer.invite != null && sipCallId.equals(Signalling.callId(customer.invite.getRequest()))) {
            return customer;
        }
        if (agent != null && agent.invite != null && sipCallId.equals(Signalling.callId(agent.invite.getRequest()))) {
            return agent;
        }
        return null;
    }

    // ---- ending ---------------------------------------------------------------------------------------------------

    private void failDial(CallResult result) {
        report(new Event.CallFailed(host.nowMs(), callId, result));
        engineDone = true;
        end();
    }

    /** Takes every leg down and forgets the call once no INVITE of it is still pending. */
    private void end() {
        phase = Phase.ENDED;
        cancel(ringTimer);
        cancel(amdTimer);
        cancel(reinviteTimer);
        cancel(maxDurationTimer);
        cancel(probeTimer);
        cancel(probeGuard);
        if (customerReinvite != null) {
            terminateQuietly(customerReinvite);
            customerReinvite = null;
        }
        if (agentReinvite != null) {
            terminateQuietly(agentReinvite);
            agentReinvite = null;
        }
        hangUp(customer);
        if (agent != null) {
            hangUp(agent);
        }
        if (!customer.invitePending && (agent == null || !agent.invitePending) && customer.bye == null
                && (agent == null || agent.bye == null)) {
            cancel(replyGuard);
            cancel(agentTimer);
            cancel(cancelGuard);
            host.finished(this, sipCallIds.keySet());
        } else if (cancelGuard == null || cancelGuard.isDone()) {
            host.schedule(this, config.cancelGuardMs() + config.noReplyMs(), this::forceEnd, f -> cancelGuard = f);
        }
    }

    /** A pending INVITE never completed after we gave up on it: stop waiting for the stack. */
    private void forceEnd() {
        if (customer.invitePending) {
            terminate(customer);
        }
        if (agent != null && agent.invitePending) {
            terminate(agent);
        }
        customer.bye = null; // a BYE without an answer: the peer is gone anyway
        if (agent != null) {
            agent.bye = null;
        }
        end();
    }

    private void hangUp(Leg leg) {
        if (leg.gone) {
            return;
        }
        if (leg.unackedOk != null) {
            // the 200 carried an offer and still waits for its ACK: complete it with a black hole, then BYE
            String answer = null;
            try {
                answer = leg.offerFromLeg == null ? null : Sdp.blackHole(leg.offerFromLeg);
            } catch (Sdp.SdpError e) {
                LOG.atDebug().setCause(e).log("black-hole answer cannot be built");
            }
            ack(leg, leg.unackedOk, answer);
            leg.unackedOk = null;
        }
        if (leg.confirmed) {
            leg.gone = true;
            try {
                leg.bye = sig.bye(leg.dialog, NORMAL_CLEARING);
            } catch (SipException e) {
                LOG.atDebug().setCause(e).addKeyValue("callId", callId).log("BYE cannot be sent");
            }
        } else if (leg.invitePending) {
            leg.cancelWanted = true;
            if (leg.provisional && !leg.cancelSent) {
                sendCancel(leg);
            }
        }
    }

    private void ack(Leg leg, Response ok, String sdp) {
        try {
            sig.ack(leg.dialog, ok, sdp);
            leg.confirmed = true;
        } catch (SipException e) {
            LOG.atWarn().setCause(e).addKeyValue("callId", callId).addKeyValue("leg", leg.name).log("ACK failed");
        }
    }

    private void sendCancel(Leg leg) {
        leg.cancelSent = true;
        leg.cancelWanted = true;
        try {
            sig.cancel(leg.invite);
        } catch (SipException e) {
            if (leg.invite.getState() == javax.sip.TransactionState.TERMINATED) {
                leg.invitePending = false; // nothing left to cancel: the stack ended the INVITE (transport error)
            }
            LOG.atWarn().addKeyValue("callId", callId).addKeyValue("leg", leg.name)
                    .addKeyValue("error", e.getMessage()).log("CANCEL cannot be sent");
        }
    }

    private void terminate(Leg leg) {
        leg.invitePending = false;
        if (leg.invite != null) {
            terminateQuietly(leg.invite);
        }
    }

    private static void terminateQuietly(ClientTransaction tx) {
        try {
            tx.terminate();
        } catch (javax.sip.ObjectInUseException | RuntimeException e) {
            LOG.atDebug().setCause(e).log("transaction cannot be terminated");
        }
    }

    private void bind(String id) {
        sipCallIds.put(id, Boolean.TRUE);
        host.bind(id, this);
    }

    private void report(Event event) {
        if (!engineDone) {
            host.report(event);
        }
    }

    private static void cancel(ScheduledFuture<?> timer) {
        if (timer != null) {
            timer.cancel(false);
        }
    }

    private static long sessionId() {
        return ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
    }

    Phase phase() {
        return phase;
    }
}
