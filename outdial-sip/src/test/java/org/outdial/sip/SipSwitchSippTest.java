package org.outdial.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outdial.engine.Command;
import org.outdial.engine.Event;
import org.outdial.record.CallResult;

/**
 * The SIP switch against sipp peers on 127.0.0.1: sipp plays the customer network behind the trunk and the agent's
 * phone; its scenarios check what they receive (caller id, SDP crossing), so its exit code 0 is part of each test.
 */
class SipSwitchSippTest {

    private static final String CALLER_ID = "18005550100";
    private static final Duration EXIT = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    private final List<AutoCloseable> open = new ArrayList<>();
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private SipSwitch sip;
    private final int switchPort = Sipp.freePort();

    @AfterEach
    void closeAll() throws Exception {
        if (sip != null) {
            sip.close();
        }
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
    }

    private Sipp sipp(String scenario, Map<String, String> vars) {
        Map<String, String> all = new java.util.HashMap<>(vars);
        all.put("outdial", "127.0.0.1:" + switchPort);
        Sipp s = Sipp.uas(scenario, all, dir);
        open.add(s);
        return s;
    }

    private void startSwitch(Trunk trunk, Integer agentPort) {
        startSwitch(trunk, agentPort, c -> c);
    }

    private void startSwitch(Trunk trunk, Integer agentPort, java.util.function.UnaryOperator<SipSwitchConfig> tweak) {
        Map<String, String> places = agentPort == null ? Map.of()
                : Map.of("p1", "sip:agent@127.0.0.1:" + agentPort);
        AgentPhones phones = new AgentPhones(places, Map.of(), new Registrations(System::currentTimeMillis, 100));
        SipSwitchConfig config = SipSwitchConfig.of("127.0.0.1", switchPort, List.of(trunk), phones)
                .withTimers(1_500, 2_000, 1_000, 3_000, 1_500);
        sip = SipSwitch.start(tweak.apply(config), System::currentTimeMillis);
        sip.start(events::add);
    }

    private static Command.Dial dial(long callId, boolean amd, long noAnswerMs, String seizedAgent) {
        return new Command.Dial(callId, UUID.randomUUID(), 1, callId, "5551234", CALLER_ID, noAnswerMs, amd,
                seizedAgent);
    }

    @SuppressWarnings("unchecked")
    private <T extends Event> T next(Class<T> type) throws InterruptedException {
        while (true) {
            Event e = events.poll(10, TimeUnit.SECONDS);
            if (e == null) {
                StringBuilder logs = new StringBuilder();
                open.stream().filter(Sipp.class::isInstance).forEach(c -> logs.append(((Sipp) c).log()));
                throw new AssertionError("no " + type.getSimpleName() + " within 10 s; sipp:\n" + logs);
            }
            if (type.isInstance(e)) {
                return (T) e;
            }
            assertThat(e).as("unexpected event while waiting for " + type.getSimpleName())
                    .isInstanceOfAny(Event.CallDialing.class, Event.CallRinging.class);
        }
    }

    private void assertPassed(Sipp s) {
        assertThat(s.awaitExit(EXIT)).as(s.log()).isZero();
    }

    private void assertFreed() {
        await().atMost(Duration.ofSeconds(5)).until(() -> sip.activeCalls() == 0 && sip.boundLegs() == 0);
    }

    // ---- customer leg --------------------------------------------------------------------------------------------

    @Test
    void answered_call_is_bridged_to_the_agent_with_sdp_crossing_both_ways() throws Exception {
        Sipp customer = sipp("customer-bridge", Map.of("callerId", CALLER_ID, "ringMs", "200"));
        Sipp agent = sipp("agent-answer", Map.of("talkMs", "300"));
        startSwitch(Trunk.udp("t", "127.0.0.1", customer.port), agent.port);

        sip.dial(dial(1, false, 10_000, null));
        assertThat(next(Event.CallDialing.class).callId()).isEqualTo(1);
        next(Event.CallRinging.class);
        assertThat(next(Event.CallAnswered.class).kind()).isEqualTo(Event.AnswerKind.HUMAN);
        sip.connect(new Command.ConnectToAgent(1, "a1", "p1"));
        next(Event.CallReleased.class); // the agent hung up; the customer got a BYE

        assertPassed(agent);    // its ACK carried the customer's answer (m=audio 6200)
        assertPassed(customer); // its re-INVITE carried the agent's offer (m=audio 7100)
        assertThat(sip.metrics().bridged()).isEqualTo(1);
        assertFreed();
    }

