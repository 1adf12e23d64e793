package org.outdial.sip;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import org.outdial.record.CallResult;

/**
 * Reads the SIP switch's configuration from YAML (docs/sip.md shows a worked example). Every error names the key,
 * the value and what is allowed; unknown keys are errors, so a typo never silently falls back to a default.
 */
public final class SipConfigFile {

    private static final Set<String> TOP = Set.of("listen", "port", "sip-threads", "no-reply-ms", "amd-timeout-ms",
            "agent-answer-ms", "reinvite-timeout-ms", "cancel-guard-ms", "abandon-destination", "trunks", "agents",
            "dialog-probe-ms");
    private static final Set<String> TRUNK = Set.of("name", "host", "port", "transport", "outbound-proxy",
            "username", "password", "max-calls-per-second", "max-concurrent-calls", "prefixes", "offer-sdp", "amd",
            "results", "max-call-duration-s");
    private static final Set<String> AGENTS = Set.of("places", "agents", "max-registrations", "registrar");
    private static final Set<String> REGISTRAR = Set.of("realm", "users");

    private SipConfigFile() {}

    /** @throws IllegalArgumentException naming the file and what is wrong */
    public static SipSwitchConfig load(Path file, LongSupplier clockMs) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("SIP configuration " + file.toAbsolutePath()
                    + " does not exist; write one (docs/sip.md has an example) or set switch.sip-config");
        }
        try {
            return parse(new ObjectMapper(new YAMLFactory()).readTree(file.toFile()), clockMs);
        } catch (IOException e) {
            throw new IllegalArgumentException("SIP configuration " + file + " is not valid YAML: " + e.getMessage(),
                    e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("SIP configuration " + file + ": " + e.getMessage(), e);
        }
    }

    public static SipSwitchConfig parse(JsonNode root, LongSupplier clockMs) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the SIP configuration must be a mapping with trunks: and agents:");
        }
        onlyKeys(root, TOP, "");
        JsonNode trunksNode = root.path("trunks");
        if (!trunksNode.isArray() || trunksNode.isEmpty()) {
            throw new IllegalArgumentException("trunks: needs at least one trunk (name, host, port)");
        }
        List<Trunk> trunks = new ArrayList<>();
        for (JsonNode t : trunksNode) {
            trunks.add(trunk(t));
        }
        JsonNode agentsNode = root.path("agents");
        if (!agentsNode.isMissingNode()) {
            onlyKeys(agentsNode, AGENTS, "agents.");
        }
        Registrations registrations = new Registrations(clockMs,
                integer(agentsNode, "max-registrations", 10_000, 1, 1_000_000, "agents."));
        JsonNode registrarNode = agentsNode.path("registrar");
        if (!registrarNode.isMissingNode() && !registrarNode.isNull()) {
            if (!registrarNode.isObject()) {
                throw new IllegalArgumentException("agents.registrar must be a mapping with realm: and users:");
            }
            onlyKeys(registrarNode, REGISTRAR, "agents.registrar.");
        }
        AgentPhones phones = new AgentPhones(strings(agentsNode.path("places"), "agents.places"),
                strings(agentsNode.path("agents"), "agents.agents"), registrations,
                text(registrarNode, "realm", null), strings(registrarNode.path("users"), "agents.registrar.users"));
        String listen = text(root, "listen", "0.0.0.0");
        return new SipSwitchConfig(listen, integer(root, "port", 5060, 1, 65_535, ""), trunks, phones,
                integer(root, "no-reply-ms", 5_000, 1, 600_000, ""),
                integer(root, "amd-timeout-ms", 6_000, 1, 600_000, ""),
                integer(root, "agent-answer-ms", 15_000, 1, 600_000, ""),
                integer(root, "reinvite-timeout-ms", 8_000, 1, 29_999, ""),
                integer(root, "cancel-guard-ms", 4_000, 1, 600_000, ""),
                integer(root, "sip-threads", 8, 1, 256, ""),
                Optional.ofNullable(root.hasNonNull("abandon-destination")
                        ? root.get("abandon-destination").asText() : null),
                integer(root, "dialog-probe-ms", (int) SipSwitchConfig.DEFAULT_DIALOG_PROBE_MS, 1, 3_600_000, ""));
    }

    private static Trunk trunk(JsonNode t) {
        String name = text(t, "name", null);
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("every trunk needs a name:");
        }
        String at = "trunks[" + name + "].";
        onlyKeys(t, TRUNK, at);
        String transportText = text(t, "transport", "udp").toUpperCase(Locale.ROOT);
        Trunk.Transport transport;
        try {
            transport = Trunk.Transport.valueOf(transportText);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(at + "transport '" + transportText.toLowerCase(Locale.ROOT)
                    + "' must be udp or tcp");
        }
        String user = text(t, "username", null);
        String password = text(t, "password", null);
        if ((user == null) != (password == null)) {
            throw new IllegalArgumentException(at + "username and password go together (digest credentials)");
        }
        Map<String, CallResult> overrides = new LinkedHashMap<>();
        strings(t.path("results"), at + "results").forEach((k, v) -> overrides.put(k, callResult(v, at + k)));
        List<String> prefixes = new ArrayList<>();
        t.path("prefixes").forEach(p -> prefixes.add(p.asText()));
        try {
            return new Trunk(name, text(t, "host", null), integer(t, "port", 5060, 1, 65_535, at), transport,
                    Optional.ofNullable(text(t, "outbound-proxy", null)),
                    user == null ? Optional.empty() : Optional.of(new Trunk.Credentials(user, password)),
                    integer(t, "max-calls-per-second", 50, 1, 10_000, at),
                    integer(t, "max-concurrent-calls", 500, 1, 1_000_000, at), prefixes,
                    Optional.ofNullable(text(t, "offer-sdp", null)), AmdSource.named(text(t, "amd", "none")),
                    CallResultTable.defaults().withOverrides(overrides),
                    1_000L * integer(t, "max-call-duration-s", (int) (Trunk.DEFAULT_MAX_CALL_DURATION_MS / 1_000), 1,
                            7 * 86_400, at));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(at + " " + e.getMessage(), e);
        }
    }

    /** A call result by its enum name ({@code SIT_INTERCEPT}), its label ({@code SIT IC}) or its code (13). */
    static CallResult callResult(String text, String where) {
        String t = text.trim();
        for (CallResult r : CallResult.values()) {
            if (r.name().equalsIgnoreCase(t.replace(' ', '_')) || r.label().equalsIgnoreCase(t)
                    || Integer.toString(r.code()).equals(t)) {
                return r;
            }
        }
        throw new IllegalArgumentException(where + ": '" + text + "' is not a call result; use a name like "
                + "SIT_INTERCEPT, a label like \"SIT IC\" or a code 0..53 (" + Arrays.stream(CallResult.values())
                .limit(3).map(CallResult::name).toList() + " ...)");
    }

    private static void onlyKeys(JsonNode node, Set<String> allowed, String at) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException("unknown key " + at + key + "; allowed: "
                        + allowed.stream().sorted().toList());
            }
        }
    }

    private static String text(JsonNode node, String key, String fallback) {
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? fallback : v.asText();
    }

    private static int integer(JsonNode node, String key, int fallback, int min, int max, String at) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.canConvertToInt() || v.asInt() < min || v.asInt() > max) {
            throw new IllegalArgumentException(at + key + " '" + v.asText() + "' must be a whole number from " + min
                    + " to " + max);
        }
        return v.asInt();
    }

    private static Map<String, String> strings(JsonNode node, String at) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node.isMissingNode() || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException(at + " must be a mapping of names to values");
        }
        node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }
}
