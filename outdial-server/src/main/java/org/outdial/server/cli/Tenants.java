package org.outdial.server.cli;

import org.outdial.list.CallingList;
import org.outdial.server.OutdialException;
import org.outdial.store.ConflictException;
import org.outdial.store.Store;
import org.outdial.tenant.Tenant;

/** Finding the tenant and list a command names, with errors that say how to create them. */
final class Tenants {

    private Tenants() {}

    /** For commands that create things: the tenant is created on first use. */
    static Tenant findOrCreate(Store store, String name) {
        return store.tenants().findByName(name).orElseGet(() -> {
            try {
                return store.tenants().create(name, null);
            } catch (ConflictException e) {
                // another process created it in between
                return store.tenants().findByName(name).orElseThrow(() -> e);
            }
        });
    }

    static Tenant require(Store store, String name) {
        return store.tenants().findByName(name).orElseThrow(() -> new OutdialException("tenant '" + name
                + "' does not exist: name another with --tenant, or create it with 'outdial list create … --tenant "
                + name + "'"));
    }

    static CallingList requireList(Store store, Tenant tenant, String listName) {
        return store.lists().findByName(tenant.id(), listName).orElseThrow(() -> new OutdialException("calling list '"
                + listName + "' of tenant '" + tenant.name() + "' does not exist: create it with 'outdial list create "
                + listName + " --tenant " + tenant.name() + "', or see the lists with 'outdial list show --tenant "
                + tenant.name() + "'"));
    }
}
