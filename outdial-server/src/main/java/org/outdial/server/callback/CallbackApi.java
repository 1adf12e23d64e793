package org.outdial.server.callback;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.outdial.callback.BusinessHours;
import org.outdial.callback.Callback;
import org.outdial.callback.CallbackService;
import org.outdial.callback.CallbackState;
import org.outdial.callback.ConnectOrder;
import org.outdial.callback.DialAttempt;
import org.outdial.server.http.Access;
import org.outdial.server.http.Caller;
import org.outdial.store.CallbackStore;
import org.outdial.store.ConflictException;

/**
 * The callback REST API under {@code /api/v1}: callback services, callbacks (create, query, reschedule, cancel,
 * agent disposition, application results) and the admin listing. Errors are JSON naming the parameter at fault:
 * {@code {"error": "...", "status": 400, "parameter": "_desired_time"}}.
 */
public final class CallbackApi {

    static final String PREFIX = "/api/v1";
    private static final int LIMIT_MAX = 1000;

    private final CallbackDesk desk;
    private final CallbackStore callbacks;

    public CallbackApi(CallbackDesk desk, CallbackStore callbacks) {
        this.desk = desk;
        this.callbacks = callbacks;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.post(PREFIX + "/callback-services", this::createService, Access.ADMIN);
        routes.get(PREFIX + "/callback-services", this::services, Access.READ);
        routes.get(PREFIX + "/callback-services/{service}", this::service, Access.READ);
        routes.post(PREFIX + "/callback-services/{service}/callbacks", this::create, Access.ADMIN);
        routes.get(PREFIX + "/callbacks", this::query, Access.READ);
        routes.get(PREFIX + "/callbacks/{id}", this::get, Access.READ);
        routes.put(PREFIX + "/callbacks/{id}", this::reschedule, Access.ADMIN);
        routes.delete(PREFIX + "/callbacks/{id}", this::cancel, Access.ADMIN);
        routes.post(PREFIX + "/callbacks/{id}/disposition", this::disposition, Access.ADMIN);
        routes.post(PREFIX + "/callbacks/{id}/results", this::result, Access.ADMIN);
        routes.get(PREFIX + "/admin/callbacks", this::adminList, Access.READ);
        routes.exception(CallbackError.class, (e, ctx) -> ctx.status(e.status).json(e.body()));
    }

    // ---- services ------------------------------------------------------------------------------------------------

