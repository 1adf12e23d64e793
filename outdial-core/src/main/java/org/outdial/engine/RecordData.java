package org.outdial.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.outdial.desktop.ErrorCode;
import org.outdial.desktop.Keys;
import org.outdial.desktop.ProtocolException;
import org.outdial.desktop.Request.RecordChanges;
import org.outdial.list.CallingList;
import org.outdial.list.CustomField;
import org.outdial.record.CallResult;
import org.outdial.record.CallingRecord;
import org.outdial.record.CallingWindow;
import org.outdial.record.ContactInfoType;

/**
 * A record as a desktop sees it: the default record information keys and every custom field that has a
 * {@code send_attribute} (integers as Int, everything else as String), and the desktop's changes applied back to it.
 */
final class RecordData {

    private RecordData() {}

    /** The attributes of PreviewRecord, ScheduledCall, ChainedRecord and the record of a connected call. */
    static Map<String, Object> of(Session s, BufferedRecord r, long nowMs) {
        CallingRecord rec = r.record;
        CallingList list = s.lists.get(rec.listId());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(Keys.RECORD_HANDLE, r.handle);
        m.put(Keys.CAMPAIGN_NAME, s.config.campaign().name());
        m.put(Keys.CAMPAIGN_GROUP_NAME, s.config.group().name());
        m.put(Keys.CAMPAIGN_GROUP_DESCRIPTION, "");
        m.put(Keys.CALLING_LIST, list == null ? String.valueOf(rec.listId()) : list.name());
        m.put(Keys.PHONE, rec.contactInfo());
        m.put(Keys.PHONE_TYPE, (long) rec.contactInfoType().code());
        m.put(Keys.CONTACT_MEDIA_TYPE, mediaType(rec.contactInfoType()));
        m.put(Keys.CALL_RESULT, (long) rec.callResult().code());
        m.put(Keys.CHAIN_ID, rec.chainId());
        m.put(Keys.CHAIN_N, (long) rec.chainN());
        m.put(Keys.ATTEMPTS, (long) rec.attempt());
        if (rec.callTime() != null) {
            m.put(Keys.CALL_TIME, String.valueOf(rec.callTime().getEpochSecond()));
        }
        m.put(Keys.FROM, (long) rec.window().dailyFromSec());
        m.put(Keys.UNTIL, (long) rec.window().dailyTillSec());
        m.put(Keys.TZ_OFFSET, (long) rec.timeZone().getRules().getOffset(Instant.ofEpochMilli(nowMs))
                .getTotalSeconds());
        String cpn = s.config.campaign().callerId();
        m.put(Keys.CPN_DIGITS, cpn == null ? "" : cpn);
        if (rec.customerId() != null) {
            m.put(Keys.CUSTOMER_ID, rec.customerId());
        }
        if (list != null) {
            for (CustomField f : list.customFields()) {
                Object v = rec.customFields().get(f.name());
                if (f.sendAttribute() != null && v != null) {
                    m.put(f.sendAttribute(), v instanceof Long || v instanceof Integer ? ((Number) v).longValue()
                            : v.toString());
                }
            }
        }
        return m;
    }

    /** The spec's Media Type table: voice for phones, email and instant message for those, any for no type. */
    static String mediaType(ContactInfoType t) {
        return switch (t) {
            case NO_CONTACT_TYPE -> "any";
            case EMAIL_ADDRESS -> "email";
            case INSTANT_MESSAGING -> "instant message";
            default -> "voice";
        };
    }

    /**
     * Checks a desktop's changes against the record's list and turns custom values into the field's type.
     * Custom keys that are no field's send_attribute are dropped (only send_attribute fields are updatable).
     *
     * @throws ProtocolException 103 for a value the field cannot take, or a window with from after until
     */
    static RecordChanges validate(CallingList list, CallingRecord rec, RecordChanges c, PhoneFormat phones) {
        int from = c.dailyFrom() != null ? c.dailyFrom() : rec.window().dailyFromSec();
        int till = c.dailyTill() != null ? c.dailyTill() : rec.window().dailyTillSec();
        try {
            new CallingWindow(from, till);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(ErrorCode.INVALID_ATTRIBUTE_VALUE, "GSW_FROM " + from + " / GSW_UNTIL " + till
                    + ": " + e.getMessage());
        }
        return new RecordChanges(c.callResult(), c.dailyFrom(), c.dailyTill(),
                c.phone() == null ? null : e164(phones, c.phone(), list), c.phoneType(), customFieldsOf(list, c.custom()));
    }

