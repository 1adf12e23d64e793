package org.outdial.callback;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One callback: its request, where it is, and the timeline the reports need. Times are epoch milliseconds, 0 = not
 * yet. Changed only by {@link CallbackLifecycle} (which works on copies), read by everyone; a store keeps it as the
 * key–value map of {@link #toKv()}.
 */
public final class Callback {

    String id;
    long tenantId;
    long serviceId;
    String serviceName;
    CallbackState state = CallbackState.QUEUED;
    String reason;
    Disposition disposition;
    String customerNumber;
    Channel channel = Channel.WEB;
    CallbackType type = CallbackType.IMMEDIATE;
    OfferType offerType;
    ConnectOrder connectOrder = ConnectOrder.CUSTOMER_FIRST;
    CallDirection direction = CallDirection.CUSTOMER_TERMINATED;
    OfferTiming offerTiming = OfferTiming.ON_HOURS;
    DialogResult dialogResult;
    DialResult finalDialResult;
    long desiredMs;
    long serviceStartMs;
    long acceptedMs;
    long queuedMs;
    long readyToStartMs;
    long customerConnectedMs;
    long agentConnectedMs;
    long completedMs;
    long expiresMs;
    long nextDialMs;
    long rescheduleToMs;
    boolean cancelRequested;
    int positionWhenReady;
    int positionWhenLastDial;
    int ewtWhenLastDialSec;
    /** How many times agents handed the callback's preview back (RecordReject, CTI Reject/Skip/Cancel). */
    int previewRejects;
    List<DialAttempt> attempts = new ArrayList<>();
    String agentId;
    long listId;
    long recordId;
    String firstOutIxn;
    String lastOutIxn;
    Map<String, String> offer = new TreeMap<>();
    Map<String, String> data = new TreeMap<>();

    Callback() {}

    Callback copy() {
        Callback c = fromKv(toKv());
        return c;
    }

    public String id() { return id; }
    public long tenantId() { return tenantId; }
    public long serviceId() { return serviceId; }
    public String serviceName() { return serviceName; }
    public CallbackState state() { return state; }
    /** Why it completed ({@code _callback_reason}); null until completed. */
    public String reason() { return reason; }
    public Disposition disposition() { return disposition; }
    public String customerNumber() { return customerNumber; }
    public Channel channel() { return channel; }
    public CallbackType type() { return type; }
    public OfferType offerType() { return offerType; }
    public ConnectOrder connectOrder() { return connectOrder; }
    public CallDirection direction() { return direction; }
    public OfferTiming offerTiming() { return offerTiming; }
    public DialogResult dialogResult() { return dialogResult; }
    public DialResult finalDialResult() { return finalDialResult; }
    public long desiredMs() { return desiredMs; }
    public long serviceStartMs() { return serviceStartMs; }
    public long acceptedMs() { return acceptedMs; }
    public long queuedMs() { return queuedMs; }
    public long readyToStartMs() { return readyToStartMs; }
    public long customerConnectedMs() { return customerConnectedMs; }
    public long agentConnectedMs() { return agentConnectedMs; }
    public long completedMs() { return completedMs; }
    public long expiresMs() { return expiresMs; }
    /** When the next attempt is due (the record's dial_sched_time); 0 = now. */
    public long nextDialMs() { return nextDialMs; }
    public boolean cancelRequested() { return cancelRequested; }
    public int positionWhenReady() { return positionWhenReady; }
    public int previewRejects() { return previewRejects; }
    public List<DialAttempt> attempts() { return Collections.unmodifiableList(attempts); }
    public String agentId() { return agentId; }
    public long listId() { return listId; }
    public long recordId() { return recordId; }
    public String firstOutIxn() { return firstOutIxn; }
    public String lastOutIxn() { return lastOutIxn; }
    /** The {@code _cb_*} offer parameters the requester passed, lower-case keys. */
    public Map<String, String> offer() { return Collections.unmodifiableMap(offer); }
    /** Custom key–value data of the request. */
    public Map<String, String> data() { return Collections.unmodifiableMap(data); }

    /** Sets where the callback's record lives (once the store has written it). */
    public Callback withRecord(long listId, long recordId) {
        Callback c = copy();
        c.listId = listId;
        c.recordId = recordId;
        return c;
    }

    /** The whole callback as text keys and values (for the store); {@link #fromKv} reads it back. */
    public Map<String, String> toKv() {
        Map<String, String> kv = new LinkedHashMap<>();
        kv.put("id", id);
        kv.put("tenantId", Long.toString(tenantId));
        kv.put("serviceId", Long.toString(serviceId));
        put(kv, "serviceName", serviceName);
        kv.put("state", state.name());
        put(kv, "reason", reason);
        put(kv, "disposition", disposition == null ? null : disposition.text());
        put(kv, "customerNumber", customerNumber);
        kv.put("channel", channel.name());
        kv.put("type", type.name());
        put(kv, "offerType", offerType == null ? null : offerType.name());
        kv.put("connectOrder", connectOrder.name());
        kv.put("direction", direction.name());
        kv.put("offerTiming", offerTiming.name());
        put(kv, "dialogResult", dialogResult == null ? null : dialogResult.name());
        put(kv, "finalDialResult", finalDialResult == null ? null : finalDialResult.name());
        long[] times = {desiredMs, serviceStartMs, acceptedMs, queuedMs, readyToStartMs, customerConnectedMs,
                agentConnectedMs, completedMs, expiresMs, nextDialMs, rescheduleToMs};
        for (int i = 0; i < TIMES.size(); i++) {
            if (times[i] != 0) {
                kv.put(TIMES.get(i), Long.toString(times[i]));
            }
        }
        if (cancelRequested) {
            kv.put("cancelRequested", "1");
        }
        kv.put("positionWhenReady", Integer.toString(positionWhenReady));
        if (previewRejects > 0) {
            kv.put("previewRejects", Integer.toString(previewRejects));
        }
        kv.put("positionWhenLastDial", Integer.toString(positionWhenLastDial));
        kv.put("ewtWhenLastDialSec", Integer.toString(ewtWhenLastDialSec));
        List<String> a = new ArrayList<>();
        for (DialAttempt attempt : attempts) {
            a.add(attempt.result().name() + "@" + attempt.atMs());
        }
        kv.put("attempts", String.join(",", a));
        put(kv, "agentId", agentId);
        kv.put("listId", Long.toString(listId));
        kv.put("recordId", Long.toString(recordId));
        put(kv, "firstOutIxn", firstOutIxn);
        put(kv, "lastOutIxn", lastOutIxn);
        offer.forEach((k, v) -> kv.put("offer." + k, v));
        data.forEach((k, v) -> kv.put("data." + k, v));
        return kv;
    }

    private static final List<String> TIMES = List.of("desiredMs", "serviceStartMs", "acceptedMs", "queuedMs",
            "readyToStartMs", "customerConnectedMs", "agentConnectedMs", "completedMs", "expiresMs", "nextDialMs",
            "rescheduleToMs");

    private static void put(Map<String, String> kv, String key, String value) {
        if (value != null) {
            kv.put(key, value);
        }
    }

    public static Callback fromKv(Map<String, String> kv) {
        Callback c = new Callback();
        c.id = kv.get("id");
        c.tenantId = Long.parseLong(kv.get("tenantId"));
        c.serviceId = Long.parseLong(kv.get("serviceId"));
        c.serviceName = kv.get("serviceName");
        c.state = CallbackState.valueOf(kv.get("state"));
        c.reason = kv.get("reason");
        c.disposition = kv.containsKey("disposition") ? Disposition.parse(kv.get("disposition")) : null;
        c.customerNumber = kv.get("customerNumber");
        c.channel = Channel.valueOf(kv.get("channel"));
        c.type = CallbackType.valueOf(kv.get("type"));
        c.offerType = kv.containsKey("offerType") ? OfferType.valueOf(kv.get("offerType")) : null;
        c.connectOrder = ConnectOrder.valueOf(kv.get("connectOrder"));
        c.direction = CallDirection.valueOf(kv.get("direction"));
        c.offerTiming = OfferTiming.valueOf(kv.get("offerTiming"));
        c.dialogResult = kv.containsKey("dialogResult") ? DialogResult.valueOf(kv.get("dialogResult")) : null;
        c.finalDialResult = kv.containsKey("finalDialResult") ? DialResult.valueOf(kv.get("finalDialResult")) : null;
        long[] t = new long[TIMES.size()];
        for (int i = 0; i < t.length; i++) {
            String v = kv.get(TIMES.get(i));
            t[i] = v == null ? 0 : Long.parseLong(v);
        }
        c.desiredMs = t[0];
        c.serviceStartMs = t[1];
        c.acceptedMs = t[2];
        c.queuedMs = t[3];
        c.readyToStartMs = t[4];
        c.customerConnectedMs = t[5];
        c.agentConnectedMs = t[6];
        c.completedMs = t[7];
        c.expiresMs = t[8];
        c.nextDialMs = t[9];
        c.rescheduleToMs = t[10];
        c.cancelRequested = "1".equals(kv.get("cancelRequested"));
        c.positionWhenReady = Integer.parseInt(kv.getOrDefault("positionWhenReady", "0"));
        c.previewRejects = Integer.parseInt(kv.getOrDefault("previewRejects", "0"));
        c.positionWhenLastDial = Integer.parseInt(kv.getOrDefault("positionWhenLastDial", "0"));
        c.ewtWhenLastDialSec = Integer.parseInt(kv.getOrDefault("ewtWhenLastDialSec", "0"));
        String attempts = kv.getOrDefault("attempts", "");
        if (!attempts.isEmpty()) {
            for (String a : attempts.split(",")) {
                int at = a.indexOf('@');
                c.attempts.add(new DialAttempt(Long.parseLong(a.substring(at + 1)), DialResult.valueOf(a.substring(0, at))));
            }
        }
        c.agentId = kv.get("agentId");
        c.listId = Long.parseLong(kv.getOrDefault("listId", "0"));
        c.recordId = Long.parseLong(kv.getOrDefault("recordId", "0"));
        c.firstOutIxn = kv.get("firstOutIxn");
        c.lastOutIxn = kv.get("lastOutIxn");
        kv.forEach((k, v) -> {
            if (k.startsWith("offer.")) {
                c.offer.put(k.substring(6), v);
            } else if (k.startsWith("data.")) {
                c.data.put(k.substring(5), v);
            }
        });
        return c;
    }

    @Override
    public String toString() {
        return "Callback[" + id + " " + state + (reason == null ? "" : " " + reason) + "]";
    }
}
