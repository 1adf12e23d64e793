package org.outdial.server.admin;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.outdial.attempt.CallAttempt;
import org.outdial.csv.BadValueException;
import org.outdial.csv.CsvExporter;
import org.outdial.csv.CsvImporter;
import org.outdial.csv.ImportException;
import org.outdial.csv.ImportOptions;
import org.outdial.csv.ImportReport;
import org.outdial.csv.PhoneNormalizer;
import org.outdial.list.CallingList;
import org.outdial.list.CustomField;
import org.outdial.list.CustomFieldType;
import org.outdial.list.NewCallingList;
import org.outdial.record.CallingRecord;
import org.outdial.record.CallingWindow;
import org.outdial.record.RecordStatus;
import org.outdial.record.RecordType;
import org.outdial.server.api.ApiViews;
import org.outdial.server.config.CallingWindowFormat;
import org.outdial.server.config.Settings;
import org.outdial.server.http.Access;
import org.outdial.server.http.ApiException;
import org.outdial.server.http.Caller;
import org.outdial.store.Store;

/**
 * Calling lists: create (with custom fields), delete, CSV import (row-level error report) and export, penetration
 * counts, record search by phone or customer id, record detail with its attempts, and record edits.
 */
public final class ListAdminApi {

    private static final String P = "/api/v1/lists";
    private static final Set<String> LIST_FIELDS = Set.of("name", "description", "fields", "timeZone", "country",
            "window", "maxAttempts");
    private static final Set<String> FIELD_FIELDS = Set.of("name", "type", "length", "sendAttribute");
    private static final Set<String> RECORD_FIELDS = Set.of("recordStatus", "recordType", "dialSchedTime", "window",
            "customerId", "customFields");
    /** Statuses an administrator may set; the others belong to the engine (Retrieved, Stale, chain states). */
    static final List<RecordStatus> EDITABLE_STATUSES = List.of(RecordStatus.READY, RecordStatus.UPDATED,
            RecordStatus.CANCELLED, RecordStatus.AGENT_ERROR);
    /** Row errors kept in an import's answer (the downloadable report); the count covers all of them. */
    static final int REPORTED_ERRORS_MAX = 10_000;
    static final int SEARCH_LIMIT_MAX = 500;

    private final Store store;
    private final Settings settings;
    private final Auditor audit;

    public ListAdminApi(Store store, Settings settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.audit = new Auditor(store.audit(), clock);
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.post(P, this::create, Access.ADMIN);
        routes.delete(P + "/{listId}", this::delete, Access.ADMIN);
        routes.post(P + "/{listId}/import", this::importCsv, Access.ADMIN);
        routes.get(P + "/{listId}/export", this::export, Access.READ);
        routes.get(P + "/{listId}/penetration", this::penetration, Access.READ);
        routes.get(P + "/{listId}/records", this::search, Access.READ);
        routes.get(P + "/{listId}/records/{recordId}", this::record, Access.READ);
        routes.put(P + "/{listId}/records/{recordId}", this::updateRecord, Access.ADMIN);
    }

    private CallingList findList(Context ctx) {
        long id = Ids.path(ctx, "listId");
        return store.lists().find(Caller.of(ctx).tenantId(), id)
                .orElseThrow(() -> ApiException.notFound("calling list " + id));
    }