    /**
     * A desktop's GSW_PHONE in E.164, read in the list's default country as the importer reads it.
     *
     * @throws ProtocolException 103 naming GSW_PHONE when it is no valid phone number
     */
    static String e164(PhoneFormat phones, String phone, CallingList list) {
        try {
            return phones.toE164(phone, list == null ? "US" : list.defaultCountry());
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(ErrorCode.INVALID_ATTRIBUTE_VALUE, Keys.PHONE + " " + e.getMessage());
        }
    }

    /**
     * Custom values a desktop sent (by send_attribute key) as the list's field values (by field name, in the field's
     * type); keys that are no field's send_attribute are dropped.
     *
     * @throws ProtocolException 103 for a value the field cannot take
     */
    static Map<String, Object> customFieldsOf(CallingList list, Map<String, Object> byKey) {
        Map<String, Object> custom = new LinkedHashMap<>();
        if (list != null) {
            for (CustomField f : list.customFields()) {
                if (f.sendAttribute() != null && byKey.containsKey(f.sendAttribute())) {
                    custom.put(f.name(), convert(f, byKey.get(f.sendAttribute())));
                }
            }
        }
        return custom;
    }

    private static Object convert(CustomField f, Object v) {
        String key = f.sendAttribute();
        try {
            return switch (f.type()) {
                case VARCHAR -> {
                    String s = v.toString();
                    if (s.length() > f.length()) {
                        throw bad(key, "is longer than the field's " + f.length() + " characters");
                    }
                    yield s;
                }
                case INTEGER, BIGINT -> v instanceof Long l ? l : Long.parseLong(v.toString().strip());
                case DECIMAL -> new BigDecimal(v.toString().strip());
                case BOOLEAN -> switch (v.toString().strip().toLowerCase(java.util.Locale.ROOT)) {
                    case "true", "1" -> Boolean.TRUE;
                    case "false", "0" -> Boolean.FALSE;
                    default -> throw bad(key, "'" + v + "' is not true/false");
                };
                case DATE -> LocalDate.parse(v.toString().strip());
                case TIMESTAMP -> Instant.parse(v.toString().strip());
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw bad(key, "'" + v + "' is not a " + f.type().name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    private static ProtocolException bad(String key, String what) {
        return new ProtocolException(ErrorCode.INVALID_ATTRIBUTE_VALUE, "custom field " + key + " " + what);
    }

    /** The record with validated changes applied (phone, phone type, window, custom fields; not the result). */
    static CallingRecord apply(CallingRecord r, RecordChanges c) {
        if (c == null || c.isEmpty()) {
            return r;
        }
        Map<String, Object> custom = new LinkedHashMap<>(r.customFields());
        custom.putAll(c.custom());
        CallingWindow window = new CallingWindow(c.dailyFrom() != null ? c.dailyFrom() : r.window().dailyFromSec(),
                c.dailyTill() != null ? c.dailyTill() : r.window().dailyTillSec());
        return new CallingRecord(r.recordId(), r.listId(), c.phone() != null ? c.phone() : r.contactInfo(),
                c.phoneType() != null ? ContactInfoType.fromCode(c.phoneType()) : r.contactInfoType(), r.recordType(),
                r.recordStatus(), r.callResult(), r.attempt(), r.dialSchedTime(), r.callTime(), window, r.timeZone(),
                r.campaignId(), r.agentId(), r.chainId(), r.chainN(), r.groupId(), r.appId(), r.treatments(),
                r.customerId(), custom);
    }

    static CallResult resultOf(RecordChanges c, CallResult otherwise) {
        return c != null && c.callResult() != null ? CallResult.fromCode(c.callResult()) : otherwise;
    }
}
