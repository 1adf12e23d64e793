package org.outdial.store;

/**
 * Everything outdial keeps: one store, reached through the part that names the concept. One JDBC implementation serves
 * embedded H2 and PostgreSQL. All methods are blocking and thread-safe; the engine never calls them on its own thread
 * (adapters do, and report back with events).
 */
public interface Store extends AutoCloseable {

    TenantStore tenants();

    CallingListStore lists();

    DncStore dnc();

    ConfigStore config();

    AttemptStore attempts();

    /** Targets of campaign-group status notifications. */
    StatusTargetStore statusTargets();

    /** Who changed what through the API. */
    AuditStore audit();

    /** Callback services and callbacks; stores without them say so. */
    default CallbackStore callbacks() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no callbacks");
    }

    /** The reporting pipeline and reports; stores without them say so. */
    default ReportStore reports() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no reports");
    }

    /** The abandon guards' tallies, kept so a restart keeps the abandon caps; stores without them say so. */
    default AbandonTallyStore abandonTallies() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no abandon tallies");
    }

    /** Which database this is, for logs and {@code /health}: e.g. "H2 2.5.252" or "PostgreSQL 18.1". */
    String describe();

    @Override
    void close();
}
