package org.outdial.server.config;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Objects;
import org.outdial.record.CallingWindow;

/**
 * Every setting of one outdial process, validated once and immutable. Built by {@link SettingsLoader}; the keys, flags,
 * environment variables and defaults are in {@link SettingsCatalog}.
 *
 * @param data the data directory, absolute
 */
public record Settings(Path data, Db db, Http http, Server server, Log log, Import imports, ListDefaults list,
                       Feeds feeds, Switching switching) {

    public Settings {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(db, "db");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(imports, "imports");
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(feeds, "feeds");
        Objects.requireNonNull(switching, "switching");
    }

    /**
     * @param url the JDBC URL, never empty: the embedded default is already filled in
     */
    public record Db(String url, String user, String password, int poolSize) {

        public boolean isEmbeddedH2() {
            return url.startsWith("jdbc:h2:");
        }

        @Override
        public String toString() {
            return "Db[url=" + url + ", user=" + user + ", password=" + (password.isEmpty() ? "" : "(hidden)")
                    + ", poolSize=" + poolSize + "]";
        }
    }

    public record Http(String host, int port, int stopTimeoutMs) {}

    /** @param applicationId owner id written into claimed records */
    public record Server(int applicationId) {}

    public record Log(LogLevel level, LogFormat format) {}

    public record Import(int batchSize) {}

    /** Defaults of new calling lists. */
    public record ListDefaults(String country, ZoneId timeZone, CallingWindow window, int maxAttempts) {}

    /**
     * The event feeds.
     *
     * @param statusUris         status notification targets for every group (more are stored per tenant or group)
     * @param statusIntervalSec  periodic notifications of running groups; 0 = off
     * @param outcomePort        TCP port of the outcome feed; -1 = off, 0 = any free port
     * @param subscriberQueue    messages held for one slow subscriber before new ones are dropped
     */
    public record Feeds(java.util.List<java.net.URI> statusUris, int statusIntervalSec, int statusConnectTimeoutMs,
                        int statusTimeoutMs, int outcomePort, int subscriberQueue) {
        public Feeds {
            statusUris = java.util.List.copyOf(statusUris);
        }
    }

    /** Which switch dials; {@code sipConfig} is absolute and read only for {@link SwitchType#SIP}. */
    public record Switching(SwitchType type, Path sipConfig) {}

    public enum SwitchType { SIM, SIP }

    public enum LogLevel { ERROR, WARN, INFO, DEBUG, TRACE }

    public enum LogFormat { TEXT, JSON }

    /**
     * The embedded database of a data directory. H2 in embedded mode is opened by one process at a time (its
     * AUTO_SERVER mixed mode cannot be combined with the settings the store needs), so a command on the same data
     * directory waits for the server to stop; several processes share PostgreSQL.
     */
    public static String embeddedUrl(Path data) {
        return "jdbc:h2:file:" + data.resolve("outdial").toAbsolutePath().normalize();
    }

    /** Builds the tree from resolved values; the only place that maps catalog entries to record components. */
    static Settings from(ResolvedSettings values, Path workingDir) {
        Path data = workingDir.resolve(values.get(SettingsCatalog.DATA)).toAbsolutePath().normalize();
        String url = values.get(SettingsCatalog.DB_URL);
        return new Settings(
                data,
                new Db(url.isEmpty() ? embeddedUrl(data) : url,
                        values.get(SettingsCatalog.DB_USER),
                        values.get(SettingsCatalog.DB_PASSWORD),
                        values.get(SettingsCatalog.DB_POOL_SIZE)),
                new Http(values.get(SettingsCatalog.HTTP_HOST),
                        values.get(SettingsCatalog.HTTP_PORT),
                        values.get(SettingsCatalog.HTTP_STOP_TIMEOUT_MS)),
                new Server(values.get(SettingsCatalog.SERVER_APPLICATION_ID)),
                new Log(values.get(SettingsCatalog.LOG_LEVEL), values.get(SettingsCatalog.LOG_FORMAT)),
                new Import(values.get(SettingsCatalog.IMPORT_BATCH_SIZE)),
                new ListDefaults(values.get(SettingsCatalog.LIST_DEFAULT_COUNTRY),
                        values.get(SettingsCatalog.LIST_DEFAULT_TIME_ZONE),
                        values.get(SettingsCatalog.LIST_DEFAULT_WINDOW),
                        values.get(SettingsCatalog.LIST_DEFAULT_MAX_ATTEMPTS)),
                new Feeds(values.get(SettingsCatalog.FEEDS_STATUS_URIS),
                        values.get(SettingsCatalog.FEEDS_STATUS_INTERVAL_SEC),
                        values.get(SettingsCatalog.FEEDS_STATUS_CONNECT_TIMEOUT_MS),
                        values.get(SettingsCatalog.FEEDS_STATUS_TIMEOUT_MS),
                        values.get(SettingsCatalog.FEEDS_OUTCOME_PORT),
                        values.get(SettingsCatalog.FEEDS_SUBSCRIBER_QUEUE)),
                new Switching(values.get(SettingsCatalog.SWITCH_TYPE),
                        workingDir.resolve(values.get(SettingsCatalog.SWITCH_SIP_CONFIG)).toAbsolutePath().normalize()));
    }
}