    private void create(Context ctx) {
        Body b = Body.parse(ctx.body(), LIST_FIELDS);
        Settings.ListDefaults d = settings.list();
        String name = b.text("name").trim();
        if (!NewCallingList.NAME.matcher(name).matches()) {
            throw new FieldException("name", "field 'name' must be 1-100 letters, digits, '_', '.' or '-', starting"
                    + " with a letter or digit");
        }
        List<CustomField> fields = b.objects("fields", FIELD_FIELDS, ListAdminApi::field);
        ZoneId zone = d.timeZone();
        if (b.has("timeZone")) {
            try {
                zone = ZoneId.of(b.text("timeZone").trim());
            } catch (DateTimeException e) {
                throw new FieldException("timeZone", "field 'timeZone' must be an IANA time zone such as America/New_York");
            }
        }
        String country = b.optText("country", d.country()).trim().toUpperCase(Locale.ROOT);
        if (!country.matches("[A-Z]{2}")) {
            throw new FieldException("country", "field 'country' must be an ISO 3166 two-letter region such as US");
        }
        CallingWindow window = d.window();
        if (b.has("window")) {
            try {
                window = CallingWindowFormat.parse(b.text("window"));
            } catch (IllegalArgumentException e) {
                throw new FieldException("window", "field 'window': " + e.getMessage());
            }
        }
        int maxAttempts = b.integer("maxAttempts", 1, 1000, d.maxAttempts());
        ZoneId z = zone;
        CallingWindow w = window;
        CallingList list = store.lists().create(Ids.valid(() -> new NewCallingList(Caller.of(ctx).tenantId(), name,
                b.optText("description", ""), fields, z, w, country, maxAttempts)));
        Object view = ApiViews.list(store, list);
        audit.record(ctx, "list.create", list.id(), view);
        ctx.status(201).header("ETag", Tags.ofVersion(list.version())).json(view);
    }

    private static CustomField field(Body f) {
        String name = f.text("name").trim();
        if (!CustomField.NAME.matcher(name).matches()) {
            throw new FieldException("name", "custom field name '" + name + "' must be lower-case letters, digits and"
                    + " '_', starting with a letter, at most 63 characters");
        }
        CustomFieldType type = f.enumValue("type", CustomFieldType.class, null);
        int length = f.integer("length", 1, 4000, 255);
        return Ids.valid(() -> new CustomField(name, type, type == CustomFieldType.VARCHAR ? length : 0,
                f.optText("sendAttribute", null)));
    }

    private void delete(Context ctx) {
        CallingList list = findList(ctx);
        List<String> users = store.config().campaigns(list.tenantId()).stream()
                .filter(c -> c.lists().stream().anyMatch(l -> l.listId() == list.id())).map(c -> c.name()).toList();
        if (!users.isEmpty()) {
            throw ApiException.conflict("calling list " + list.id() + " is used by campaign(s) " + String.join(", ", users)
                    + "; take it out of them first");
        }
        store.lists().delete(list.tenantId(), list.id());
        audit.record(ctx, "list.delete", list.id(), Map.of("name", list.name()));
        ctx.status(204);
    }

