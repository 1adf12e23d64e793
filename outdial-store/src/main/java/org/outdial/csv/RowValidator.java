package org.outdial.csv;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.outdial.list.CallingList;
import org.outdial.list.CustomField;
import org.outdial.record.CallResult;
import org.outdial.record.CallingWindow;
import org.outdial.record.ContactInfoType;
import org.outdial.record.NewRecord;
import org.outdial.record.RecordStatus;
import org.outdial.record.RecordType;

/**
 * Turns one CSV row into a {@link NewRecord} for a calling list, or into the errors that keep it out: every bad value
 * of the row is reported, not just the first. Absent or empty cells take the defaults of a fresh record (General,
 * Ready, Unknown Call Result, no attempts, due now) and the list's time zone and calling window. Not thread-safe.
 */
final class RowValidator {

    /** {@code contact_info} is varchar(128). */
    static final int CONTACT_INFO_LENGTH_MAX = 128;
    /** {@code customer_id} and {@code agent_id} length, as the Do-Not-Call table keeps customer ids. */
    static final int ID_LENGTH_MAX = 64;

    private final CallingList list;
    private final ImportColumns columns;
    private final PhoneNormalizer phones;
    private final TimeZones zones = new TimeZones();

    private CsvRows row;
    private List<RowError> errors;

    RowValidator(CallingList list, ImportColumns columns, PhoneNormalizer phones) {
        this.list = list;
        this.columns = columns;
        this.phones = phones;
    }

    /**
     * Validates the current row of {@code rows}.
     *
     * @param errorsOut receives the row's errors
     * @return the record, or null when the row has errors
     */
    NewRecord validate(CsvRows rows, List<RowError> errorsOut) {
        this.row = rows;
        this.errors = errorsOut;
        int errorsBefore = errorsOut.size();
        if (rows.size() != columns.width()) {
            errorsOut.add(new RowError(rows.line(), null, "the row has " + rows.size() + " values but the header has "
                    + columns.width() + " columns; a value holding a comma, quote or line break must be in double quotes"));
            return null;
        }
        ZoneId zone = read(ImportField.TIME_ZONE, zones::parse, list.defaultTimeZone());
        int errorsBeforeType = errorsOut.size();
        ContactInfoType contactType = read(ImportField.CONTACT_INFO_TYPE,
                text -> Cells.parseEnum(text, ContactInfoType.class, code -> ContactInfoType.ofCode(code).orElse(null), 11),
                ContactInfoType.HOME_PHONE);
        // with an unreadable contact type, checking the contact against a guessed type would only add a false error
        boolean typeKnown = errorsOut.size() == errorsBeforeType;
        String contact = read(ImportField.CONTACT_INFO, text -> typeKnown ? contactInfo(text, contactType) : text, null);
        if (contact == null && row.get(columns.indexOf(ImportField.CONTACT_INFO)).isBlank()) {
            error(ImportField.CONTACT_INFO, "is empty; every row needs a phone number or contact address");
        }
        RecordType type = read(ImportField.RECORD_TYPE,
                text -> Cells.parseEnum(text, RecordType.class, code -> RecordType.ofCode(code).orElse(null), 7),
                RecordType.GENERAL);
        RecordStatus status = read(ImportField.RECORD_STATUS, RowValidator::recordStatus, RecordStatus.READY);
        CallResult result = read(ImportField.CALL_RESULT,
                text -> Cells.parseEnum(text, CallResult.class, code -> CallResult.ofCode(code).orElse(null), 53),
                CallResult.UNKNOWN_CALL_RESULT);
        int attempt = read(ImportField.ATTEMPT, text -> Cells.parseInt(text, 0, Integer.MAX_VALUE), 0);
        Instant dialSchedTime = read(ImportField.DIAL_SCHED_TIME, text -> Cells.parseEpochOrInstant(text, zone), null);
        int from = read(ImportField.DAILY_FROM, Cells::parseTimeOfDay, list.defaultWindow().dailyFromSec());
        int till = read(ImportField.DAILY_TILL, Cells::parseTimeOfDay, list.defaultWindow().dailyTillSec());
        String agentId = read(ImportField.AGENT_ID, text -> Cells.checkLength(text, ID_LENGTH_MAX), null);
        String customerId = read(ImportField.CUSTOMER_ID, text -> Cells.checkLength(text, ID_LENGTH_MAX), null);
        Map<String, Object> custom = customFields(zone);
        if (errorsOut.size() > errorsBefore) {
            return null;
        }
        return new NewRecord(contact, contactType, type, status, result, attempt, dialSchedTime,
                new CallingWindow(from, till), zone, agentId, null, 0, customerId, custom);
    }

