package org.outdial.server.cli;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.outdial.dnc.DncEntry;
import org.outdial.server.Logging;
import org.outdial.server.config.Settings;
import org.outdial.store.Store;
import org.outdial.tenant.Tenant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Tell whether a phone number or customer id may be called (exit code 0 either way).")
final class DncCheckCommand implements Callable<Integer> {

    private final CliContext ctx;

    @Mixin
    DncTarget target;

    @Mixin
    TenantOption tenant;

    DncCheckCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Settings settings = ctx.settings();
        Logging.forCommand(settings.log());
        String phone = target.e164(settings.list().country());
        String customerId = target.customerIdOrNull();
        try (Store store = ctx.openStore()) {
            Tenant owner = Tenants.require(store, tenant.name);
            Optional<DncEntry> entry = store.dnc().check(owner.id(), phone, customerId, Instant.now());
            String who = DncTarget.describe(phone, customerId);
            if (entry.isEmpty()) {
                ctx.out().printf("%s is not on the Do-Not-Call list of tenant '%s': it may be called%n", who, owner.name());
            } else {
                DncEntry e = entry.get();
                ctx.out().printf("%s is on the Do-Not-Call list of tenant '%s': do not call (entry %s, added %s by %s%s%s)%n",
                        who, owner.name(), DncTarget.describe(e.phone(), e.customerId()), e.addedAt(), e.addedBy(),
                        e.expiresAt() == null ? "" : ", expires " + e.expiresAt(),
                        e.message() == null || e.message().isBlank() ? "" : ", \"" + e.message() + "\"");
            }
        }
        return 0;
    }
}
