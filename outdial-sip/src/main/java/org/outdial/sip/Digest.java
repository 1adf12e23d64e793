package org.outdial.sip;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * HTTP digest (RFC 2617 / RFC 3261 22.4) with MD5, as SIP uses it: the response a client computes for a challenge,
 * and the check a server makes of it. Only {@code qop=auth} or no qop ({@code auth-int} is not offered or answered).
 */
final class Digest {

    private Digest() {}

    /**
     * The response value for a request.
     *
     * @param qop    "auth", or null for the RFC 2069 form (then {@code nc} and {@code cnonce} are ignored)
     */
    static String response(String user, String realm, String password, String nonce, String method, String uri,
                           String qop, String nc, String cnonce) {
        String ha1 = md5(user + ":" + realm + ":" + password);
        String ha2 = md5(method + ":" + uri);
        return qop == null ? md5(ha1 + ":" + nonce + ":" + ha2)
                : md5(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2);
    }

    /** Constant-time comparison of two hex responses (a wrong password must not be found byte by byte). */
    static boolean same(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }
}
