package org.outdial.sip;

import gov.nist.javax.sip.clientauthutils.AuthenticationHelper;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.InvalidArgumentException;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ProxyAuthenticateHeader;
import javax.sip.header.ReasonHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Message;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Builds and sends the controller's SIP messages through the stack (dialog methods for everything in a dialog). No
 * call state: {@link SipCall} decides what to send. Methods throw {@link SipException} when the stack refuses.
 */
final class Signalling {

    private final SipProvider provider;
    private final AddressFactory addresses;
    private final HeaderFactory headers;
    private final MessageFactory messages;
    private final AuthenticationHelper auth;
    private final String host;
    private final int port;

    Signalling(SipProvider provider, AddressFactory addresses, HeaderFactory headers, MessageFactory messages,
               AuthenticationHelper auth, String host, int port) {
        this.provider = provider;
        this.addresses = addresses;
        this.headers = headers;
        this.messages = messages;
        this.auth = auth;
        this.host = host;
        this.port = port;
    }

    String host() {
        return host;
    }

    /** A new out-of-dialog INVITE; {@code sdp} may be null (an offerless INVITE that asks the far end to offer). */
    ClientTransaction invite(CallIdHeader callId, URI target, String fromUser, String fromDisplay,
                             Trunk.Transport transport, Optional<String> outboundProxy,
                             Map<String, String> extraHeaders, String sdp,
                             Optional<AmdSource.BodyPart> extraPart) throws SipException {
        try {
            SipURI fromUri = addresses.createSipURI(fromUser, host);
            Address from = addresses.createAddress(fromUri);
            if (fromDisplay != null) {
                from.setDisplayName(fromDisplay);
            }
            FromHeader fromHeader = headers.createFromHeader(from, tag());
            URI toUri = target.clone() instanceof SipURI s ? withoutParams(s) : target;
            ToHeader to = headers.createToHeader(addresses.createAddress(toUri), null);
            String tp = transport == Trunk.Transport.TCP ? "tcp" : "udp";
            List<ViaHeader> via = new ArrayList<>(List.of(headers.createViaHeader(host, port, tp, null)));
            Request invite = messages.createRequest(target, Request.INVITE, callId,
                    headers.createCSeqHeader(1L, Request.INVITE), fromHeader, to, via,
                    headers.createMaxForwardsHeader(70));
            invite.addHeader(contact(tp));
            if (outboundProxy.isPresent()) {
                SipURI route = addresses.createSipURI(null, outboundProxy.get());
                route.setLrParam();
                route.setTransportParam(tp);
                invite.addHeader(headers.createRouteHeader(addresses.createAddress(route)));
            }
            for (Map.Entry<String, String> h : extraHeaders.entrySet()) {
                invite.addHeader(headers.createHeader(h.getKey(), h.getValue()));
            }
            if (sdp != null && extraPart.isPresent()) {
                String boundary = "outdial-" + tag();
                ContentTypeHeader type = headers.createContentTypeHeader("multipart", "mixed");
                type.setParameter("boundary", boundary);
                invite.setContent(multipart(boundary, sdp, extraPart.get()), type);
            } else if (sdp != null) {
                invite.setContent(sdp, sdpType());
            }
            ClientTransaction tx = provider.getNewClientTransaction(invite);
            tx.sendRequest();
            return tx;
        } catch (ParseException | InvalidArgumentException e) {
            throw new SipException("INVITE cannot be built: " + e.getMessage(), e);
        }
    }

    /** An SDP offer and one more part (RFC 2046 multipart/mixed), e.g. a detection request for the gateway. */
    private static String multipart(String boundary, String sdp, AmdSource.BodyPart part) {
        return "--" + boundary + "\r\n"
                + "Content-Type: application/sdp\r\n\r\n"
                + sdp + (sdp.endsWith("\r\n") ? "" : "\r\n")
                + "--" + boundary + "\r\n"
                + "Content-Type: " + part.contentType() + "\r\n"
                + (part.disposition() == null ? "" : "Content-Disposition: " + part.disposition() + "\r\n")
                + "\r\n"
                + part.body() + (part.body().endsWith("\r\n") ? "" : "\r\n")
                + "--" + boundary + "--\r\n";
    }

    private static SipURI withoutParams(SipURI uri) {
        uri.removeParameter("transport");
        uri.removeParameter("lr");
        return uri;
    }

    /** A fresh Call-ID; the call binds it before sending, so no response can arrive for an unknown Call-ID. */
    CallIdHeader newCallId() {
        return provider.getNewCallId();
    }

    URI uri(String text) throws SipException {
        try {
            return addresses.createURI(text);
        } catch (ParseException e) {
            throw new SipException("'" + text + "' is not a SIP URI: " + e.getMessage(), e);
        }
    }

    /** The trunk's URI for dialing {@code phone}. */
    SipURI trunkUri(Trunk trunk, String phone) throws SipException {
        try {
            SipURI uri = addresses.createSipURI(phone, trunk.host());
            uri.setPort(trunk.port());
            if (trunk.transport() == Trunk.Transport.TCP) {
                uri.setTransportParam("tcp");
            }
            return uri;
        } catch (ParseException e) {
            throw new SipException("number '" + phone + "' cannot be dialed: " + e.getMessage(), e);
        }
    }

