package org.outdial.sip;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sip.RequestEvent;
import javax.sip.SipException;
import javax.sip.address.SipURI;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * outdial's registrar for agents' phones: a phone REGISTERs under its place or agent id (the To user) and must prove
 * it knows that user's password by HTTP digest (RFC 3261 22): the first REGISTER gets a 401 with a nonce, the
 * second carries the digest. Nonces are stateless (time + HMAC under a key made at start) and expire after
 * {@link #NONCE_TTL_MS}; an expired one gets a fresh challenge marked {@code stale}. A user not configured, a wrong
 * digest, or credentials of one user registering another's address get 403 and are counted.
 */
final class Registrar {

    private static final Logger LOG = LoggerFactory.getLogger(Registrar.class);
    static final long NONCE_TTL_MS = 300_000;

    /**
     * Who may register.
     *
     * @param realm     the digest realm phones are configured with
     * @param passwords the user part of the address of record (a place or an agent id) to its password
     */
    record Users(String realm, Map<String, String> passwords) {
        Users {
            Objects.requireNonNull(realm, "realm");
            passwords = Map.copyOf(passwords);
            if (realm.isBlank() || realm.contains("\"")) {
                throw new IllegalArgumentException("agents.registrar.realm '" + realm
                        + "' must be a non-empty name without quotes");
            }
        }

        /** Nobody may register (no registrar configured). */
        static Users none() {
            return new Users("outdial", Map.of());
        }

        @Override
        public String toString() {
            return "Users[realm=" + realm + ", users=" + passwords.keySet() + "]";
        }
    }

    private final Signalling sig;
    private final Users users;
    private final Registrations registrations;
    private final SipMetrics metrics;
    private final LongSupplier clockMs;
    private final byte[] key = new byte[32];

    Registrar(Signalling sig, Users users, Registrations registrations, SipMetrics metrics, LongSupplier clockMs) {
        this.sig = sig;
        this.users = users;
        this.registrations = registrations;
        this.metrics = metrics;
        this.clockMs = clockMs;
        new SecureRandom().nextBytes(key);
    }

    void register(RequestEvent event) throws SipException {
        Request request = event.getRequest();
        ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
        ContactHeader contact = (ContactHeader) request.getHeader(ContactHeader.NAME);
        String user = to.getAddress().getURI() instanceof SipURI s ? s.getUser() : null;
        if (user == null) {
            sig.respond(event.getServerTransaction(), request, 400, null);
            return;
        }
        String password = users.passwords().get(user);
        if (password == null) {
            refuse(event, user, "no registrar password is configured for this place or agent");
            return;
        }
        AuthorizationHeader auth = (AuthorizationHeader) request.getHeader(AuthorizationHeader.NAME);
        if (auth == null || !"Digest".equalsIgnoreCase(auth.getScheme()) || !users.realm().equals(auth.getRealm())) {
            sig.challenge(event.getServerTransaction(), request, users.realm(), nonce(clockMs.getAsLong()), false);
            return;
        }
        if (!user.equals(auth.getUsername())) {
            refuse(event, user, "credentials of '" + auth.getUsername() + "' cannot register another address");
            return;
        }
        String uri = auth.getParameter("uri") != null ? auth.getParameter("uri")
                : auth.getURI() == null ? "" : auth.getURI().toString();
        String qop = auth.getQop();
        String expected = Digest.response(user, users.realm(), password, auth.getNonce(), request.getMethod(), uri,
                qop, auth.getParameter("nc"), auth.getCNonce());
        if (!Digest.same(expected, auth.getResponse())) {
            refuse(event, user, "wrong digest (password)");
            return;
        }
        if (!fresh(auth.getNonce())) {
            sig.challenge(event.getServerTransaction(), request, users.realm(), nonce(clockMs.getAsLong()), true);
            return;
        }
        if (contact == null) {
            sig.respond(event.getServerTransaction(), request, 400, null);
            return;
        }
        ExpiresHeader expires = (ExpiresHeader) request.getHeader(ExpiresHeader.NAME);
        int seconds = contact.getExpires() >= 0 ? contact.getExpires() : expires != null ? expires.getExpires()
                : 3600;
        boolean ok = registrations.register(user, contact.getAddress().getURI().toString(), seconds);
        sig.respondWith(event.getServerTransaction(), request, ok ? 200 : 503, ok ? contact : null);
        LOG.atInfo().addKeyValue("user", user).addKeyValue("contact", contact.getAddress().getURI())
                .addKeyValue("expiresS", seconds).addKeyValue("bound", ok).log("agent phone registered");
    }

    private void refuse(RequestEvent event, String user, String why) throws SipException {
        metrics.registrationsRefused.incrementAndGet();
        LOG.atWarn().addKeyValue("user", user).addKeyValue("why", why)
                .addKeyValue("from", event.getRequest().getHeader("Via")).log("REGISTER refused");
        sig.respond(event.getServerTransaction(), event.getRequest(), 403, null);
    }

    /** {@code <issued-at hex>.<HMAC of it>}: checkable without remembering it. */
    String nonce(long nowMs) {
        String at = Long.toHexString(nowMs);
        return at + "." + mac(at);
    }

    boolean fresh(String nonce) {
        if (nonce == null) {
            return false;
        }
        int dot = nonce.indexOf('.');
        if (dot <= 0) {
            return false;
        }
        String at = nonce.substring(0, dot);
        if (!Digest.same(mac(at), nonce.substring(dot + 1))) {
            return false;
        }
        try {
            long issued = Long.parseLong(at, 16);
            long age = clockMs.getAsLong() - issued;
            return age >= 0 && age <= NONCE_TTL_MS;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private String mac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.US_ASCII)), 0, 16);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
