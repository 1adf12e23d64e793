package org.outdial.server.cli;

import java.util.concurrent.Callable;
import org.outdial.server.Logging;
import org.outdial.server.config.Settings;
import org.outdial.store.Store;
import org.outdial.tenant.Tenant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "remove", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Remove a phone number or customer id from the tenant's Do-Not-Call list.")
final class DncRemoveCommand implements Callable<Integer> {

    private final CliContext ctx;

    @Mixin
    DncTarget target;

    @Mixin
    TenantOption tenant;

    DncRemoveCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Settings settings = ctx.settings();
        Logging.forCommand(settings.log());
        String phone = target.e164(settings.list().country());
        try (Store store = ctx.openStore()) {
            Tenant owner = Tenants.require(store, tenant.name);
            boolean removed = store.dnc().remove(owner.id(), phone, target.customerIdOrNull());
            ctx.out().printf(removed ? "removed %s from the Do-Not-Call list of tenant '%s'%n"
                    : "%s was not on the Do-Not-Call list of tenant '%s'; nothing changed%n",
                    DncTarget.describe(phone, target.customerIdOrNull()), owner.name());
        }
        return 0;
    }
}