    @Test
    void the_campaign_caller_id_is_in_from_and_p_asserted_identity() throws Exception {
        Sipp customer = sipp("customer-answer", Map.of("ringMs", "0", "info", "",
                "detect", "P-Asserted-Identity: &lt;sip:" + CALLER_ID + "@127.0.0.1&gt;"));
        startSwitch(Trunk.udp("t", "127.0.0.1", customer.port), null);

        sip.dial(dial(2, false, 10_000, null));
        next(Event.CallAnswered.class);
        sip.release(new Command.Release(2, CallResult.ANSWER));
        assertPassed(customer);
        assertFreed();
    }

    private void assertRejection(String statusLine, String reason, CallResult expected) throws Exception {
        Sipp customer = sipp("customer-reject", Map.of("status", statusLine, "reason", reason));
        startSwitch(Trunk.udp("t", "127.0.0.1", customer.port), null);
        sip.dial(dial(3, false, 10_000, null));
        assertThat(next(Event.CallFailed.class).result()).isEqualTo(expected);
        assertPassed(customer);
        assertFreed();
    }

    @Test
    void busy_is_busy() throws Exception {
        assertRejection("486 Busy Here", "", CallResult.BUSY);
    }

    @Test
    void not_found_is_an_invalid_number() throws Exception {
        assertRejection("404 Not Found", "", CallResult.SIT_INVALID_NUM);
    }

    @Test
    void temporarily_unavailable_is_no_answer() throws Exception {
        assertRejection("480 Temporarily Unavailable", "", CallResult.NO_ANSWER);
    }

    @Test
    void service_unavailable_with_a_circuit_cause_is_no_circuit() throws Exception {
        assertRejection("503 Service Unavailable", "Reason: Q.850;cause=34;text=\"No circuit available\"",
                CallResult.SIT_NO_CIRCUIT);
    }

    @Test
    void service_unavailable_without_a_cause_is_all_trunks_busy() throws Exception {
        assertRejection("503 Service Unavailable", "", CallResult.ALL_TRUNKS_BUSY);
    }

    @Test
    void the_q850_cause_takes_precedence_over_the_status() throws Exception {
        assertRejection("480 Temporarily Unavailable", "Reason: Q.850;cause=17", CallResult.BUSY);
    }

    @Test
    void ring_no_answer_is_cancelled_by_the_ring_timer() throws Exception {
        Sipp customer = sipp("customer-noanswer", Map.of());
        startSwitch(Trunk.udp("t", "127.0.0.1", customer.port), null);
        sip.dial(dial(4, false, 800, null));
        next(Event.CallRinging.class); // 183 with early media
        assertThat(next(Event.CallFailed.class).result()).isEqualTo(CallResult.NO_ANSWER);
        assertPassed(customer); // it got the CANCEL and sent 487
        assertFreed();
    }

    @Test
    void a_trunk_that_never_responds_is_guarded_and_counted() throws Exception {
        try (DatagramSocket blackHole = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            startSwitch(Trunk.udp("silent", "127.0.0.1", blackHole.getLocalPort()), null);
            long t0 = System.nanoTime();
            sip.dial(dial(5, false, 10_000, null));
            assertThat(next(Event.CallFailed.class).result()).isEqualTo(CallResult.GENERAL_ERROR);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
            assertThat(sip.metrics().noReply()).isEqualTo(1);
            assertFreed();
        }
    }

    @Test
    void a_digest_challenge_is_answered_with_the_trunks_credentials() throws Exception {
        Sipp customer = sipp("customer-auth", Map.of("user", "outdial", "password", "s3cret"));
        startSwitch(Trunk.udp("t", "127.0.0.1", customer.port)
                .withCredentials(new Trunk.Credentials("outdial", "s3cret")), null);
        sip.dial(dial(10, false, 10_000, null));
        Event.CallFailed failed = next(Event.CallFailed.class);
        assertPassed(customer);
        assertThat(failed.result()).as("the retried INVITE reached the busy customer").isEqualTo(CallResult.BUSY);
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("Proxy-Authorization: Digest .*uri=\"([^\"]+)\".*response=\"([0-9a-f]{32})\"")
                .matcher(customer.log());
        assertThat(m.find()).as(customer.log()).isTrue();
        String ha1 = md5("outdial:trunk.example:s3cret");
        assertThat(m.group(2)).as("RFC 2617 digest over the challenged realm and nonce")
                .isEqualTo(md5(ha1 + ":8f1e2d3c4b5a:" + md5("INVITE:" + m.group(1))));
        assertFreed();
    }