    private void createService(Context ctx) {
        Map<String, Object> body = body(ctx);
        long tenant = Caller.of(ctx).tenantId();
        String name = text(body, "name", true);
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,60}")) {
            throw CallbackError.badParameter("name", "'" + name + "' must be letters, digits, '_', '.', '-' (1..61)");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(text(body, "timeZone", true));
        } catch (RuntimeException e) {
            throw CallbackError.badParameter("timeZone", "'" + body.get("timeZone") + "' is not an IANA time zone");
        }
        BusinessHours hours;
        try {
            hours = body.get("businessHours") == null ? BusinessHours.always(zone)
                    : BusinessHours.parse(text(body, "businessHours", true), zone);
        } catch (IllegalArgumentException e) {
            throw CallbackError.badParameter("businessHours", e.getMessage());
        }
        String callerId = text(body, "callerId", true);
        CallbackService d = CallbackService.defaults(tenant, name, hours);
        ConnectOrder order = body.get("connectOrder") == null ? d.connectOrder()
                : enumOf(body, "connectOrder", ConnectOrder.class);
        CallbackService s;
        try {
            s = new CallbackService(0, tenant, name, 0, 0, hours, order,
                    integer(body, "timeBucketMin", d.timeBucketMin()), integer(body, "maxPerBucket", d.maxPerBucket()),
                    integer(body, "maxDialAttempts", d.maxDialAttempts()), integer(body, "dialRetrySec", d.dialRetrySec()),
                    integer(body, "ttlSec", d.ttlSec()), integer(body, "maxQueued", d.maxQueued()),
                    integer(body, "maxFutureDays", d.maxFutureDays()), bool(body, "duplicateCheck", d.duplicateCheck()),
                    integer(body, "throttleLimit", d.throttleLimit()),
                    integer(body, "throttleWindowSec", d.throttleWindowSec()),
                    integer(body, "previewRejectsMax", d.previewRejectsMax()), bool(body, "reporting", d.reporting()), 0);
        } catch (IllegalArgumentException e) {
            String parameter = e.getMessage().split(" ", 2)[0];
            throw new CallbackError(400, parameter, e.getMessage());
        }
        Long agentGroupId = body.get("agentGroupId") == null ? null : (long) integer(body, "agentGroupId", 0);
        try {
            CallbackService created = desk.createService(s, agentGroupId, callerId);
            ctx.status(201).json(ServiceView.of(created));
        } catch (ConflictException e) {
            throw CallbackError.conflict("name", "a callback service, list or campaign named after '" + name
                    + "' already exists: " + e.getMessage());
        }
    }

    private void services(Context ctx) {
        ctx.json(callbacks.services(Caller.of(ctx).tenantId()).stream().map(ServiceView::of).toList());
    }

    private void service(Context ctx) {
        ctx.json(ServiceView.of(desk.service(Caller.of(ctx).tenantId(), ctx.pathParam("service"))));
    }

    record ServiceView(long id, String name, long listId, long campaignGroupId, String timeZone, String businessHours,
                       String connectOrder, int timeBucketMin, int maxPerBucket, int maxDialAttempts, int dialRetrySec,
                       int ttlSec, int maxQueued, int maxFutureDays, boolean duplicateCheck, int throttleLimit,
                       int throttleWindowSec, int previewRejectsMax, boolean reporting) {
        static ServiceView of(CallbackService s) {
            return new ServiceView(s.id(), s.name(), s.listId(), s.campaignGroupId(), s.hours().zone().getId(),
                    s.hours().text(), s.connectOrder().name(), s.timeBucketMin(), s.maxPerBucket(), s.maxDialAttempts(),
                    s.dialRetrySec(), s.ttlSec(), s.maxQueued(), s.maxFutureDays(), s.duplicateCheck(),
                    s.throttleLimit(), s.throttleWindowSec(), s.previewRejectsMax(), s.reporting());
        }
    }

    // ---- callbacks -----------------------------------------------------------------------------------------------

    private void create(Context ctx) {
        Callback cb = desk.create(Caller.of(ctx).tenantId(), ctx.pathParam("service"), params(ctx));
        ctx.status(200).json(view(cb));
    }

    private void get(Context ctx) {
        ctx.json(view(desk.get(Caller.of(ctx).tenantId(), ctx.pathParam("id"))));
    }

    /** GMS-style lookups: {@code _id}, {@code _customer_number}, {@code _callback_state} (comma list), {@code service}. */
    private void query(Context ctx) {
        long tenant = Caller.of(ctx).tenantId();
        Long serviceId = ctx.queryParam("service") == null ? null : desk.service(tenant, ctx.queryParam("service")).id();
        String id = ctx.queryParam("_id");
        String number = ctx.queryParam("_customer_number");
        Set<CallbackState> states = states(ctx.queryParam("_callback_state"), "_callback_state");
        if (id == null && number == null && states.isEmpty() && serviceId == null) {
            throw CallbackError.badParameter("_id", "give at least one of _id, _customer_number, _callback_state, service");
        }
        if (number != null) {
            number = number.replaceAll("[\\s()-]", "");
        }
        ctx.json(callbacks.query(new CallbackStore.CallbackQuery(tenant, serviceId, id, number, states, null, null,
                limit(ctx))).stream().map(CallbackApi::view).toList());
    }

    /** The admin listing: {@code target} (service name), {@code start_time}, {@code end_time}, {@code states}. */
    private void adminList(Context ctx) {
        long tenant = Caller.of(ctx).tenantId();
        String target = ctx.queryParam("target");
        if (target == null || target.isBlank()) {
            throw CallbackError.badParameter("target", "is required: the callback service name");
        }
        CallbackService s = desk.service(tenant, target);
        long now = System.currentTimeMillis();
        long from = time(ctx, "start_time", now - 15 * 60_000L);
        long to = time(ctx, "end_time", from + 24 * 3_600_000L + 15 * 60_000L);
        if (to <= from) {
            throw CallbackError.badParameter("end_time", "must be after start_time");
        }
        Set<CallbackState> states = states(ctx.queryParam("states"), "states");
        ctx.json(callbacks.query(new CallbackStore.CallbackQuery(tenant, s.id(), null, null, states, from, to,
                limit(ctx))).stream().map(CallbackApi::view).toList());
    }

    private void reschedule(Context ctx) {
        ctx.json(view(desk.reschedule(Caller.of(ctx).tenantId(), ctx.pathParam("id"), params(ctx))));
    }

    private void cancel(Context ctx) {
        ctx.json(view(desk.cancel(Caller.of(ctx).tenantId(), ctx.pathParam("id"))));
    }

    private void disposition(Context ctx) {
        Map<String, Object> body = body(ctx);
        ctx.json(view(desk.disposition(Caller.of(ctx).tenantId(), ctx.pathParam("id"), text(body, "disposition", true))));
    }

    private void result(Context ctx) {
        Map<String, Object> body = body(ctx);
        ctx.json(view(desk.applicationResult(Caller.of(ctx).tenantId(), ctx.pathParam("id"), text(body, "result", true),
                text(body, "reason", false))));
    }

    /** A callback as GMS reports it ({@code _id}, {@code _callback_state}...) plus outdial's timeline. */
    static Map<String, Object> view(Callback cb) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("_id", cb.id());
        v.put("_service_name", cb.serviceName());
        v.put("_callback_state", cb.state().name());
        v.put("_callback_reason", cb.reason());
        v.put("_disposition", cb.disposition() == null ? null : cb.disposition().text());
        v.put("_customer_number", cb.customerNumber());
        v.put("_desired_time", iso(cb.desiredMs()));
        v.put("_expiration_time", iso(cb.expiresMs()));
        v.put("_next_dial_time", cb.state().isFinal() ? null : iso(cb.nextDialMs()));
        v.put("_callback_type", cb.type().name());
        v.put("_channel", cb.channel().name());
        v.put("_call_direction", cb.direction().name());
        v.put("_connect_order", cb.connectOrder().name());
        v.put("_agent_id", cb.agentId());
        List<Map<String, Object>> attempts = new ArrayList<>();
        int n = 1;
        for (DialAttempt a : cb.attempts()) {
            attempts.add(Map.of("n", n++, "result", a.result().name(), "at", iso(a.atMs())));
        }
        v.put("_attempts", attempts);
        v.put("_final_dial_result", cb.finalDialResult() == null ? null : cb.finalDialResult().name());
        v.put("_created", iso(cb.serviceStartMs()));
        v.put("_completed", cb.completedMs() == 0 ? null : iso(cb.completedMs()));
        v.put("_offer", cb.offer());
        v.put("data", cb.data());
        return v;
    }

    private static String iso(long ms) {
        return ms == 0 ? null : Instant.ofEpochMilli(ms).toString();
    }

    // ---- parameters ----------------------------------------------------------------------------------------------

    /** A JSON object body, or form parameters (GMS accepts both). */
    private static Map<String, Object> params(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("application/x-www-form-urlencoded")) {
            Map<String, Object> form = new LinkedHashMap<>();
            ctx.formParamMap().forEach((k, v) -> form.put(k, v.isEmpty() ? null : v.getFirst()));
            return form;
        }
        return body(ctx);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(Context ctx) {
        if (ctx.body().isBlank()) {
            throw CallbackError.badParameter("body", "a JSON object is required");
        }
        try {
            Object parsed = ctx.bodyAsClass(Object.class);
            if (parsed instanceof Map<?, ?> m) {
                return (Map<String, Object>) m;
            }
        } catch (RuntimeException e) {
            throw CallbackError.badParameter("body", "is not valid JSON: " + e.getMessage().split("\n", 2)[0]);
        }
        throw CallbackError.badParameter("body", "must be a JSON object");
    }

    private static String text(Map<String, Object> body, String name, boolean required) {
        Object v = body.get(name);
        if (v == null || v.toString().isBlank()) {
            if (required) {
                throw CallbackError.badParameter(name, "is required");
            }
            return null;
        }
        if (v instanceof Map || v instanceof List) {
            throw CallbackError.badParameter(name, "must be a string");
        }
        return v.toString().trim();
    }

    private static int integer(Map<String, Object> body, String name, int absent) {
        Object v = body.get(name);
        if (v == null) {
            return absent;
        }
        try {
            return Integer.parseInt(v.toString().trim());
        } catch (NumberFormatException e) {
            throw CallbackError.badParameter(name, "'" + v + "' must be a whole number");
        }
    }

    private static boolean bool(Map<String, Object> body, String name, boolean absent) {
        Object v = body.get(name);
        if (v == null) {
            return absent;
        }
        return switch (v.toString()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw CallbackError.badParameter(name, "'" + v + "' must be true or false");
        };
    }

    private static <E extends Enum<E>> E enumOf(Map<String, Object> body, String name, Class<E> type) {
        try {
            return Enum.valueOf(type, text(body, name, true).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw CallbackError.badParameter(name, "'" + body.get(name) + "' must be one of "
                    + Arrays.toString(type.getEnumConstants()));
        }
    }

    private static Set<CallbackState> states(String text, String parameter) {
        Set<CallbackState> states = EnumSet.noneOf(CallbackState.class);
        if (text == null || text.isBlank()) {
            return states;
        }
        for (String s : text.split(",")) {
            try {
                states.add(CallbackState.valueOf(s.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw CallbackError.badParameter(parameter, "'" + s.trim() + "' is not a state; states are "
                        + Arrays.toString(CallbackState.values()));
            }
        }
        return states;
    }

    private static long time(Context ctx, String name, long absent) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return absent;
        }
        try {
            return Instant.parse(v).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw CallbackError.badParameter(name, "'" + v + "' must be an ISO-8601 UTC time like 2026-05-28T15:30:00Z");
        }
    }

    private static int limit(Context ctx) {
        String v = ctx.queryParam("limit");
        if (v == null) {
            return 100;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= 1 && n <= LIMIT_MAX) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through
        }
        throw CallbackError.badParameter("limit", "'" + v + "' must be 1.." + LIMIT_MAX);
    }
}
