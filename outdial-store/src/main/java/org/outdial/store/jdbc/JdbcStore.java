package org.outdial.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;
import org.outdial.store.AttemptStore;
import org.outdial.store.AuditStore;
import org.outdial.store.CallbackStore;
import org.outdial.store.ReportStore;
import org.outdial.store.CallingListStore;
import org.outdial.store.ConfigStore;
import org.outdial.store.DncStore;
import org.outdial.store.Store;
import org.outdial.store.StoreException;
import org.outdial.store.TenantStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JDBC {@link Store}: embedded H2 or PostgreSQL, chosen by the URL in {@link StoreSettings}. Open it once per
 * process with {@link #open(StoreSettings)}, share it between threads, close it at shutdown.
 */
public final class JdbcStore implements Store {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcStore.class);

    private final StoreSettings settings;
    private final HikariDataSource dataSource;
    private final String description;
    private final TenantStore tenants;
    private final CallingListStore lists;
    private final DncStore dnc;
    private final ConfigStore config;
    private final AttemptStore attempts;
    private final org.outdial.store.StatusTargetStore statusTargets;
    private final AuditStore audit;
    private final CallbackStore callbacks;
    private final ReportStore reports;
    private final org.outdial.store.AbandonTallyStore abandonTallies;

    private JdbcStore(StoreSettings settings, HikariDataSource dataSource, String description, Clock clock) {
        this.settings = settings;
        this.dataSource = dataSource;
        this.description = description;
        Jdbc jdbc = new Jdbc(dataSource, Dialect.of(settings.jdbcUrl()));
        TimeZones zones = new TimeZones(jdbc);
        this.tenants = new TenantRepository(jdbc, clock);
        ListCatalog catalog = new ListCatalog(jdbc);
        this.lists = new CallingListRepository(jdbc, catalog, zones);
        this.dnc = new DncRepository(jdbc);
        this.config = new ConfigRepository(jdbc);
        this.attempts = new AttemptRepository(jdbc);
        this.statusTargets = new StatusTargetRepository(jdbc);
        this.audit = new AuditRepository(jdbc);
        this.callbacks = new CallbackRepository(jdbc, catalog);
        this.reports = new ReportRepository(jdbc, catalog);
        this.abandonTallies = new AbandonTallyRepository(jdbc);
    }

    /**
     * Connects (and migrates the schema when {@link StoreSettings#migrateOnOpen()} is set).
     *
     * @throws StoreException when the database cannot be reached or migrated; the message names the URL (without
     *                        password) and what to check
     */
    public static JdbcStore open(StoreSettings settings) {
        return open(settings, Clock.systemUTC());
    }

    /** As {@link #open(StoreSettings)}, with the clock used to stamp token creation and revocation. */
    public static JdbcStore open(StoreSettings settings, Clock clock) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clock, "clock");
        HikariDataSource dataSource = connect(settings);
        try {
            String description = describe(dataSource, settings);
            if (settings.migrateOnOpen()) {
                Migrations.migrate(dataSource, settings.redactedUrl());
            }
            LOG.info("store opened: {}", description);
            return new JdbcStore(settings, dataSource, description, clock);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    /**
     * Brings the schema up to date (what {@code open} does unless told not to).
     *
     * @return the number of migrations applied
     */
    public int migrate() {
        return Migrations.migrate(dataSource, settings.redactedUrl());
    }

    @Override
    public TenantStore tenants() {
        return tenants;
    }

    @Override
    public CallingListStore lists() {
        return lists;
    }

    @Override
    public DncStore dnc() {
        return dnc;
    }

    @Override
    public ConfigStore config() {
        return config;
    }

    @Override
    public AttemptStore attempts() {
        return attempts;
    }

    @Override
    public org.outdial.store.StatusTargetStore statusTargets() {
        return statusTargets;
    }

    @Override
    public AuditStore audit() {
        return audit;
    }

    @Override
    public org.outdial.store.AbandonTallyStore abandonTallies() {
        return abandonTallies;
    }

    @Override
    public CallbackStore callbacks() {
        return callbacks;
    }

    @Override
    public ReportStore reports() {
        return reports;
    }

    @Override
    public String describe() {
        return description;
    }

    public StoreSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        dataSource.close();
        LOG.info("store closed: {}", description);
    }

    private static HikariDataSource connect(StoreSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("outdial-store");
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(Math.min(2, settings.poolSize()));
        config.setConnectionTimeout(settings.connectionTimeoutMs());
        // an H2 file held by another process stays held: one attempt, so the "in use" message comes at once
        config.setInitializationFailTimeout(settings.isH2() ? 1 : settings.connectionTimeoutMs());
        config.setAutoCommit(true);
        if (!settings.isH2()) {
            // bounded time to connect so a wrong host fails within the timeout instead of the driver's own
            config.addDataSourceProperty("connectTimeout", Math.max(1, settings.connectionTimeoutMs() / 1000));
        }
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw unreachable(settings, e);
        }
    }

    /** H2's error code for a database file locked by another process. */
    private static final int H2_FILE_IN_USE = 90020;

    static StoreException unreachable(StoreSettings settings, RuntimeException e) {
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof SQLException)) {
            cause = cause.getCause();
        }
        if (settings.isH2() && cause instanceof SQLException sql && sql.getErrorCode() == H2_FILE_IN_USE) {
            return new StoreException("the embedded database " + settings.redactedUrl().split(";", 2)[0]
                    + " is in use by another outdial process (a server or demo on the same data directory): stop it"
                    + " first, or use PostgreSQL (--db-url) so that several processes can share the database.", e);
        }
        String reason = Jdbc.firstLine(cause.getMessage()).replaceAll("\\.+$", "");
        String fix = settings.isH2()
                ? "Check that the data directory exists and is writable, and that no other outdial process is using it"
                : "Check that PostgreSQL is running and reachable from here, that the database exists, and that the"
                        + " URL, user and password in the store settings are right";
        return new StoreException("cannot open the database " + settings.redactedUrl() + " as user '" + settings.user()
                + "': " + reason + ". " + fix + ".", e);
    }

    private static String describe(HikariDataSource dataSource, StoreSettings settings) {
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            String version = meta.getDatabaseProductVersion();
            if (settings.isH2()) {
                // "2.5.252 (2026-…)" → "2.5.252"; H2 reports where the file is, which helps in /health
                String location = settings.jdbcUrl().substring("jdbc:h2:".length()).split(";", 2)[0];
                return "H2 " + version.split(" ", 2)[0] + " (" + location + ")";
            }
            return "PostgreSQL " + version.split(" ", 2)[0];
        } catch (SQLException e) {
            throw unreachable(settings, new RuntimeException(e));
        }
    }
}
