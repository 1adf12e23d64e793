package org.outdial.server.admin;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.outdial.csv.BadValueException;
import org.outdial.csv.DncCsvImporter;
import org.outdial.csv.DncImportOptions;
import org.outdial.csv.ImportException;
import org.outdial.csv.ImportReport;
import org.outdial.csv.PhoneNormalizer;
import org.outdial.dnc.DncEntry;
import org.outdial.server.config.Settings;
import org.outdial.server.dialing.DialingRuntime;
import org.outdial.server.http.Access;
import org.outdial.server.http.ApiException;
import org.outdial.server.http.Caller;
import org.outdial.store.Store;

/**
 * The tenant's Do-Not-Call list: search, check, add (with expiry), remove, bulk CSV import. Phone numbers are
 * normalized to E.164 with the setting {@code list.default-country} unless the request names a country. Every change
 * refreshes the dialing engine's Do-Not-Call snapshot at once.
 */
public final class DncAdminApi {

    private static final String P = "/api/v1/dnc";
    private static final Set<String> ENTRY_FIELDS = Set.of("phone", "customerId", "message", "expiresAt", "country");
    static final int LIMIT_MAX = 1000;

    private final Store store;
    private final Settings settings;
    private final DialingRuntime runtime;
    private final Clock clock;
    private final Auditor audit;

    public DncAdminApi(Store store, Settings settings, DialingRuntime runtime, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.runtime = runtime;
        this.clock = clock;
        this.audit = new Auditor(store.audit(), clock);
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.get(P, this::search, Access.READ);
        routes.get(P + "/check", this::check, Access.READ);
        routes.post(P, this::add, Access.ADMIN);
        routes.delete(P, this::remove, Access.ADMIN);
        routes.post(P + "/import", this::importCsv, Access.ADMIN);
    }

    record EntryView(String phone, String customerId, String message, Instant addedAt, String addedBy,
                     Instant expiresAt, boolean active) {
        static EntryView of(DncEntry e, Instant now) {
            return new EntryView(e.phone(), e.customerId(), e.message(), e.addedAt(), e.addedBy(), e.expiresAt(),
                    e.isActiveAt(now));
        }
    }

    private void search(Context ctx) {
        long tenantId = Caller.of(ctx).tenantId();
        String prefix = ctx.queryParam("prefix");
        int limit = limit(ctx.queryParam("limit"));
        Instant now = clock.instant();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("total", store.dnc().count(tenantId));
        answer.put("entries", store.dnc().search(tenantId, prefix == null || prefix.isBlank() ? null : prefix.trim(), limit)
                .stream().map(e -> EntryView.of(e, now)).toList());
        ctx.json(answer);
    }

    private static int limit(String text) {
        if (text == null || text.isBlank()) {
            return 100;
        }
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= 1 && n <= LIMIT_MAX) {
                return n;
            }
        } catch (NumberFormatException e) {
            // the 400 below
        }
        throw new FieldException("limit", "query parameter 'limit' must be an integer 1.." + LIMIT_MAX);
    }

    private String e164(String field, String phone, String country) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        String region = country == null || country.isBlank() ? settings.list().country()
                : country.trim().toUpperCase(java.util.Locale.ROOT);
        if (!region.matches("[A-Z]{2}")) {
            throw new FieldException("country", "'country' must be an ISO 3166 two-letter region such as US");
        }
        try {
            return new PhoneNormalizer(region).toE164(phone);
        } catch (BadValueException e) {
            throw new FieldException(field, "'" + field + "': " + e.getMessage());
        }
    }

    private void check(Context ctx) {
        String phone = e164("phone", ctx.queryParam("phone"), ctx.queryParam("country"));
        String customerId = ctx.queryParam("customerId");
        if (phone == null && (customerId == null || customerId.isBlank())) {
            throw new FieldException("phone", "check needs the query parameter 'phone' or 'customerId'");
        }
        Instant now = clock.instant();
        var entry = store.dnc().check(Caller.of(ctx).tenantId(), phone, customerId, now);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("phone", phone);
        answer.put("customerId", customerId);
        answer.put("mayCall", entry.isEmpty());
        answer.put("entry", entry.map(e -> EntryView.of(e, now)).orElse(null));
        ctx.json(answer);
    }

    private void add(Context ctx) {
        Body b = Body.parse(ctx.body(), ENTRY_FIELDS);
        String phone = e164("phone", b.optText("phone", null), b.optText("country", null));
        String customerId = b.optText("customerId", null);
        if (phone == null && (customerId == null || customerId.isBlank())) {
            throw new FieldException("phone", "a Do-Not-Call entry needs 'phone' or 'customerId'");
        }
        Instant expires = expiry(b.optText("expiresAt", null));
        Caller caller = Caller.of(ctx);
        DncEntry entry = Ids.valid(() -> new DncEntry(caller.tenantId(), phone, customerId, b.optText("message", null),
                clock.instant(), caller.token().label(), expires));
        store.dnc().add(entry);
        runtime.dncChanged(caller.tenantId());
        EntryView view = EntryView.of(entry, clock.instant());
        audit.record(ctx, "dnc.add", phone != null ? phone : customerId, view);
        ctx.status(201).json(view);
    }

    /** A date (the entry ends at its start, UTC) or an instant. */
    private static Instant expiry(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return text.contains("T") ? Instant.parse(text.trim())
                    : LocalDate.parse(text.trim()).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new FieldException("expiresAt", "field 'expiresAt' must be a date such as 2027-01-31 or an instant"
                    + " such as 2027-01-31T18:00:00Z, got '" + text + "'");
        }
    }

    private void remove(Context ctx) {
        String phone = e164("phone", ctx.queryParam("phone"), ctx.queryParam("country"));
        String customerId = ctx.queryParam("customerId");
        if (phone == null && (customerId == null || customerId.isBlank())) {
            throw new FieldException("phone", "removing needs the query parameter 'phone' or 'customerId'");
        }
        long tenantId = Caller.of(ctx).tenantId();
        if (!store.dnc().remove(tenantId, phone, customerId == null || customerId.isBlank() ? null : customerId)) {
            throw ApiException.notFound("Do-Not-Call entry for " + (phone != null ? phone : "customer " + customerId));
        }
        runtime.dncChanged(tenantId);
        audit.record(ctx, "dnc.remove", phone != null ? phone : customerId, Map.of());
        ctx.status(204);
    }

    /** The body is the CSV (docs/csv.md, Do-Not-Call columns). */
    private void importCsv(Context ctx) throws IOException {
        Caller caller = Caller.of(ctx);
        String country = ctx.queryParam("country");
        DncImportOptions options = DncImportOptions.of(
                        country == null || country.isBlank() ? settings.list().country() : country.trim().toUpperCase(),
                        settings.list().timeZone())
                .withAddedBy(caller.token().label()).withBatchSize(settings.imports().batchSize());
        ImportReport report;
        try (InputStream in = ctx.bodyInputStream()) {
            report = new DncCsvImporter(store.dnc(), clock, options).importCsv(caller.tenantId(), in,
                    Math.max(0, ctx.contentLength()), org.outdial.csv.ImportListener.NONE);
        } catch (ImportException | IllegalArgumentException e) {
            throw ApiException.badRequest("the CSV cannot be imported: " + e.getMessage());
        }
        runtime.dncChanged(caller.tenantId());
        audit.record(ctx, "dnc.import", null, Map.of("rowsRead", report.rowsRead(), "imported", report.imported(),
                "rejected", report.rejected()));
        ctx.json(ListAdminApi.ImportResult.of(report));
    }
}