    @Test
    void a_tcp_trunk_is_dialed_over_tcp() throws Exception {
        Map<String, String> vars = new java.util.HashMap<>(Map.of("status", "486 Busy Here", "reason", "",
                "outdial", "127.0.0.1:" + switchPort));
        Sipp customer = Sipp.uas("customer-reject", vars, dir, List.of("-m", "1", "-t", "t1"));
        open.add(customer);
        Trunk udp = Trunk.udp("t", "127.0.0.1", customer.port);
        startSwitch(udp.withTransport(Trunk.Transport.TCP).withLimits(10, 10), null);
        sip.dial(dial(11, false, 10_000, null));
        assertThat(next(Event.CallFailed.class).result()).isEqualTo(CallResult.BUSY);
        assertPassed(customer);
        assertFreed();
    }

    @Test
    void a_dial_above_the_trunks_concurrent_calls_is_all_trunks_busy_at_once() throws Exception {
        Sipp customer = sipp("customer-hangup", Map.of("holdMs", "500"));
        startSwitch(Trunk.udp("t", "127.0.0.1", customer.port).withLimits(10, 1), null);
        sip.dial(dial(12, false, 10_000, null));
        sip.dial(dial(13, false, 10_000, null));
        Event.CallFailed refused = next(Event.CallFailed.class);
        assertThat(refused.callId()).isEqualTo(13);
        assertThat(refused.result()).isEqualTo(CallResult.ALL_TRUNKS_BUSY);
        assertThat(sip.metrics().trunkFull()).isEqualTo(1);
        next(Event.CallAnswered.class);
        next(Event.CallDropped.class);
        assertPassed(customer);
        assertFreed();
    }

    // ---- transfer ------------------------------------------------------------------------------------------------

    @Test
    void a_transfer_bridges_the_customer_to_the_destination_and_ends_the_call_for_outdial() throws Exception {
        Sipp customer = sipp("customer-bridge", Map.of("callerId", CALLER_ID, "ringMs", "0"));
        Sipp ivr = sipp("agent-answer", Map.of("talkMs", "300"));
        startSwitch(Trunk.udp("t", "127.0.0.1", customer.port), null);
        sip.dial(dial(14, false, 10_000, null));
        next(Event.CallAnswered.class);
        sip.transfer(new Command.Transfer(14, "sip:ivr@127.0.0.1:" + ivr.port));
        next(Event.CallReleased.class);
        assertPassed(ivr);      // it got the customer's answer in its ACK, played, hung up
        assertPassed(customer); // re-INVITE with the destination's offer, then BYE
        assertThat(events.poll(300, TimeUnit.MILLISECONDS)).as("nothing more after the transfer").isNull();
        assertFreed();
    }

    @Test
    void an_abandoned_call_hears_the_abandon_message_when_one_is_configured() throws Exception {
        Sipp customer = sipp("customer-bridge", Map.of("callerId", CALLER_ID, "ringMs", "0"));
        Sipp message = sipp("agent-answer", Map.of("talkMs", "300"));
        startSwitch(Trunk.udp("t", "127.0.0.1", customer.port), null,
                c -> c.withAbandonDestination("sip:abandon@127.0.0.1:" + message.port));
        sip.dial(dial(15, false, 10_000, null));
        next(Event.CallAnswered.class);
        sip.release(new Command.Release(15, CallResult.ABANDONED));
        assertPassed(message);
        assertPassed(customer);
        assertThat(events.poll(300, TimeUnit.MILLISECONDS)).as("the engine already ended the call").isNull();
        assertFreed();
    }

