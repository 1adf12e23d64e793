package org.outdial.sip;

import java.util.List;
import java.util.Vector;
import javax.sdp.Connection;
import javax.sdp.Media;
import javax.sdp.MediaDescription;
import javax.sdp.Origin;
import javax.sdp.SdpException;
import javax.sdp.SdpFactory;
import javax.sdp.SessionDescription;

/**
 * The SDP work of a controller that only relays descriptions between legs (RFC 3264 rules it must keep), done with
 * the stack's {@code javax.sdp} parser.
 */
final class Sdp {

    private Sdp() {}

    /** Malformed SDP from a peer (or configuration). */
    static final class SdpError extends Exception {
        SdpError(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** An offer that establishes a session without media yet: audio held inactive until the bridge. */
    static String heldOffer(String host, long sessionId) {
        return "v=0\r\n"
                + "o=outdial " + sessionId + " 1 IN IP4 " + host + "\r\n"
                + "s=outdial\r\n"
                + "c=IN IP4 " + host + "\r\n"
                + "t=0 0\r\n"
                + "m=audio 9 RTP/AVP 0 8 101\r\n"
                + "a=rtpmap:0 PCMU/8000\r\n"
                + "a=rtpmap:8 PCMA/8000\r\n"
                + "a=rtpmap:101 telephone-event/8000\r\n"
                + "a=inactive\r\n";
    }

    static SessionDescription parse(String text) throws SdpError {
        try {
            SessionDescription sd = SdpFactory.getInstance().createSessionDescription(text);
            media(sd); // forces the m= lines to parse now
            if (sd.getOrigin() == null) {
                throw new SdpError("SDP has no o= line", null);
            }
            return sd;
        } catch (SdpException | RuntimeException e) {
            throw new SdpError("SDP cannot be parsed: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    static Vector<MediaDescription> media(SessionDescription sd) throws SdpException {
        Vector<MediaDescription> m = sd.getMediaDescriptions(true);
        return m;
    }

    /**
     * One party's view of the controller's session: what the controller offered it first. Later offers to that party
     * keep the controller's {@code o=} user and session id, bump the version, and keep the number of m= lines.
     */
    static final class Session {
        private final String user;
        private final long sessionId;
        private final String address;
        private final List<MediaShape> shape;
        private long version;
        private String lastSent;

        private record MediaShape(String type, String protocol, Vector<?> formats) {}

        private Session(String user, long sessionId, long version, String address, List<MediaShape> shape,
                        String sent) {
            this.user = user;
            this.sessionId = sessionId;
            this.version = version;
            this.address = address;
            this.shape = shape;
            this.lastSent = sent;
        }

        /** The session started by the controller's first description to this party. */
        static Session of(String firstSent) throws SdpError {
            SessionDescription sd = parse(firstSent);
            try {
                Origin o = sd.getOrigin();
                List<MediaShape> shape = media(sd).stream().map(md -> {
                    try {
                        Media m = md.getMedia();
                        return new MediaShape(m.getMediaType(), m.getProtocol(), m.getMediaFormats(false));
                    } catch (SdpException e) {
                        throw new IllegalArgumentException(e.getMessage(), e);
                    }
                }).toList();
                return new Session(o.getUsername(), o.getSessionId(), o.getSessionVersion(), o.getAddress(), shape,
                        firstSent);
            } catch (SdpException | RuntimeException e) {
                throw new SdpError("SDP cannot be read: " + e.getMessage(), e);
            }
        }

        /** The description last sent to this party (answers to its re-offers repeat it). */
        String lastSent() {
            return lastSent;
        }

        /** {@code media} (another party's offer) rewritten as the controller's next offer here. */
        String next(String media) throws SdpError {
            return next(media, true);
        }

        /**
         * {@code media} rewritten with the controller's origin, version bumped; {@code keepShape} also keeps the
         * number of m= lines of the first description (offers must; answers follow their offer instead).
         */
        String next(String media, boolean keepShape) throws SdpError {
            SessionDescription sd = parse(media);
            try {
                Origin o = sd.getOrigin();
                o.setUsername(user);
                o.setSessionId(sessionId);
                o.setSessionVersion(++version);
                o.setAddress(address);
                Vector<MediaDescription> lines = media(sd);
                while (keepShape && lines.size() > shape.size()) {
                    lines.removeLast();
                }
                for (int i = lines.size(); keepShape && i < shape.size(); i++) {
                    lines.add(rejected(shape.get(i).type(), shape.get(i).protocol(), shape.get(i).formats()));
                }
                lastSent = sd.toString();
                return lastSent;
            } catch (SdpException | RuntimeException e) {
                throw new SdpError("SDP cannot be rewritten: " + e.getMessage(), e);
            }
        }
    }

    /** {@code answer} with exactly as many m= lines as {@code offer} (extra ones rejected with port 0). */
    static String fitAnswer(String answer, String offer) throws SdpError {
        SessionDescription a = parse(answer);
        SessionDescription o = parse(offer);
        try {
            Vector<MediaDescription> al = media(a);
            Vector<MediaDescription> ol = media(o);
            if (al.size() == ol.size()) {
                return answer;
            }
            while (al.size() > ol.size()) {
                al.removeLast();
            }
            for (int i = al.size(); i < ol.size(); i++) {
                Media m = ol.get(i).getMedia();
                al.add(rejected(m.getMediaType(), m.getProtocol(), m.getMediaFormats(false)));
            }
            return a.toString();
        } catch (SdpException | RuntimeException e) {
            throw new SdpError("SDP answer cannot be fitted: " + e.getMessage(), e);
        }
    }

    /**
     * An answer to {@code offer} that sends no media anywhere: connection 0.0.0.0 and every stream rejected. Used to
     * complete an agent's INVITE (whose 200 carried an offer) when the bridge failed and the leg is hung up at once.
     */
    static String blackHole(String offer) throws SdpError {
        SessionDescription sd = parse(offer);
        try {
            Connection c = sd.getConnection();
            if (c != null) {
                c.setAddress("0.0.0.0");
            }
            for (MediaDescription md : media(sd)) {
                md.getMedia().setMediaPort(0);
                Connection mc = md.getConnection();
                if (mc != null) {
                    mc.setAddress("0.0.0.0");
                }
            }
            return sd.toString();
        } catch (SdpException | RuntimeException e) {
            throw new SdpError("SDP cannot be answered: " + e.getMessage(), e);
        }
    }

    private static MediaDescription rejected(String type, String protocol, Vector<?> formats) throws SdpException {
        String[] f = formats == null || formats.isEmpty() ? new String[] {"0"}
                : formats.stream().map(Object::toString).toArray(String[]::new);
        return SdpFactory.getInstance().createMediaDescription(type, 0, 1, protocol, f);
    }

    /** The port of the first audio stream, or -1. */
    static int audioPort(String text) throws SdpError {
        try {
            for (MediaDescription md : media(parse(text))) {
                if ("audio".equals(md.getMedia().getMediaType())) {
                    return md.getMedia().getMediaPort();
                }
            }
            return -1;
        } catch (SdpException e) {
            throw new SdpError(e.getMessage(), e);
        }
    }
}