    /** What an import answers: the importer's counts and the row errors (up to {@link #REPORTED_ERRORS_MAX}). */
    record ImportResult(long rowsRead, long imported, long rejected, long duplicates, long errorCount,
                        boolean errorsTruncated, double seconds, List<Map<String, Object>> errors,
                        List<String> ignoredColumns) {
        static ImportResult of(ImportReport r) {
            List<Map<String, Object>> errors = new ArrayList<>();
            r.firstErrors().forEach(e -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("line", e.line());
                m.put("column", e.column());
                m.put("reason", e.reason());
                errors.add(m);
            });
            return new ImportResult(r.rowsRead(), r.imported(), r.rejected(), r.duplicates(), r.errorCount(),
                    r.errorsTruncated(), r.elapsed().toMillis() / 1000.0, errors, r.ignoredColumns());
        }
    }

    /** The request body is the CSV itself (UTF-8, header first), as docs/csv.md describes. */
    private void importCsv(Context ctx) throws IOException {
        CallingList list = findList(ctx);
        ImportOptions options = ImportOptions.defaults().withBatchSize(settings.imports().batchSize())
                .withFirstErrorsMax(REPORTED_ERRORS_MAX);
        ImportReport report;
        try (InputStream in = ctx.bodyInputStream()) {
            report = new CsvImporter(store.lists(), options).importCsv(list, in, Math.max(0, ctx.contentLength()),
                    org.outdial.csv.ImportListener.NONE);
        } catch (ImportException e) {
            throw ApiException.badRequest("the CSV cannot be imported: " + e.getMessage());
        }
        ImportResult result = ImportResult.of(report);
        audit.record(ctx, "list.import", list.id(), Map.of("rowsRead", report.rowsRead(), "imported", report.imported(),
                "rejected", report.rejected(), "duplicates", report.duplicates()));
        ctx.json(result);
    }

    private void export(Context ctx) throws IOException {
        CallingList list = findList(ctx);
        ctx.contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + list.name() + ".csv\"");
        new CsvExporter(store.lists()).export(list, ctx.outputStream());
    }

    /** Records by status, by call result and by attempts: how far the list has been worked. */
    private void penetration(Context ctx) {
        CallingList list = findList(ctx);
        Map<String, Long> byStatus = new TreeMap<>();
        store.lists().countByStatus(list.id()).forEach((s, n) -> byStatus.put(s.name(), n));
        Map<String, Long> byResult = new TreeMap<>();
        store.lists().countByCallResult(list.id()).forEach((r, n) -> byResult.put(r.name(), n));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("listId", list.id());
        answer.put("records", byStatus.values().stream().mapToLong(Long::longValue).sum());
        answer.put("byStatus", byStatus);
        answer.put("byCallResult", byResult);
        answer.put("byAttempt", store.lists().countByAttempt(list.id()));
        ctx.json(answer);
    }

    private void search(Context ctx) {
        CallingList list = findList(ctx);
        String phone = ctx.queryParam("phone");
        String customerId = ctx.queryParam("customerId");
        if ((phone == null || phone.isBlank()) && (customerId == null || customerId.isBlank())) {
            throw new FieldException("phone", "search needs the query parameter 'phone' or 'customerId'");
        }
        String e164 = null;
        if (phone != null && !phone.isBlank()) {
            try {
                e164 = new PhoneNormalizer(list.defaultCountry()).toE164(phone);
            } catch (BadValueException e) {
                throw new FieldException("phone", "query parameter 'phone': " + e.getMessage());
            }
        }
        int limit = limit(ctx.queryParam("limit"));
        ctx.json(store.lists().search(list.id(), e164, customerId == null || customerId.isBlank() ? null : customerId.trim(),
                limit).stream().map(RecordView::of).toList());
    }

    private static int limit(String text) {
        if (text == null || text.isBlank()) {
            return 50;
        }
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= 1 && n <= SEARCH_LIMIT_MAX) {
                return n;
            }
        } catch (NumberFormatException e) {
            // the 400 below
        }
        throw new FieldException("limit", "query parameter 'limit' must be an integer 1.." + SEARCH_LIMIT_MAX);
    }

    record RecordView(long recordId, String contactInfo, String contactInfoType, String recordType,
                      String recordStatus, String callResult, int attempt, Instant dialSchedTime, Instant callTime,
                      String window, String timeZone, String agentId, long chainId, int chainN, Long groupId,
                      String treatments, String customerId, Map<String, Object> customFields) {
        static RecordView of(CallingRecord r) {
            return new RecordView(r.recordId(), r.contactInfo(), r.contactInfoType().name(), r.recordType().name(),
                    r.recordStatus().name(), r.callResult().name(), r.attempt(), r.dialSchedTime(), r.callTime(),
                    CallingWindowFormat.format(r.window()), r.timeZone().getId(), r.agentId(), r.chainId(), r.chainN(),
                    r.groupId(), r.treatments(), r.customerId(), r.customFields());
        }
    }

    record AttemptView(String guid, Long campaignGroupId, String agentId, String phone, String callResult,
                       Instant startProcessing, Instant dialing, Instant cpdCompleted, Instant agentAnswered,
                       Instant released, Instant acwCompleted, Instant completeProcessing) {
        static AttemptView of(CallAttempt a) {
            return new AttemptView(a.guid().toString(), a.campaignGroupId(), a.agentId(), a.phone(),
                    a.callResult().name(), a.startProcessing(), a.dialing(), a.cpdCompleted(), a.agentAnswered(),
                    a.released(), a.acwCompleted(), a.completeProcessing());
        }
    }

    private CallingRecord findRecord(Context ctx, CallingList list) {
        long id = Ids.path(ctx, "recordId");
        return store.lists().findRecord(list.id(), id)
                .orElseThrow(() -> ApiException.notFound("record " + id + " of calling list " + list.id()));
    }

    /** The record, its chain and its attempt history, oldest attempt first. */
    private void record(Context ctx) {
        CallingList list = findList(ctx);
        CallingRecord r = findRecord(ctx, list);
        RecordView view = RecordView.of(r);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("record", view);
        answer.put("chain", store.lists().chain(list.id(), r.chainId()).stream().map(RecordView::of).toList());
        answer.put("attempts", store.attempts().ofRecord(list.id(), r.recordId()).stream().map(AttemptView::of).toList());
        ctx.header("ETag", Tags.ofContent(view)).json(answer);
    }

    /**
     * Edits a record's status, type, schedule, window, customer id or custom fields. A record being dialed (Retrieved)
     * belongs to the engine until its result is written: editing it answers 409.
     */
    private void updateRecord(Context ctx) {
        CallingList list = findList(ctx);
        CallingRecord r = findRecord(ctx, list);
        Tags.requireContent(ctx, Tags.ofContent(RecordView.of(r)), "record " + r.recordId());
        if (r.recordStatus() == RecordStatus.RETRIEVED) {
            throw ApiException.conflict("record " + r.recordId() + " is being dialed (Retrieved by campaign group "
                    + r.groupId() + "); edit it once its call is done");
        }
        Body b = Body.parse(ctx.body(), RECORD_FIELDS);
        RecordStatus status = r.recordStatus();
        if (b.has("recordStatus")) {
            status = b.enumValue("recordStatus", RecordStatus.class, null);
            if (!EDITABLE_STATUSES.contains(status)) {
                throw new FieldException("recordStatus", "field 'recordStatus' may be set to "
                        + EDITABLE_STATUSES + " only", EDITABLE_STATUSES.stream().map(Enum::name).toList());
            }
        }
        RecordType type = b.enumValue("recordType", RecordType.class, r.recordType());
        Instant due = b.has("dialSchedTime") ? b.instant("dialSchedTime") : r.dialSchedTime();
        CallingWindow window = r.window();
        if (b.has("window")) {
            try {
                window = CallingWindowFormat.parse(b.text("window"));
            } catch (IllegalArgumentException e) {
                throw new FieldException("window", "field 'window': " + e.getMessage());
            }
        }
        Map<String, Object> custom = new LinkedHashMap<>(r.customFields());
        b.stringMap("customFields").forEach((name, text) -> {
            CustomField f = list.customField(name).orElseThrow(() -> new FieldException("customFields." + name,
                    "calling list '" + list.name() + "' has no custom field '" + name + "'",
                    list.customFields().stream().map(CustomField::name).toList()));
            try {
                custom.put(name, org.outdial.csv.CustomValues.parse(f, text, r.timeZone()));
            } catch (BadValueException e) {
                throw new FieldException("customFields." + name, "custom field '" + name + "': " + e.getMessage());
            }
        });
        String customerId = b.has("customerId") ? blankToNull(b.optText("customerId", null)) : r.customerId();
        CallingRecord updated = new CallingRecord(r.recordId(), r.listId(), r.contactInfo(), r.contactInfoType(), type,
                status, r.callResult(), r.attempt(), due, r.callTime(), window, r.timeZone(), r.campaignId(),
                r.agentId(), r.chainId(), r.chainN(), r.groupId(), r.appId(), r.treatments(), customerId, custom);
        store.lists().update(updated);
        CallingRecord stored = store.lists().findRecord(list.id(), r.recordId()).orElse(updated);
        RecordView view = RecordView.of(stored);
        audit.record(ctx, "record.update", list.id() + "/" + r.recordId(),
                Map.of("before", RecordView.of(r), "after", view));
        ctx.header("ETag", Tags.ofContent(view)).json(view);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