    /** Answers a 401/407 with credentials; the returned transaction has been sent. */
    ClientTransaction answerChallenge(Response challenge, ClientTransaction challenged) throws SipException {
        ClientTransaction retry = auth.handleChallenge(challenge, challenged, provider, 5);
        retry.sendRequest();
        return retry;
    }

    /**
     * Answers a 401/407 to a request inside a dialog (BYE, re-INVITE, OPTIONS): the same request again as the
     * dialog's next request (new CSeq), with the digest computed here, sent through the dialog.
     */
    ClientTransaction answerInDialog(Response challenge, ClientTransaction challenged, Trunk.Credentials credentials)
            throws SipException {
        Request old = challenged.getRequest();
        Dialog dialog = challenged.getDialog();
        if (dialog == null) {
            throw new SipException(old.getMethod() + " challenged outside a dialog");
        }
        boolean proxy = challenge.getStatusCode() == 407;
        WWWAuthenticateHeader ask = (WWWAuthenticateHeader) challenge.getHeader(proxy ? ProxyAuthenticateHeader.NAME
                : WWWAuthenticateHeader.NAME);
        if (ask == null || !"Digest".equalsIgnoreCase(ask.getScheme())) {
            throw new SipException(challenge.getStatusCode() + " to " + old.getMethod() + " without a Digest challenge");
        }
        try {
            Request retry = dialog.createRequest(old.getMethod());
            for (String name : List.of(ContactHeader.NAME, ReasonHeader.NAME)) {
                javax.sip.header.Header h = old.getHeader(name);
                if (h != null) {
                    retry.setHeader(h);
                }
            }
            if (old.getRawContent() != null) {
                retry.setContent(old.getRawContent(), (ContentTypeHeader) old.getHeader(ContentTypeHeader.NAME));
            }
            String uri = retry.getRequestURI().toString();
            String qop = ask.getQop() != null && ask.getQop().toLowerCase(java.util.Locale.ROOT).contains("auth")
                    ? "auth" : null;
            String cnonce = tag();
            String nc = "00000001";
            AuthorizationHeader auth = proxy ? headers.createProxyAuthorizationHeader("Digest")
                    : headers.createAuthorizationHeader("Digest");
            auth.setUsername(credentials.user());
            auth.setRealm(ask.getRealm());
            auth.setNonce(ask.getNonce());
            auth.setURI(retry.getRequestURI());
            auth.setAlgorithm("MD5");
            if (ask.getOpaque() != null) {
                auth.setOpaque(ask.getOpaque());
            }
            if (qop != null) {
                auth.setQop(qop);
                auth.setCNonce(cnonce);
                auth.setNonceCount(1);
            }
            auth.setResponse(Digest.response(credentials.user(), ask.getRealm(), credentials.password(),
                    ask.getNonce(), old.getMethod(), uri, qop, nc, cnonce));
            retry.setHeader(auth);
            ClientTransaction tx = provider.getNewClientTransaction(retry);
            dialog.sendRequest(tx);
            return tx;
        } catch (ParseException e) {
            throw new SipException(old.getMethod() + " with credentials cannot be built: " + e.getMessage(), e);
        }
    }

    /** An OPTIONS inside {@code dialog}: does the peer still know the dialog? (481 = no) */
    ClientTransaction options(Dialog dialog) throws SipException {
        Request options = dialog.createRequest(Request.OPTIONS);
        ClientTransaction tx = provider.getNewClientTransaction(options);
        dialog.sendRequest(tx);
        return tx;
    }

    /** A 401 with a Digest challenge ({@code qop="auth"}) for {@code realm}. */
    void challenge(ServerTransaction tx, Request request, String realm, String nonce, boolean stale)
            throws SipException {
        try {
            Response response = messages.createResponse(401, request);
            WWWAuthenticateHeader ask = headers.createWWWAuthenticateHeader("Digest");
            ask.setRealm(realm);
            ask.setNonce(nonce);
            ask.setAlgorithm("MD5");
            ask.setQop("auth");
            if (stale) {
                ask.setStale(true);
            }
            response.addHeader(ask);
            (tx != null ? tx : provider.getNewServerTransaction(request)).sendResponse(response);
        } catch (ParseException | InvalidArgumentException e) {
            throw new SipException("401 cannot be built: " + e.getMessage(), e);
        }
    }

    ClientTransaction cancel(ClientTransaction invite) throws SipException {
        ClientTransaction tx = provider.getNewClientTransaction(invite.createCancel());
        tx.sendRequest();
        return tx;
    }

    /** ACK for a 2xx to an INVITE, with {@code sdp} (null = none) when the 200 carried the offer. */
    void ack(Dialog dialog, Response ok, String sdp) throws SipException {
        try {
            long cseq = ((CSeqHeader) ok.getHeader(CSeqHeader.NAME)).getSeqNumber();
            Request ack = dialog.createAck(cseq);
            if (sdp != null) {
                ack.setContent(sdp, sdpType());
            }
            dialog.sendAck(ack);
        } catch (InvalidArgumentException | ParseException e) {
            throw new SipException("ACK cannot be built: " + e.getMessage(), e);
        }
    }

