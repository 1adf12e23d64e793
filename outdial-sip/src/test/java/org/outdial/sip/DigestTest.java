package org.outdial.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DigestTest {

    @Test
    void the_rfc_2617_example_response_is_computed() {
        assertThat(Digest.response("Mufasa", "testrealm@host.com", "Circle Of Life",
                "dcd98b7102dd2f0e8b11d0f600bfb0c093", "GET", "/dir/index.html", "auth", "00000001", "0a4f113b"))
                .isEqualTo("6629fae49393a05397450978507c4ef1");
    }

    @Test
    void without_qop_the_rfc_2069_form_is_used() {
        String ha1 = Digest.md5("u:r:p");
        assertThat(Digest.response("u", "r", "p", "n", "REGISTER", "sip:x", null, null, null))
                .isEqualTo(Digest.md5(ha1 + ":n:" + Digest.md5("REGISTER:sip:x")));
    }

    @Test
    void responses_compare_case_insensitively_and_a_missing_one_never_matches() {
        assertThat(Digest.same("6629fae4", "6629FAE4")).isTrue();
        assertThat(Digest.same("6629fae4", "6629fae5")).isFalse();
        assertThat(Digest.same("6629fae4", null)).isFalse();
    }

    @Test
    void a_registrar_nonce_is_fresh_for_five_minutes_and_cannot_be_forged() {
        long[] now = {1_000_000L};
        Registrar r = new Registrar(null, new Registrar.Users("outdial", Map.of()), null, new SipMetrics(),
                () -> now[0]);
        String nonce = r.nonce(now[0]);
        assertThat(r.fresh(nonce)).isTrue();
        now[0] += Registrar.NONCE_TTL_MS;
        assertThat(r.fresh(nonce)).isTrue();
        now[0] += 1;
        assertThat(r.fresh(nonce)).as("expired").isFalse();
        String forged = Long.toHexString(now[0]) + nonce.substring(nonce.indexOf('.'));
        assertThat(r.fresh(forged)).as("time changed, MAC not").isFalse();
        assertThat(r.fresh("nodot")).isFalse();
        assertThat(r.fresh(null)).isFalse();
    }
}