    @Test
    void an_agent_phone_registered_with_outdial_is_found_by_its_place() throws Exception {
        Sipp customer = sipp("customer-bridge", Map.of("callerId", CALLER_ID, "ringMs", "0"));
        Sipp agent = sipp("agent-answer", Map.of("talkMs", "300"));
        startSwitch(Trunk.udp("t", "127.0.0.1", customer.port), null);
        assertThat(sip.registrations().register("p9", "sip:agent@127.0.0.1:" + agent.port, 60)).isTrue();
        sip.dial(dial(16, false, 10_000, null));
        next(Event.CallAnswered.class);
        sip.connect(new Command.ConnectToAgent(16, "a9", "p9"));
        next(Event.CallReleased.class);
        assertPassed(agent);
        assertPassed(customer);
        assertFreed();
    }

    private static String md5(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    // ---- answering-machine detection -----------------------------------------------------------------------------

    private void assertDetection(String subType, Event.AnswerKind expected) throws Exception {
        String info = Sipp.resource("amd-info.part").replace("${subType}", subType);
        Sipp customer = sipp("customer-answer", Map.of("ringMs", "0", "info", info,
                "detect", "X-Detect: Request=AMD"));
        startSwitch(Trunk.udp("t", "127.0.0.1", customer.port).withAmd(AmdSource.named("x-detect")), null);
        sip.dial(dial(6, true, 10_000, null));
        assertThat(next(Event.CallAnswered.class).kind()).isEqualTo(expected);
        sip.release(new Command.Release(6, expected.result()));
        assertPassed(customer);
        assertFreed();
    }

    @Test
    void amd_human_from_an_x_detect_info_is_a_human_answer() throws Exception {
        assertDetection("HUMAN", Event.AnswerKind.HUMAN);
    }

    @Test
    void amd_machine_from_an_x_detect_info_is_an_answering_machine() throws Exception {
        assertDetection("AUTOMATA", Event.AnswerKind.MACHINE);
    }

    // ---- agent leg -----------------------------------------------------------------------------------------------

    @Test
    void an_agent_who_does_not_answer_drops_the_call_and_the_customer_is_released() throws Exception {
        Sipp customer = sipp("customer-answer", Map.of("ringMs", "0", "info", "", "detect", ".*"));
        Sipp agent = sipp("agent-noanswer", Map.of());
        startSwitch(Trunk.udp("t", "127.0.0.1", customer.port), agent.port);
        sip.dial(dial(7, false, 10_000, null));
        next(Event.CallAnswered.class);
        sip.connect(new Command.ConnectToAgent(7, "a1", "p1"));
        assertThat(next(Event.CallDisposition.class).result()).isEqualTo(CallResult.DROPPED);
        next(Event.CallReleased.class);
        assertPassed(agent);    // CANCEL, 487
        assertPassed(customer); // BYE
        assertFreed();
    }

    @Test
    void a_customer_who_hangs_up_while_waiting_for_an_agent_is_dropped() throws Exception {
        Sipp customer = sipp("customer-hangup", Map.of("holdMs", "300"));
        startSwitch(Trunk.udp("t", "127.0.0.1", customer.port), null);
        sip.dial(dial(8, false, 10_000, null));
        next(Event.CallAnswered.class);
        next(Event.CallDropped.class);
        assertPassed(customer);
        assertFreed();
    }

    @Test
    void with_seizing_the_agent_is_called_first_and_bridged_on_answer() throws Exception {
        Sipp customer = sipp("customer-bridge", Map.of("callerId", CALLER_ID, "ringMs", "200"));
        Sipp agent = sipp("agent-seized", Map.of("talkMs", "300", "contact", "sip:outdial@127.0.0.1:[0-9]+&gt;",
                "ending", Sipp.resource("agent-hangs-up.part")));
        startSwitch(Trunk.udp("t", "127.0.0.1", customer.port), null,
                c -> c.withAgentPhones(new AgentPhones(Map.of(), Map.of("a1", "sip:agent@127.0.0.1:" + agent.port),
                        c.agentPhones().registrations())));
        sip.dial(dial(9, false, 10_000, "a1"));
        assertThat(next(Event.CallAnswered.class).kind()).isEqualTo(Event.AnswerKind.HUMAN);
        sip.connect(new Command.ConnectToAgent(9, "a1", "p1"));
        next(Event.CallReleased.class);
        assertPassed(agent);
        assertPassed(customer);
        assertFreed();
    }

    // ---- transport -----------------------------------------------------------------------------------------------

    @Test
    void over_tcp_the_agent_invite_and_re_invite_advertise_a_tcp_contact() throws Exception {
        Map<String, String> vars = new java.util.HashMap<>(Map.of("callerId", CALLER_ID, "ringMs", "0",
                "outdial", "127.0.0.1:" + switchPort));
        Sipp customer = Sipp.uas("customer-bridge", vars, dir, List.of("-m", "1", "-t", "t1"));
        open.add(customer);
        vars = new java.util.HashMap<>(Map.of("contact", "transport=tcp", "ending", Sipp.resource("awaits-bye.part"),
                "outdial", "127.0.0.1:" + switchPort + ";transport=tcp"));
        Sipp agent = Sipp.uas("agent-seized", vars, dir, List.of("-m", "1", "-t", "t1"));
        open.add(agent);
        startSwitch(Trunk.udp("t", "127.0.0.1", customer.port).withTransport(Trunk.Transport.TCP), null,
                c -> c.withAgentPhones(new AgentPhones(Map.of(),
                        Map.of("a1", "sip:agent@127.0.0.1:" + agent.port + ";transport=tcp"),
                        c.agentPhones().registrations())));
        sip.dial(dial(20, false, 10_000, "a1"));
        next(Event.CallAnswered.class);
        sip.connect(new Command.ConnectToAgent(20, "a1", "p1"));
        await().atMost(Duration.ofSeconds(10)).until(() -> sip.metrics().bridged() == 1);
        sip.release(new Command.Release(20, CallResult.ANSWER)); // outdial hangs up both legs over TCP
        assertPassed(agent);    // both its INVITE and the re-INVITE carried Contact ...;transport=tcp
        assertPassed(customer);
        assertFreed();
    }

    // ---- guards of bridged calls ---------------------------------------------------------------------------------

    @Test
    void a_bridged_call_past_its_trunks_maximum_duration_is_released_on_both_legs() throws Exception {
        Sipp customer = sipp("customer-bridge", Map.of("callerId", CALLER_ID, "ringMs", "0"));
        Sipp agent = sipp("agent-hold", Map.of("probe", ""));
        startSwitch(Trunk.udp("t", "127.0.0.1", customer.port).withMaxCallDuration(1_000), agent.port);
        sip.dial(dial(21, false, 10_000, null));
        next(Event.CallAnswered.class);
        sip.connect(new Command.ConnectToAgent(21, "a1", "p1"));
        next(Event.CallReleased.class); // nobody hung up: outdial did after 1 s
        assertPassed(agent);    // got the BYE
        assertPassed(customer); // got the BYE
        assertThat(sip.metrics().maxDuration()).isEqualTo(1);
        assertFreed();
    }

    @Test
    void a_bridged_call_whose_customer_lost_the_dialog_is_found_by_the_probe_and_released() throws Exception {
        Sipp customer = sipp("customer-vanish", Map.of());
        Sipp agent = sipp("agent-hold", Map.of("probe", Sipp.resource("probe-answer.part")));
        startSwitch(Trunk.udp("t", "127.0.0.1", customer.port), agent.port, c -> c.withDialogProbeMs(500));
        sip.dial(dial(22, false, 10_000, null));
        next(Event.CallAnswered.class);
        sip.connect(new Command.ConnectToAgent(22, "a1", "p1"));
        next(Event.CallReleased.class);
        assertPassed(customer); // OPTIONS answered 481, then a BYE
        assertPassed(agent);    // OPTIONS answered 200, then a BYE
        assertThat(sip.metrics().halfOpen()).isEqualTo(1);
        assertThat(sip.metrics().maxDuration()).isZero();
        assertFreed();
    }

    // ---- digest inside dialogs -----------------------------------------------------------------------------------

    @Test
    void a_challenged_re_invite_and_bye_are_sent_again_with_the_trunks_credentials() throws Exception {
        Sipp customer = sipp("customer-auth-dialog", Map.of("user", "outdial", "password", "s3cret"));
        Sipp agent = sipp("agent-answer", Map.of("talkMs", "300"));
        startSwitch(Trunk.udp("t", "127.0.0.1", customer.port)
                .withCredentials(new Trunk.Credentials("outdial", "s3cret")), agent.port);
        sip.dial(dial(23, false, 10_000, null));
        next(Event.CallAnswered.class);
        sip.connect(new Command.ConnectToAgent(23, "a1", "p1"));
        next(Event.CallReleased.class); // the agent hung up; the customer's BYE was challenged and re-sent
        assertPassed(customer); // sipp verified both digests (verifyauth)
        assertPassed(agent);
        assertThat(sip.metrics().bridged()).isEqualTo(1);
        assertFreed();
    }

    // ---- Cisco call progress analysis ----------------------------------------------------------------------------

    private void assertCpa(String event, Event.AnswerKind expected) throws Exception {
        String update = Sipp.resource("cpa-update.part").replace("${event}", event);
        Sipp customer = sipp("customer-answer", Map.of("ringMs", "0", "info", update,
                "detect", "Content-Type: application/x-cisco-cpa"));
        startSwitch(Trunk.udp("t", "127.0.0.1", customer.port).withAmd(AmdSource.named("cisco-cpa")), null);
        sip.dial(dial(24, true, 10_000, null));
        assertThat(next(Event.CallAnswered.class).kind()).isEqualTo(expected);
        sip.release(new Command.Release(24, expected.result()));
        assertPassed(customer); // the INVITE asked for CPA in a multipart body
        assertFreed();
    }

    @Test
    void cisco_cpa_answering_machine_in_an_update_is_an_answering_machine() throws Exception {
        assertCpa("Asm", Event.AnswerKind.MACHINE);
    }

    @Test
    void cisco_cpa_live_voice_in_an_update_is_a_human_answer() throws Exception {
        assertCpa("LV", Event.AnswerKind.HUMAN);
    }

    @Test
    void an_agent_phone_registered_at_an_external_registrar_is_reached_through_its_redirect() throws Exception {
        Sipp customer = sipp("customer-bridge", Map.of("callerId", CALLER_ID, "ringMs", "0"));
        Sipp agent = sipp("agent-answer", Map.of("talkMs", "300"));
        Sipp registrar = sipp("redirect", Map.of("place", "101", "phone", "127.0.0.1:" + agent.port));
        startSwitch(Trunk.udp("t", "127.0.0.1", customer.port), null,
                c -> c.withAgentPhones(new AgentPhones(Map.of("p1", "sip:101@127.0.0.1:" + registrar.port), Map.of(),
                        c.agentPhones().registrations())));
        sip.dial(dial(25, false, 10_000, null));
        next(Event.CallAnswered.class);
        sip.connect(new Command.ConnectToAgent(25, "a1", "p1"));
        next(Event.CallReleased.class);
        assertPassed(registrar); // INVITE for the place's address of record, 302 to the phone
        assertPassed(agent);     // the same offerless INVITE, then the bridge
        assertPassed(customer);
        assertFreed();
    }

    // ---- registrar -----------------------------------------------------------------------------------------------

    private void startRegistrar() {
        startSwitch(Trunk.udp("t", "127.0.0.1", 9), null,
                c -> c.withAgentPhones(new AgentPhones(Map.of(), Map.of(), c.agentPhones().registrations(),
                        "outdial.example", Map.of("place-7", "pl4ce"))));
    }

    @Test
    void a_phone_registers_with_its_places_digest_credentials() throws Exception {
        startRegistrar();
        Sipp phone = Sipp.uac("register-auth", Map.of("outdial", "127.0.0.1:" + switchPort, "user", "place-7",
                "password", "pl4ce", "expect", "200"), dir, "127.0.0.1:" + switchPort);
        open.add(phone);
        assertPassed(phone);
        assertThat(sip.registrations().contactOf("place-7")).hasValueSatisfying(c -> assertThat(c)
                .startsWith("sip:place-7@127.0.0.1:"));
        assertThat(sip.metrics().registrationsRefused()).isZero();
    }

    @Test
    void a_register_with_a_wrong_password_is_forbidden_and_binds_nothing() throws Exception {
        startRegistrar();
        Sipp phone = Sipp.uac("register-auth", Map.of("outdial", "127.0.0.1:" + switchPort, "user", "place-7",
                "password", "guess", "expect", "403"), dir, "127.0.0.1:" + switchPort);
        open.add(phone);
        assertPassed(phone);
        assertThat(sip.registrations().contactOf("place-7")).isEmpty();
        assertThat(sip.metrics().registrationsRefused()).isEqualTo(1);
    }
}
