package org.outdial.server.db;

import org.outdial.server.OutdialException;
import org.outdial.server.config.Settings;
import org.outdial.store.Store;

/** Opens the store the settings name. */
public final class Databases {

    private Databases() {}

    /** Opens the store, bringing its schema up to date first. */
    public static Store open(Settings settings) {
        throw new OutdialException("this build has no JDBC store yet (" + settings.db().url() + ")");
    }
}
