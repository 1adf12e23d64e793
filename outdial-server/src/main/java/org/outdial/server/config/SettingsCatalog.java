package org.outdial.server.config;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.outdial.record.CallingWindow;

/**
 * Every setting outdial has, in the order the reference shows them. Adding a setting here adds its YAML key, flag,
 * environment variable and documentation; {@link Settings#from} must then read it.
 */
public final class SettingsCatalog {

    private SettingsCatalog() {}

    public static final Setting<Path> DATA = new Setting<>("data",
            "Directory for everything outdial keeps locally: the embedded database, the demo token, import error files.",
            "./data", Parsers.path(), false, List.of());

    public static final Setting<String> DB_URL = new Setting<>("db.url",
            "JDBC URL of the database. Empty = embedded H2 in <data>/outdial.mv.db (one outdial process at a time). "
                    + "For PostgreSQL: jdbc:postgresql://HOST:5432/DB.",
            "", Parsers.jdbcUrl(), false, List.of());

    public static final Setting<String> DB_USER = new Setting<>("db.user",
            "Database user. Empty = the driver's default (embedded H2 needs none).",
            "", Parsers.text("any text"), false, List.of());

    public static final Setting<String> DB_PASSWORD = new Setting<>("db.password",
            "Database password. Prefer the environment variable to keep it out of files.",
            "", Parsers.text("any text"), true, List.of());

    public static final Setting<Integer> DB_POOL_SIZE = new Setting<>("db.pool-size",
            "Maximum number of open database connections.",
            "10", Parsers.integer(1, 200), false, List.of());

    public static final Setting<String> HTTP_HOST = new Setting<>("http.host",
            "Address the HTTP server listens on: 0.0.0.0 = every interface, 127.0.0.1 = this machine only.",
            "0.0.0.0", Parsers.hostName(), false, List.of());

    public static final Setting<Integer> HTTP_PORT = new Setting<>("http.port",
            "TCP port of the HTTP server (REST API, /health, /metrics). 0 = any free port.",
            "8080", Parsers.integer(0, 65535), false, List.of("--port"));

    public static final Setting<Integer> HTTP_STOP_TIMEOUT_MS = new Setting<>("http.stop-timeout-ms",
            "On shutdown, how long requests in progress may take to finish before the server closes, milliseconds.",
            "5000", Parsers.integer(0, 600_000), false, List.of());

    public static final Setting<Integer> SERVER_APPLICATION_ID = new Setting<>("server.application-id",
            "This server's application id: the owner written into records it claims (app_id). Unique per server "
                    + "sharing one database.",
            "1", Parsers.integer(1, Integer.MAX_VALUE), false, List.of());

    public static final Setting<Settings.LogLevel> LOG_LEVEL = new Setting<>("log.level",
            "Least severe level of log lines the server writes (command-line tools write warnings and errors only).",
            "info", Parsers.choice(Settings.LogLevel.class), false, List.of());

    public static final Setting<Settings.LogFormat> LOG_FORMAT = new Setting<>("log.format",
            "Log line format: text = one key=value line per event, json = one JSON object per line.",
            "text", Parsers.choice(Settings.LogFormat.class), false, List.of());

    public static final Setting<Integer> IMPORT_BATCH_SIZE = new Setting<>("import.batch-size",
            "Records written per database transaction when importing a calling list.",
            "1000", Parsers.integer(1, 100_000), false, List.of());

    public static final Setting<String> LIST_DEFAULT_COUNTRY = new Setting<>("list.default-country",
            "Country for new calling lists: national phone numbers are read as numbers of this country.",
            "US", Parsers.country(), false, List.of());

    public static final Setting<ZoneId> LIST_DEFAULT_TIME_ZONE = new Setting<>("list.default-time-zone",
            "Time zone for new calling lists: records without one are called by this zone's clock.",
            "America/New_York", Parsers.zone(), false, List.of());

    public static final Setting<CallingWindow> LIST_DEFAULT_WINDOW = new Setting<>("list.default-window",
            "Calling hours for new calling lists, local to each record's time zone.",
            "08:00-21:00", Parsers.window(), false, List.of());

    public static final Setting<Integer> LIST_DEFAULT_MAX_ATTEMPTS = new Setting<>("list.default-max-attempts",
            "Maximum attempts per record for new calling lists; treatments stop retrying after it.",
            "10", Parsers.integer(1, 1000), false, List.of());

