package org.outdial.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One scenario of a {@code pacing-benchmark/1} file, defaults merged in. Times are seconds.
 *
 * @param outcomeProbsByHour one {@link OutcomeProbs} per shift hour (the last applies to later hours); never empty
 */
record Scenario(String id, String description, int agents, double shiftHours, int days, double tickS,
                double abandonTimeoutS, double abandonLimit, double safetyMargin, double maxLinesPerAgent,
                double dialCutoffBeforeEndS, double noAnswerTimeoutS, double connectDelayS,
                List<OutcomeProbs> outcomeProbsByHour, Dist ringTimeLiveS, Dist ringTimeMachineS, Dist busySignalS,
                Dist invalidS, Dist talkS, Dist wrapS, Dist machineHandleS, Dist machineWrapS, Amd amd) {

    record OutcomeProbs(double live, double machine, double noAnswer, double busy, double invalid) {}

    record Amd(boolean enabled, Dist detectHumanS, Dist detectMachineS, double falsePositiveRate,
               double falseNegativeRate) {}

    static final Set<String> KEYS = Set.of("id", "description", "agents", "shift_hours", "days", "tick_s",
            "abandon_timeout_s", "abandon_limit", "safety_margin", "max_lines_per_agent", "dial_cutoff_before_end_s",
            "no_answer_timeout_s", "connect_delay_s", "outcome_probs", "outcome_probs_by_hour", "ring_time_live_s",
            "ring_time_machine_s", "busy_signal_s", "invalid_s", "talk_s", "wrap_s", "machine_handle_s",
            "machine_wrap_s", "amd");
    private static final Set<String> AMD_KEYS = Set.of("enabled", "detect_human_s", "detect_machine_s",
            "false_positive_rate", "false_negative_rate");
    private static final Set<String> OUTCOME_KEYS = Set.of("live", "machine", "no_answer", "busy", "invalid");

    OutcomeProbs outcomeProbsAtHour(int hour) {
        return outcomeProbsByHour.get(Math.min(Math.max(0, hour), outcomeProbsByHour.size() - 1));
    }

    /** Deep-merges {@code override} into a copy of {@code defaults}; an object with "dist" replaces. */
    static ObjectNode merge(ObjectNode defaults, ObjectNode override) {
        ObjectNode result = defaults.deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> it = override.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode base = result.get(e.getKey());
            JsonNode value = e.getValue();
            if (base != null && base.isObject() && value.isObject() && !value.has("dist") && !base.has("dist")) {
                result.set(e.getKey(), merge((ObjectNode) base, (ObjectNode) value));
            } else {
                result.set(e.getKey(), value.deepCopy());
            }
        }
        return result;
    }

    static Scenario parse(ObjectNode n) {
        String id = n.path("id").asText("?");
        String where = "scenario " + id;
        unknownKeys(n, KEYS, where);
        JsonNode amdNode = require(n, "amd", where);
        unknownKeys(amdNode, AMD_KEYS, where + " amd");
        List<OutcomeProbs> byHour = new ArrayList<>();
        if (n.has("outcome_probs_by_hour")) {
            JsonNode list = n.get("outcome_probs_by_hour");
            if (!list.isArray() || list.isEmpty()) {
                throw new ScenarioException(where + ": \"outcome_probs_by_hour\" must be a non-empty list");
            }
            for (int i = 0; i < list.size(); i++) {
                byHour.add(outcomes(list.get(i), where + " outcome_probs_by_hour[" + i + "]"));
            }
        } else {
            byHour.add(outcomes(require(n, "outcome_probs", where), where + " outcome_probs"));
        }
        Amd amd = new Amd(require(amdNode, "enabled", where + " amd").asBoolean(),
                dist(amdNode, "detect_human_s", where + " amd"), dist(amdNode, "detect_machine_s", where + " amd"),
                fraction(amdNode, "false_positive_rate", where + " amd"),
                fraction(amdNode, "false_negative_rate", where + " amd"));
        Scenario s = new Scenario(id, n.path("description").asText(""), (int) positive(n, "agents", where),
                positive(n, "shift_hours", where), (int) positive(n, "days", where), positive(n, "tick_s", where),
                positive(n, "abandon_timeout_s", where), fraction(n, "abandon_limit", where),
                fraction(n, "safety_margin", where), positive(n, "max_lines_per_agent", where),
                nonNegative(n, "dial_cutoff_before_end_s", where), positive(n, "no_answer_timeout_s", where),
                nonNegative(n, "connect_delay_s", where), List.copyOf(byHour), dist(n, "ring_time_live_s", where),
                dist(n, "ring_time_machine_s", where), dist(n, "busy_signal_s", where), dist(n, "invalid_s", where),
                dist(n, "talk_s", where), dist(n, "wrap_s", where), dist(n, "machine_handle_s", where),
                dist(n, "machine_wrap_s", where), amd);
        if (s.maxLinesPerAgent() < 1) {
            throw new ScenarioException(where + ": \"max_lines_per_agent\" must be >= 1, got " + s.maxLinesPerAgent());
        }
        return s;
    }

    private static OutcomeProbs outcomes(JsonNode node, String where) {
        unknownKeys(node, OUTCOME_KEYS, where);
        OutcomeProbs p = new OutcomeProbs(fraction(node, "live", where), fraction(node, "machine", where),
                fraction(node, "no_answer", where), fraction(node, "busy", where), fraction(node, "invalid", where));
        double sum = p.live() + p.machine() + p.noAnswer() + p.busy() + p.invalid();
        if (Math.abs(sum - 1) > 1e-6) {
            throw new ScenarioException(where + ": probabilities must sum to 1, got " + sum);
        }
        return p;
    }

    private static void unknownKeys(JsonNode node, Set<String> allowed, String where) {
        if (!node.isObject()) {
            throw new ScenarioException(where + ": expected an object, got " + node);
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw new ScenarioException(where + ": unknown key \"" + key + "\"");
            }
        }
    }

    private static JsonNode require(JsonNode n, String key, String where) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            throw new ScenarioException(where + ": missing \"" + key + "\"");
        }
        return v;
    }

    private static Dist dist(JsonNode n, String key, String where) {
        return Dist.parse(require(n, key, where), where + " " + key);
    }

    private static double number(JsonNode n, String key, String where) {
        JsonNode v = require(n, key, where);
        if (!v.isNumber()) {
            throw new ScenarioException(where + ": \"" + key + "\" must be a number, got " + v);
        }
        return v.asDouble();
    }

    private static double positive(JsonNode n, String key, String where) {
        double v = number(n, key, where);
        if (!(v > 0)) {
            throw new ScenarioException(where + ": \"" + key + "\" must be > 0, got " + v);
        }
        return v;
    }

    private static double nonNegative(JsonNode n, String key, String where) {
        double v = number(n, key, where);
        if (!(v >= 0)) {
            throw new ScenarioException(where + ": \"" + key + "\" must be >= 0, got " + v);
        }
        return v;
    }

    private static double fraction(JsonNode n, String key, String where) {
        double v = number(n, key, where);
        if (!(v >= 0 && v <= 1)) {
            throw new ScenarioException(where + ": \"" + key + "\" must be between 0 and 1, got " + v);
        }
        return v;
    }
}
