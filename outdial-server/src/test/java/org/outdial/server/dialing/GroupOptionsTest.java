package org.outdial.server.dialing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.outdial.engine.DialingOptions;

/** A campaign group's dialing options come from its options map, over the documented defaults. */
class GroupOptionsTest {

    @Test
    void withoutOptionsAGroupDialsWithTheDefaults() {
        assertThat(GroupOptions.dialingOptions(Map.of("agent_preview_mode_start", "true")))
                .isEqualTo(DialingOptions.defaults());
    }

    @Test
    void everyDialingOptionSetsItsField() {
        DialingOptions o = GroupOptions.dialingOptions(Map.ofEntries(
                Map.entry("abandon_limit_percent", "2.5"), Map.entry("campaign_abandon_limit_percent", "2"),
                Map.entry("connect_timeout_s", "1.5"), Map.entry("no_answer_timeout_s", "30"),
                Map.entry("calls_per_ready_agent", "1.5"), Map.entry("max_lines_per_agent", "3"),
                Map.entry("daily_attempts_max", "2"), Map.entry("ivr_ports", "20"),
                Map.entry("ivr_destination", "sip:ivr@example.com"), Map.entry("amd", "true"),
                Map.entry("amd_false_positive_percent", "1")));

        assertThat(o.abandonLimit()).isEqualTo(0.025);
        assertThat(o.campaignAbandonLimit()).isEqualTo(0.02);
        assertThat(o.connectTimeoutMs()).isEqualTo(1_500);
        assertThat(o.noAnswerMs()).isEqualTo(30_000);
        assertThat(o.callsPerReadyAgent()).isEqualTo(1.5);
        assertThat(o.maxLinesPerAgent()).isEqualTo(3);
        assertThat(o.dailyAttemptsMax()).isEqualTo(2);
        assertThat(o.ivrPorts()).isEqualTo(20);
        assertThat(o.ivrDestination()).isEqualTo("sip:ivr@example.com");
        assertThat(o.amdEnabled()).isTrue();
        assertThat(o.amdFalsePositiveRate()).isEqualTo(0.01);
    }

    @Test
    void aBadValueIsRefusedNamingTheOption() {
        assertThatThrownBy(() -> GroupOptions.dialingOptions(Map.of("connect_timeout_s", "soon")))
                .hasMessageContaining("'connect_timeout_s'").hasMessageContaining("number > 0");
        assertThatThrownBy(() -> GroupOptions.dialingOptions(Map.of("abandon_limit_percent", "300")))
                .hasMessageContaining("'abandon_limit_percent'");
        assertThatThrownBy(() -> GroupOptions.dialingOptions(Map.of("amd", "yes")))
                .hasMessageContaining("'amd'");
        assertThatThrownBy(() -> GroupOptions.dialingOptions(Map.of("ivr_ports", "-1")))
                .hasMessageContaining("'ivr_ports'");
        assertThat(GroupOptions.validate(Map.of("calls_per_ready_agent", "5", "max_lines_per_agent", "2")))
                .hasValueSatisfying(e -> assertThat(e.getKey()).isEqualTo("calls_per_ready_agent"));
        assertThat(GroupOptions.validate(Map.of("schedule", "Mon 9-5")))
                .hasValueSatisfying(e -> assertThat(e.getKey()).isEqualTo("schedule"));
        assertThat(GroupOptions.validate(Map.of("daily_attempts_max", "3", "schedule", "daily 09:00-17:00")))
                .isEmpty();
    }
}
