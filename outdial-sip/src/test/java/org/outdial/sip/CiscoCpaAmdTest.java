package org.outdial.sip;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.outdial.engine.Event;

class CiscoCpaAmdTest {

    private final AmdSource amd = AmdSource.named("cisco-cpa");

    private Optional<Event.AnswerKind> update(String body) {
        return amd.resultOf("UPDATE", "application/x-cisco-cpa", body);
    }

    @Test
    void the_invite_asks_for_cpa_in_an_x_cisco_cpa_body_part() {
        assertThat(amd.requestHeaders()).isEmpty();
        assertThat(amd.requestPart()).hasValueSatisfying(p -> {
            assertThat(p.contentType()).isEqualTo("application/x-cisco-cpa");
            assertThat(p.body()).startsWith("Events=").contains("Asm").contains("FT");
        });
    }

    @Test
    void live_voice_machine_its_tone_and_fax_are_classified() {
        assertThat(update("event=LV\r\n")).contains(Event.AnswerKind.HUMAN);
        assertThat(update("event=Asm")).contains(Event.AnswerKind.MACHINE);
        assertThat(update("Event = AsmT\n")).contains(Event.AnswerKind.MACHINE);
        assertThat(update("event=FT")).contains(Event.AnswerKind.FAX);
    }

    @Test
    void analysis_started_sit_tones_and_unknown_events_are_not_classifications() {
        assertThat(update("event=CpaS")).isEmpty();
        assertThat(update("event=SitIC")).isEmpty();
        assertThat(update("event=Whatever")).isEmpty();
        assertThat(update("Events=FT,Asm")).isEmpty();
    }

    @Test
    void only_update_or_info_with_the_x_cisco_cpa_content_type_counts() {
        assertThat(amd.resultOf("INFO", "application/x-cisco-cpa", "event=Asm")).contains(Event.AnswerKind.MACHINE);
        assertThat(amd.resultOf("UPDATE", "application/sdp", "event=Asm")).isEmpty();
        assertThat(amd.resultOf("BYE", "application/x-cisco-cpa", "event=Asm")).isEmpty();
    }

    @Test
    void seeded_random_bodies_never_throw() {
        long seed = 20261121L;
        SplittableRandom rng = new SplittableRandom(seed);
        String alphabet = "eventEVNTLVAsmTFCpaSit= \r\n,";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = rng.nextInt(40);
            for (int j = 0; j < n; j++) {
                sb.append(alphabet.charAt(rng.nextInt(alphabet.length())));
            }
            assertThat(update(sb.toString())).as("seed " + seed + " body " + sb).isNotNull();
        }
    }

    @FuzzTest(maxDuration = "5s")
    void any_body_is_read_without_an_exception(byte[] data) {
        assertThat(update(new String(data, java.nio.charset.StandardCharsets.ISO_8859_1))).isNotNull();
    }
}
