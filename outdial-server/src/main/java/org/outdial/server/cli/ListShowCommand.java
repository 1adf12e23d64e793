package org.outdial.server.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.outdial.list.CallingList;
import org.outdial.list.CustomField;
import org.outdial.record.RecordStatus;
import org.outdial.server.Logging;
import org.outdial.server.config.CallingWindowFormat;
import org.outdial.store.Store;
import org.outdial.tenant.Tenant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "show", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Show a calling list, its fields and its records by status; without NAME, every list of the tenant.")
final class ListShowCommand implements Callable<Integer> {

    private final CliContext ctx;

    @Parameters(index = "0", paramLabel = "NAME", arity = "0..1", description = "The list; leave out to list them all.")
    String name;

    @Mixin
    TenantOption tenant;

    ListShowCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Logging.forCommand(ctx.settings().log());
        try (Store store = ctx.openStore()) {
            Tenant owner = Tenants.require(store, tenant.name);
            if (name == null) {
                showAll(store, owner);
            } else {
                showOne(store, owner, Tenants.requireList(store, owner, name));
            }
        }
        return 0;
    }

    private void showAll(Store store, Tenant owner) {
        List<CallingList> lists = store.lists().all(owner.id());
        PrintWriter out = ctx.out();
        if (lists.isEmpty()) {
            out.println("tenant '" + owner.name() + "' has no calling lists: create one with 'outdial list create NAME --tenant "
                    + owner.name() + "'");
            return;
        }
        out.printf("%-6s %-30s %10s  %s%n", "ID", "NAME", "RECORDS", "BY STATUS");
        for (CallingList list : lists) {
            Map<RecordStatus, Long> counts = store.lists().countByStatus(list.id());
            out.printf("%-6d %-30s %10d  %s%n", list.id(), list.name(), total(counts), summary(counts));
        }
    }

    private void showOne(Store store, Tenant owner, CallingList list) {
        PrintWriter out = ctx.out();
        Map<RecordStatus, Long> counts = store.lists().countByStatus(list.id());
        out.printf("calling list  %s (id %d, tenant %s)%n", list.name(), list.id(), owner.name());
        if (!list.description().isEmpty()) {
            out.printf("description   %s%n", list.description());
        }
        out.printf("defaults      time zone %s, country %s, window %s, max attempts %d%n", list.defaultTimeZone().getId(),
                list.defaultCountry(), CallingWindowFormat.format(list.defaultWindow()), list.maxAttempts());
        if (list.customFields().isEmpty()) {
            out.println("fields        (mandatory fields only)");
        }
        for (int i = 0; i < list.customFields().size(); i++) {
            CustomField field = list.customFields().get(i);
            out.printf("%s%s%n", i == 0 ? "fields        " : "              ", FieldSpec.format(field));
        }
        out.printf("records       %d%n", total(counts));
        for (RecordStatus status : RecordStatus.values()) {
            Long n = counts.get(status);
            if (n != null && n > 0) {
                out.printf("  %-18s %d%n", status.name(), n);
            }
        }
    }

    private static long total(Map<RecordStatus, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private static String summary(Map<RecordStatus, Long> counts) {
        StringBuilder text = new StringBuilder();
        for (RecordStatus status : RecordStatus.values()) {
            Long n = counts.get(status);
            if (n != null && n > 0) {
                text.append(text.isEmpty() ? "" : ", ").append(status.name()).append(' ').append(n);
            }
        }
        return text.toString();
    }
}
