package org.outdial.server.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.outdial.dnc.DncEntry;
import org.outdial.server.Logging;
import org.outdial.server.config.Settings;
import org.outdial.store.Store;
import org.outdial.tenant.Tenant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "add", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Add a phone number or customer id to the tenant's Do-Not-Call list (replaces an existing entry).")
final class DncAddCommand implements Callable<Integer> {

    private final CliContext ctx;

    @Mixin
    DncTarget target;

    @Mixin
    TenantOption tenant;

    @Option(names = "--message", paramLabel = "TEXT", description = "Why the number must not be called.")
    String message;

    @Option(names = "--expires", paramLabel = "DATE",
            description = "When the entry lapses: a date (2027-01-31, start of that day UTC) or an instant "
                    + "(2027-01-31T18:00:00Z). Default: never.")
    String expires;

    DncAddCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Settings settings = ctx.settings();
        Logging.forCommand(settings.log());
        String phone = target.e164(settings.list().country());
        Instant expiresAt = expires == null ? null : parseExpiry(expires);
        try (Store store = ctx.openStore()) {
            Tenant owner = Tenants.findOrCreate(store, tenant.name);
            store.dnc().add(new DncEntry(owner.id(), phone, target.customerIdOrNull(), message, Instant.now(), "cli", expiresAt));
            ctx.out().printf("added %s to the Do-Not-Call list of tenant '%s'%s%n",
                    DncTarget.describe(phone, target.customerIdOrNull()), owner.name(),
                    expiresAt == null ? "" : " until " + expiresAt);
        }
        return 0;
    }

    static Instant parseExpiry(String text) {
        try {
            return text.contains("T") ? Instant.parse(text.trim()) : LocalDate.parse(text.trim()).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--expires '" + text + "' must be a date such as 2027-01-31 or an instant such as 2027-01-31T18:00:00Z");
        }
    }
}
