package org.outdial.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SdpTest {

    private static final String AGENT_OFFER = "v=0\r\no=phone 99 7 IN IP4 10.0.0.7\r\ns=-\r\nc=IN IP4 10.0.0.7\r\n"
            + "t=0 0\r\nm=audio 7100 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\nm=video 7200 RTP/AVP 96\r\n";

    @Test
    void a_re_offer_keeps_the_controllers_origin_and_bumps_its_version() throws Exception {
        Sdp.Session session = Sdp.Session.of(Sdp.heldOffer("192.0.2.1", 4242));
        String reoffer = session.next(AGENT_OFFER);
        assertThat(reoffer).contains("o=outdial 4242 2 IN IP4 192.0.2.1").contains("c=IN IP4 10.0.0.7")
                .contains("m=audio 7100");
        assertThat(session.next(AGENT_OFFER)).contains("o=outdial 4242 3 ");
    }

    @Test
    void a_re_offer_keeps_the_number_of_media_lines() throws Exception {
        String reoffer = Sdp.Session.of(Sdp.heldOffer("192.0.2.1", 1)).next(AGENT_OFFER);
        assertThat(reoffer).contains("m=audio").doesNotContain("m=video");
    }

    @Test
    void an_answer_gets_as_many_media_lines_as_its_offer_with_extra_ones_rejected() throws Exception {
        String customerAnswer = "v=0\r\no=c 1 1 IN IP4 10.1.1.1\r\ns=-\r\nc=IN IP4 10.1.1.1\r\nt=0 0\r\n"
                + "m=audio 6200 RTP/AVP 0\r\n";
        String fitted = Sdp.fitAnswer(customerAnswer, AGENT_OFFER);
        assertThat(fitted).contains("m=audio 6200").contains("m=video 0 RTP/AVP 96");
    }

    @Test
    void a_black_hole_answer_rejects_every_stream() throws Exception {
        String answer = Sdp.blackHole(AGENT_OFFER);
        assertThat(answer).contains("c=IN IP4 0.0.0.0").contains("m=audio 0 ").contains("m=video 0 ");
    }

    @Test
    void malformed_sdp_is_an_error_not_a_crash() {
        assertThatThrownBy(() -> Sdp.Session.of("hello")).isInstanceOf(Sdp.SdpError.class);
    }
}
