package org.outdial.server.dialing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.outdial.engine.DialingOptions;
import org.outdial.engine.SessionConfig;

/**
 * The dialing options a campaign group sets in its options map, over {@link DialingOptions#defaults()}. Unset options
 * keep their default; a bad value is refused naming the option. Besides these the group's options hold the schedule
 * ({@link WeeklySchedule}), the abandon message ({@link SessionConfig#ABANDON_MESSAGE_OPTION}) and options other parts
 * read (e.g. {@code agent_preview_mode_start}).
 */
public final class GroupOptions {

    /** Option names and what they set, in the order they are documented. */
    public static final Map<String, String> DIALING = orderedMap(
            "abandon_limit_percent", "cap on abandoned ÷ live answers per day, percent (default 3)",
            "campaign_abandon_limit_percent", "cap over the campaign's rolling 30 days, percent (default 3)",
            "connect_timeout_s", "an answered call with no agent within this is abandoned, seconds (default 2)",
            "no_answer_timeout_s", "ring timeout of a dial, seconds (default 24)",
            "calls_per_ready_agent", "progressive modes: dials per ready agent (default 1)",
            "max_lines_per_agent", "at most this × logged-in agents dials in flight (default 4)",
            "daily_attempts_max", "dials of one record per day of its zone, 0 = no limit (default 0)",
            "ivr_ports", "Power IVR modes: calls at once (default 0)",
            "ivr_destination", "Power IVR modes: where answered calls go",
            "amd", "answering-machine detection on dials, true or false (default false)",
            "amd_false_positive_percent", "share of people the AMD takes for machines, percent (default 0)");

    private GroupOptions() {}

    private static Map<String, String> orderedMap(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * The group's dialing options.
     *
     * @throws IllegalArgumentException naming the first option whose value is wrong
     */
    public static DialingOptions dialingOptions(Map<String, String> options) {
        DialingOptions d = DialingOptions.defaults();
        double limit = percent(options, "abandon_limit_percent", d.abandonLimit());
        double campaignLimit = percent(options, "campaign_abandon_limit_percent", d.campaignAbandonLimit());
        double callsPerReady = number(options, "calls_per_ready_agent", d.callsPerReadyAgent());
        double maxLines = number(options, "max_lines_per_agent", Math.max(d.maxLinesPerAgent(), callsPerReady));
        if (callsPerReady > maxLines) {
            throw new IllegalArgumentException("option 'calls_per_ready_agent' (" + callsPerReady + ") must not exceed "
                    + "'max_lines_per_agent' (" + maxLines + ")");
        }
        String amd = options.getOrDefault("amd", Boolean.toString(d.amdEnabled())).strip();
        if (!amd.equals("true") && !amd.equals("false")) {
            throw new IllegalArgumentException("option 'amd' is '" + amd + "'; write true or false");
        }
        String destination = options.get("ivr_destination");
        try {
            return new DialingOptions(limit, campaignLimit, Math.min(d.abandonAimMargin(), Math.min(limit,
                    campaignLimit) / 2), percent(options, "amd_false_positive_percent", d.amdFalsePositiveRate()),
                    millis(options, "connect_timeout_s", d.connectTimeoutMs()),
                    millis(options, "no_answer_timeout_s", d.noAnswerMs()), maxLines, callsPerReady, d.tickMs(),
                    (int) whole(options, "daily_attempts_max", d.dailyAttemptsMax()),
                    (int) whole(options, "ivr_ports", d.ivrPorts()),
                    destination == null || destination.isBlank() ? d.ivrDestination() : destination.strip(),
                    d.claimRetryMs(), d.handleTimePriorMs(), Boolean.parseBoolean(amd));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("campaign-group options: " + e.getMessage());
        }
    }

    /**
     * Checks every option this server reads (dialing options and the schedule), for the admin API.
     *
     * @return the first bad option and what is wrong with it; empty when all are absent or valid
     */
    public static Optional<Map.Entry<String, String>> validate(Map<String, String> options) {
        for (String name : DIALING.keySet()) {
            if (options.containsKey(name)) {
                try {
                    dialingOptions(Map.of(name, options.get(name)));
                } catch (IllegalArgumentException bad) {
                    return Optional.of(Map.entry(name, bad.getMessage()));
                }
            }
        }
        try {
            dialingOptions(options);
        } catch (IllegalArgumentException bad) {
            String name = DIALING.keySet().stream().filter(n -> bad.getMessage().contains("'" + n + "'")).findFirst()
                    .orElse("calls_per_ready_agent");
            return Optional.of(Map.entry(name, bad.getMessage()));
        }
        return WeeklySchedule.validateOptions(options);
    }

    private static double number(Map<String, String> options, String name, double dflt) {
        String text = options.get(name);
        if (text == null) {
            return dflt;
        }
        try {
            double v = Double.parseDouble(text.strip());
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option '" + name + "' is '" + text + "'; write a number > 0");
        }
    }

    private static double percent(Map<String, String> options, String name, double dfltFraction) {
        String text = options.get(name);
        if (text == null) {
            return dfltFraction;
        }
        try {
            double v = Double.parseDouble(text.strip());
            if (!(v >= 0 && v < 100)) {
                throw new NumberFormatException();
            }
            return v / 100;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option '" + name + "' is '" + text + "'; write a percent from 0 to "
                    + "below 100, e.g. 3");
        }
    }

    private static long millis(Map<String, String> options, String name, long dfltMs) {
        return options.containsKey(name) ? Math.round(number(options, name, 1) * 1000) : dfltMs;
    }

    private static long whole(Map<String, String> options, String name, long dflt) {
        String text = options.get(name);
        if (text == null) {
            return dflt;
        }
        try {
            long v = Long.parseLong(text.strip());
            if (v < 0 || v > 100_000) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option '" + name + "' is '" + text + "'; write a whole number from 0 "
                    + "to 100000");
        }
    }
}
