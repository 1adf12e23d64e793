package org.outdial.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.outdial.record.CallResult;

class SipConfigFileTest {

    private static SipSwitchConfig parse(String yaml) throws Exception {
        return SipConfigFile.parse(new ObjectMapper(new YAMLFactory()).readTree(yaml), () -> 0L);
    }

    @Test
    void a_full_configuration_is_read() throws Exception {
        SipSwitchConfig c = parse("""
                listen: 10.0.0.2
                port: 5080
                no-reply-ms: 4000
                abandon-destination: sip:abandon@10.0.0.20
                trunks:
                  - name: carrier
                    host: 10.0.0.5
                    transport: tcp
                    outbound-proxy: 10.0.0.6:5060
                    username: outdial
                    password: secret
                    max-calls-per-second: 40
                    max-concurrent-calls: 300
                    amd: x-detect
                    results:
                      "status:403": Do Not Call
                      "cause:21": SIT_REORDER
                agents:
                  places:
                    place1: sip:1001@10.0.0.7
                """);
        Trunk t = c.trunks().getFirst();
        assertThat(c.bindHost()).isEqualTo("10.0.0.2");
        assertThat(c.port()).isEqualTo(5080);
        assertThat(c.noReplyMs()).isEqualTo(4000);
        assertThat(c.abandonDestination()).contains("sip:abandon@10.0.0.20");
        assertThat(t.transport()).isEqualTo(Trunk.Transport.TCP);
        assertThat(t.port()).isEqualTo(5060);
        assertThat(t.outboundProxy()).contains("10.0.0.6:5060");
        assertThat(t.credentials()).contains(new Trunk.Credentials("outdial", "secret"));
        assertThat(t.maxCallsPerSecond()).isEqualTo(40);
        assertThat(t.amd().name()).isEqualTo("x-detect");
        assertThat(t.results().resultOf(403, 0)).isEqualTo(CallResult.DO_NOT_CALL);
        assertThat(t.results().resultOf(500, 21)).isEqualTo(CallResult.SIT_REORDER);
        assertThat(c.agentPhones().phoneOf("a1", "place1")).contains("sip:1001@10.0.0.7");
    }

    @Test
    void an_unknown_key_is_named() {
        assertThatThrownBy(() -> parse("trunks: [{name: t, host: h, transport: udp, max-cps: 3}]"))
                .hasMessageContaining("trunks[t].max-cps");
    }

    @Test
    void a_bad_transport_is_named() {
        assertThatThrownBy(() -> parse("trunks: [{name: t, host: h, transport: sctp}]"))
                .hasMessageContaining("transport 'sctp' must be udp or tcp");
    }

    @Test
    void a_configuration_without_trunks_is_refused() {
        assertThatThrownBy(() -> parse("port: 5060")).hasMessageContaining("at least one trunk");
    }

    @Test
    void a_password_without_a_user_is_refused() {
        assertThatThrownBy(() -> parse("trunks: [{name: t, host: h, password: x}]"))
                .hasMessageContaining("username and password go together");
    }

    @Test
    void an_agent_phone_must_be_a_sip_uri() {
        assertThatThrownBy(() -> parse("trunks: [{name: t, host: h}]\nagents: {places: {p1: '1001'}}"))
                .hasMessageContaining("'1001' must be a SIP URI");
    }

    @Test
    void guards_and_the_registrar_are_read() throws Exception {
        SipSwitchConfig c = parse("""
                dialog-probe-ms: 60000
                trunks:
                  - name: carrier
                    host: 10.0.0.5
                    max-call-duration-s: 7200
                    amd: cisco-cpa
                agents:
                  registrar:
                    realm: outdial.example
                    users:
                      place-101: secret
                """);
        assertThat(c.dialogProbeMs()).isEqualTo(60_000);
        assertThat(c.trunks().getFirst().maxCallDurationMs()).isEqualTo(7_200_000);
        assertThat(c.trunks().getFirst().amd().name()).isEqualTo("cisco-cpa");
        assertThat(c.agentPhones().registrarUsers().realm()).isEqualTo("outdial.example");
        assertThat(c.agentPhones().registrarUsers().passwords()).containsEntry("place-101", "secret");
        assertThat(c.agentPhones().registrarUsers().toString()).doesNotContain("secret");
    }

    @Test
    void defaults_are_a_four_hour_maximum_a_five_minute_probe_and_nobody_may_register() throws Exception {
        SipSwitchConfig c = parse("trunks: [{name: t, host: h}]");
        assertThat(c.trunks().getFirst().maxCallDurationMs()).isEqualTo(4 * 3_600_000L);
        assertThat(c.dialogProbeMs()).isEqualTo(300_000);
        assertThat(c.agentPhones().registrarUsers().passwords()).isEmpty();
    }

    @Test
    void a_bad_maximum_duration_and_unknown_registrar_keys_are_named() {
        assertThatThrownBy(() -> parse("trunks: [{name: t, host: h, max-call-duration-s: 0}]"))
                .hasMessageContaining("max-call-duration-s '0'");
        assertThatThrownBy(() -> parse("trunks: [{name: t, host: h}]\nagents: {registrar: {realm: r, pw: {}}}"))
                .hasMessageContaining("agents.registrar.pw");
    }
}
