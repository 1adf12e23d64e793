package org.outdial.server.cli;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.outdial.list.CallingList;
import org.outdial.list.CustomField;
import org.outdial.list.NewCallingList;
import org.outdial.record.CallingWindow;
import org.outdial.server.Logging;
import org.outdial.server.config.CallingWindowFormat;
import org.outdial.server.config.Settings;
import org.outdial.store.Store;
import org.outdial.tenant.Tenant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "create", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Create a calling list: the mandatory fields plus the custom fields you declare.",
        footer = {"%nExample:",
                "  outdial list create customers --tenant acme \\",
                "      --field balance:decimal --field account_no:varchar(20):GSW_ACCOUNT \\",
                "      --time-zone Europe/Berlin --country DE --window 09:00-20:00"})
final class ListCreateCommand implements Callable<Integer> {

    private final CliContext ctx;

    @Parameters(index = "0", paramLabel = "NAME", description = "List name: letters, digits, '_', '.', '-'.")
    String name;

    @Mixin
    TenantOption tenant;

    @Option(names = "--description", paramLabel = "TEXT", description = "What the list is for.")
    String description;

    @Option(names = "--field", paramLabel = FieldSpec.SYNTAX,
            description = "A custom field; repeat for more. Types: varchar(N), integer, bigint, decimal, boolean, date, "
                    + "timestamp. SEND_ATTRIBUTE is the key that carries the field to agent desktops.")
    List<String> fields = new ArrayList<>();

    @Option(names = "--time-zone", paramLabel = "ZONE",
            description = "Time zone of records that name none (default: setting list.default-time-zone).")
    String timeZone;

    @Option(names = "--country", paramLabel = "CC",
            description = "Country of national phone numbers (default: setting list.default-country).")
    String country;

    @Option(names = "--window", paramLabel = "HH:mm-HH:mm",
            description = "Calling hours of records that name none (default: setting list.default-window).")
    String window;

    @Option(names = "--max-attempts", paramLabel = "N",
            description = "Attempts per record before treatments stop (default: setting list.default-max-attempts).")
    Integer maxAttempts;

    ListCreateCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Settings settings = ctx.settings();
        Logging.forCommand(settings.log());
        Settings.ListDefaults defaults = settings.list();
        List<CustomField> customFields = fields.stream().map(FieldSpec::parse).toList();
        ZoneId zone = timeZone == null ? defaults.timeZone() : zone(timeZone);
        CallingWindow callingWindow = window == null ? defaults.window() : CallingWindowFormat.parse(window);
        String region = country == null ? defaults.country() : country.trim().toUpperCase(java.util.Locale.ROOT);
        int attempts = maxAttempts == null ? defaults.maxAttempts() : maxAttempts;
        try (Store store = ctx.openStore()) {
            Tenant owner = Tenants.findOrCreate(store, tenant.name);
            CallingList list = store.lists().create(new NewCallingList(owner.id(), name, description, customFields, zone,
                    callingWindow, region, attempts));
            ctx.out().printf("created calling list '%s' (id %d) of tenant '%s'%n", list.name(), list.id(), owner.name());
            for (CustomField field : list.customFields()) {
                ctx.out().println("  field " + FieldSpec.format(field));
            }
            ctx.out().printf("  defaults: time zone %s, country %s, window %s, max attempts %d%n",
                    list.defaultTimeZone().getId(), list.defaultCountry(), CallingWindowFormat.format(list.defaultWindow()),
                    list.maxAttempts());
        }
        return 0;
    }

    private static ZoneId zone(String text) {
        try {
            return ZoneId.of(text.trim());
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("--time-zone '" + text
                    + "' is not a time zone: use an IANA name such as America/New_York or Europe/Berlin");
        }
    }
}
