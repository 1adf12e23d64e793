package org.outdial.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.outdial.engine.Event;

class XDetectAmdTest {

    private final AmdSource amd = AmdSource.named("x-detect");

    private Optional<Event.AnswerKind> info(String body) {
        return amd.resultOf("INFO", "application/x-detect", body);
    }

    @Test
    void the_invite_asks_for_amd_and_call_progress_tones() {
        assertThat(amd.requestHeaders()).containsEntry("X-Detect", "Request=AMD,CPT");
    }

    @Test
    void human_automata_silence_and_fax_are_classified() {
        assertThat(info("Type= AMD\r\nSubType= HUMAN\r\n")).contains(Event.AnswerKind.HUMAN);
        assertThat(info("Type= AMD\nSubType= AUTOMATA")).contains(Event.AnswerKind.MACHINE);
        assertThat(info("Type= AMD\nSubType= SILENT")).contains(Event.AnswerKind.SILENCE);
        assertThat(info("Type= CPT\nSubType= FAX")).contains(Event.AnswerKind.FAX);
    }

    @Test
    void detection_that_gave_up_counts_as_a_human_answer() {
        assertThat(info("Type= AMD\nSubType= UNKNOWN")).contains(Event.AnswerKind.HUMAN);
    }

    @Test
    void beeps_and_other_events_are_not_classifications() {
        assertThat(info("Type= AMD\nSubType= BEEP")).isEmpty();
        assertThat(info("Type= PTT\nSubType= VOICE-START")).isEmpty();
        assertThat(info("SubType= HUMAN")).isEmpty();
    }

    @Test
    void only_info_with_the_x_detect_content_type_counts() {
        assertThat(amd.resultOf("UPDATE", "application/x-detect", "Type= AMD\nSubType= HUMAN")).isEmpty();
        assertThat(amd.resultOf("INFO", "application/dtmf-relay", "Type= AMD\nSubType= HUMAN")).isEmpty();
    }

    @Test
    void an_unknown_source_is_named() {
        assertThatThrownBy(() -> AmdSource.named("cisco")).hasMessageContaining("'cisco'")
                .hasMessageContaining("x-detect");
    }

    @Test
    void seeded_random_bodies_never_throw() {
        long seed = 20261121L;
        SplittableRandom rng = new SplittableRandom(seed);
        String alphabet = "Type=SubAMDHUMNTOCPFX \r\n=:";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = rng.nextInt(60);
            for (int j = 0; j < n; j++) {
                sb.append(alphabet.charAt(rng.nextInt(alphabet.length())));
            }
            String body = sb.toString();
            assertThat(info(body)).as("seed " + seed + " body " + body).isNotNull();
        }
    }

    @FuzzTest(maxDuration = "5s")
    void any_body_is_read_without_an_exception(byte[] data) {
        assertThat(info(new String(data, java.nio.charset.StandardCharsets.ISO_8859_1))).isNotNull();
    }
}