    /** A re-INVITE in {@code dialog}; {@code sdp} null asks the far end for an offer. */
    ClientTransaction reinvite(Dialog dialog, String sdp, Trunk.Transport transport) throws SipException {
        try {
            Request re = dialog.createRequest(Request.INVITE);
            re.setHeader(contact(transport == Trunk.Transport.TCP ? "tcp" : "udp"));
            if (sdp != null) {
                re.setContent(sdp, sdpType());
            }
            ClientTransaction tx = provider.getNewClientTransaction(re);
            dialog.sendRequest(tx);
            return tx;
        } catch (ParseException e) {
            throw new SipException("re-INVITE cannot be built: " + e.getMessage(), e);
        }
    }

    /** BYE in {@code dialog}, with a Q.850 Reason when {@code cause} > 0. */
    ClientTransaction bye(Dialog dialog, int cause) throws SipException {
        try {
            Request bye = dialog.createRequest(Request.BYE);
            if (cause > 0) {
                bye.addHeader(headers.createReasonHeader("Q.850", cause, "outdial"));
            }
            ClientTransaction tx = provider.getNewClientTransaction(bye);
            dialog.sendRequest(tx);
            return tx;
        } catch (ParseException | InvalidArgumentException e) {
            throw new SipException("BYE cannot be built: " + e.getMessage(), e);
        }
    }

    /** Responds to a request; {@code sdp} (may be null) as the body. */
    void respond(ServerTransaction tx, Request request, int status, String sdp) throws SipException {
        try {
            Response response = messages.createResponse(status, request);
            if (status / 100 == 2 && request.getMethod().equals(Request.INVITE)) {
                response.addHeader(contact(transportOf(request))); // the transport the request came over
            }
            if (sdp != null) {
                response.setContent(sdp, sdpType());
            }
            ServerTransaction st = tx != null ? tx : provider.getNewServerTransaction(request);
            st.sendResponse(response);
        } catch (ParseException | InvalidArgumentException e) {
            throw new SipException("response cannot be built: " + e.getMessage(), e);
        }
    }

    /** Responds with {@code header} added (may be null), e.g. the bound Contact of a registration. */
    void respondWith(ServerTransaction tx, Request request, int status, javax.sip.header.Header header)
            throws SipException {
        try {
            Response response = messages.createResponse(status, request);
            if (header != null) {
                response.addHeader(header);
            }
            (tx != null ? tx : provider.getNewServerTransaction(request)).sendResponse(response);
        } catch (ParseException | InvalidArgumentException e) {
            throw new SipException("response cannot be built: " + e.getMessage(), e);
        }
    }

    /** Responds without a transaction of our own (stateless), for requests that belong to no call. */
    void respondStateless(Request request, int status) throws SipException {
        try {
            provider.sendResponse(messages.createResponse(status, request));
        } catch (ParseException e) {
            throw new SipException("response cannot be built: " + e.getMessage(), e);
        }
    }

    Response response(int status, Request request) throws SipException {
        try {
            return messages.createResponse(status, request);
        } catch (ParseException e) {
            throw new SipException(e.getMessage(), e);
        }
    }

    /** The transport a request arrived over (its top Via), lower case. */
    static String transportOf(Request request) {
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        return via == null ? "udp" : via.getTransport().toLowerCase(java.util.Locale.ROOT);
    }

    ContactHeader contact(String transport) throws ParseException {
        SipURI uri = addresses.createSipURI("outdial", host);
        uri.setPort(port);
        if (transport.equals("tcp")) {
            uri.setTransportParam("tcp");
        }
        return headers.createContactHeader(addresses.createAddress(uri));
    }

    private ContentTypeHeader sdpType() throws ParseException {
        return headers.createContentTypeHeader("application", "sdp");
    }

    /** The Q.850 cause of a message's Reason headers, or 0. */
    static int q850Cause(Message message) {
        var it = message.getHeaders(ReasonHeader.NAME);
        while (it.hasNext()) {
            if (it.next() instanceof ReasonHeader r && "Q.850".equalsIgnoreCase(r.getProtocol())) {
                return Math.max(r.getCause(), 0);
            }
        }
        return 0;
    }

    /** The body as text, or null when there is none. */
    static String body(Message message) {
        byte[] raw = message.getRawContent();
        return raw == null || raw.length == 0 ? null : new String(raw, java.nio.charset.StandardCharsets.UTF_8);
    }

    static String contentType(Message message) {
        ContentTypeHeader ct = (ContentTypeHeader) message.getHeader(ContentTypeHeader.NAME);
        return ct == null ? "" : (ct.getContentType() + "/" + ct.getContentSubType()).toLowerCase(java.util.Locale.ROOT);
    }

    static String callId(Message message) {
        return ((CallIdHeader) message.getHeader(CallIdHeader.NAME)).getCallId();
    }

    private static String tag() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong());
    }
}