    private String contactInfo(String text, ContactInfoType type) {
        return type.isPhone() ? phones.toE164(text) : Cells.checkLength(text, CONTACT_INFO_LENGTH_MAX);
    }

    /** Retrieved means "held by a running server"; a record read from a file is held by none, so it is Ready. */
    private static RecordStatus recordStatus(String text) {
        RecordStatus status = Cells.parseEnum(text, RecordStatus.class, code -> RecordStatus.ofCode(code).orElse(null), 9);
        return status == RecordStatus.RETRIEVED ? RecordStatus.READY : status;
    }

    private Map<String, Object> customFields(ZoneId zone) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < columns.customCount(); i++) {
            int index = columns.customIndex(i);
            CustomField field = columns.customField(i);
            String raw = row.get(index);
            if (raw.isEmpty() || raw.isBlank() && field.type() != org.outdial.list.CustomFieldType.VARCHAR) {
                values.put(field.name(), null);
                continue;
            }
            try {
                checkCharacters(raw);
                values.put(field.name(), switch (field.type()) {
                    case VARCHAR -> Cells.checkLength(raw, field.length());
                    case INTEGER -> Cells.parseLong(raw.strip(), Integer.MIN_VALUE, Integer.MAX_VALUE,
                            "a whole number that fits 32 bits");
                    case BIGINT -> Cells.parseLong(raw.strip(), Long.MIN_VALUE, Long.MAX_VALUE, "a whole number that fits 64 bits");
                    case DECIMAL -> Cells.parseDecimal(raw.strip());
                    case BOOLEAN -> Cells.parseBoolean(raw.strip());
                    case DATE -> Cells.parseDate(raw.strip());
                    case TIMESTAMP -> Cells.parseInstant(raw.strip(), zone);
                });
            } catch (BadValueException e) {
                errors.add(new RowError(row.line(), columns.header(index), e.getMessage()));
            }
        }
        return values;
    }

    /** The parsed cell, {@code fallback} when the column is absent or the cell empty or bad (bad ones are reported). */
    private <T> T read(ImportField field, Function<String, T> parser, T fallback) {
        int index = columns.indexOf(field);
        if (index < 0) {
            return fallback;
        }
        String text = row.get(index).strip();
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            checkCharacters(text);
            return parser.apply(text);
        } catch (BadValueException e) {
            errors.add(new RowError(row.line(), columns.header(index), e.getMessage()));
            return fallback;
        }
    }

    private void error(ImportField field, String reason) {
        errors.add(new RowError(row.line(), columns.header(columns.indexOf(field)), reason));
    }

    /** U+FFFD stands for bytes that were not UTF-8; NUL cannot be stored by PostgreSQL. */
    static void checkCharacters(String text) {
        if (text.indexOf('\uFFFD') >= 0) {
            throw new BadValueException("'" + Cells.shorten(text) + "' holds bytes that are not UTF-8; save the file as"
                    + " UTF-8 and import it again");
        }
        if (text.indexOf('\u0000') >= 0) {
            throw new BadValueException("'" + Cells.shorten(text.replace('\u0000', ' ')) + "' holds a NUL character"
                    + " (code 0), which cannot be stored; remove it");
        }
    }
}