    public static final Setting<List<java.net.URI>> FEEDS_STATUS_URIS = new Setting<>("feeds.status-uris",
            "Web or application servers that receive every campaign group's status notifications (HTTP POST, JSON), "
                    + "comma-separated; targets per tenant or campaign group are stored in the database as well.",
            "", Parsers.httpUris(), false, List.of());

    public static final Setting<Integer> FEEDS_STATUS_INTERVAL_SEC = new Setting<>("feeds.status-interval-sec",
            "Seconds between periodic status notifications of running campaign groups; 0 = changes only.",
            "10", Parsers.integer(0, 86_400), false, List.of());

    public static final Setting<Integer> FEEDS_STATUS_CONNECT_TIMEOUT_MS = new Setting<>(
            "feeds.status-connect-timeout-ms",
            "How long a status notification may take to connect, milliseconds; a failed POST is not retried.",
            "1000", Parsers.integer(1, 60_000), false, List.of());

    public static final Setting<Integer> FEEDS_STATUS_TIMEOUT_MS = new Setting<>("feeds.status-timeout-ms",
            "How long a status notification may take from sending to the answer, milliseconds.",
            "2000", Parsers.integer(1, 60_000), false, List.of());

    public static final Setting<Integer> FEEDS_OUTCOME_PORT = new Setting<>("feeds.outcome-port",
            "TCP port of the outcome feed (Softdial framing, OZ messages). -1 = off, 0 = any free port.",
            "-1", Parsers.integer(-1, 65535), false, List.of());

    public static final Setting<Integer> FEEDS_SUBSCRIBER_QUEUE = new Setting<>("feeds.subscriber-queue",
            "Messages held for one slow outcome-feed or CTI subscriber; beyond it new messages to him are dropped "
                    + "and counted.",
            "10000", Parsers.integer(16, 1_000_000), false, List.of());

    public static final Setting<Settings.SwitchType> SWITCH_TYPE = new Setting<>("switch.type",
            "Which switch dials: sim = the built-in simulation with virtual agents, sip = real calls over SIP trunks "
                    + "with third-party call control (configured in switch.sip-config; see docs/sip.md).",
            "sim", Parsers.choice(Settings.SwitchType.class), false, List.of("--switch"));

    public static final Setting<Path> SWITCH_SIP_CONFIG = new Setting<>("switch.sip-config",
            "YAML file with the SIP switch's trunks, agents' phones and timers (used when switch.type is sip).",
            "sip.yaml", Parsers.path(), false, List.of());

    public static final List<Setting<?>> ALL = List.of(
            DATA,
            DB_URL, DB_USER, DB_PASSWORD, DB_POOL_SIZE,
            HTTP_HOST, HTTP_PORT, HTTP_STOP_TIMEOUT_MS,
            SERVER_APPLICATION_ID,
            LOG_LEVEL, LOG_FORMAT,
            IMPORT_BATCH_SIZE,
            LIST_DEFAULT_COUNTRY, LIST_DEFAULT_TIME_ZONE, LIST_DEFAULT_WINDOW, LIST_DEFAULT_MAX_ATTEMPTS,
            FEEDS_STATUS_URIS, FEEDS_STATUS_INTERVAL_SEC, FEEDS_STATUS_CONNECT_TIMEOUT_MS, FEEDS_STATUS_TIMEOUT_MS,
            FEEDS_OUTCOME_PORT, FEEDS_SUBSCRIBER_QUEUE, SWITCH_TYPE, SWITCH_SIP_CONFIG);

    /** Names a config file by flag or environment; not a setting itself because it says where the settings are. */
    public static final String CONFIG_FLAG = "--config";
    public static final String CONFIG_ENV = "OUTDIAL_CONFIG";
    public static final String CONFIG_DEFAULT_FILE = "outdial.yaml";

    public static Optional<Setting<?>> byKey(String key) {
        return ALL.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    public static Optional<Setting<?>> byEnvVar(String name) {
        return ALL.stream().filter(s -> s.envVar().equals(name)).findFirst();
    }

    /** Section names in catalog order, "" (top level) first. */
    public static List<String> sections() {
        return ALL.stream().map(Setting::section).distinct().toList();
    }

    public static List<Setting<?>> inSection(String section) {
        return ALL.stream().filter(s -> s.section().equals(section)).toList();
    }
}
