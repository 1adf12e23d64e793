package org.outdial.store.jdbc;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.outdial.list.CustomField;

/**
 * Custom field values between Java and SQL. Values are brought to the Java type of their field when a record is
 * appended (so a bad value fails its own record with a clear message, not a whole batch later), read back with the
 * same types, and rendered for {@code COPY}.
 */
final class CustomValues {

    private CustomValues() {}

    /**
     * The value as its field's Java type: String, Long, BigDecimal, Boolean, LocalDate or Instant; null stays null.
     * Strings are parsed, numbers widened; anything else is an error naming the field.
     */
    static Object coerce(CustomField field, Object value) {
        if (value == null) {
            return null;
        }
        try {
            return switch (field.type()) {
                case VARCHAR -> value instanceof String s ? s : value.toString();
                case INTEGER -> integer(field, value);
                case BIGINT -> longValue(value);
                case DECIMAL -> decimal(value);
                case BOOLEAN -> bool(value);
                case DATE -> value instanceof LocalDate d ? d : LocalDate.parse(text(value));
                case TIMESTAMP -> instant(value);
            };
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
            throw invalid(field, value);
        }
    }

    /** The coerced value as a JDBC parameter. */
    static Object toJdbc(Object coerced) {
        return coerced instanceof Instant i ? OffsetDateTime.ofInstant(i, ZoneOffset.UTC) : coerced;
    }

    /** The coerced value as PostgreSQL {@code COPY} text, before escaping; null for SQL NULL. */
    static String toCopyText(Object coerced) {
        return switch (coerced) {
            case null -> null;
            case BigDecimal d -> d.toPlainString();
            case Boolean b -> b ? "t" : "f";
            default -> coerced.toString(); // Instant and LocalDate print ISO-8601, which PostgreSQL reads
        };
    }

    static Object read(ResultSet rs, CustomField field) throws SQLException {
        String column = field.name();
        return switch (field.type()) {
            case VARCHAR -> rs.getString(column);
            case INTEGER, BIGINT -> Columns.getLong(rs, column);
            case DECIMAL -> rs.getBigDecimal(column);
            case BOOLEAN -> {
                boolean b = rs.getBoolean(column);
                yield rs.wasNull() ? null : b;
            }
            case DATE -> rs.getObject(column, LocalDate.class);
            case TIMESTAMP -> {
                OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
                yield t == null ? null : t.toInstant();
            }
        };
    }

    private static Long integer(CustomField field, Object value) {
        long v = longValue(value);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw invalid(field, value);
        }
        return v;
    }

    private static Long longValue(Object value) {
        return switch (value) {
            case Long l -> l;
            case Integer i -> i.longValue();
            case Short s -> s.longValue();
            case Byte b -> b.longValue();
            case BigDecimal d -> d.longValueExact();
            case java.math.BigInteger b -> b.longValueExact();
            case Number n -> new BigDecimal(n.toString()).longValueExact();
            default -> Long.parseLong(text(value));
        };
    }

    private static BigDecimal decimal(Object value) {
        return switch (value) {
            case BigDecimal d -> d;
            case Long l -> BigDecimal.valueOf(l);
            case Integer i -> BigDecimal.valueOf(i);
            case Number n -> new BigDecimal(n.toString());
            default -> new BigDecimal(text(value));
        };
    }

    private static Boolean bool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        return switch (text(value).toLowerCase(Locale.ROOT)) {
            case "true", "t", "yes", "y", "1" -> Boolean.TRUE;
            case "false", "f", "no", "n", "0" -> Boolean.FALSE;
            default -> throw new NumberFormatException("not a boolean");
        };
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case Instant i -> i;
            case OffsetDateTime t -> t.toInstant();
            case java.time.ZonedDateTime t -> t.toInstant();
            default -> OffsetDateTime.parse(text(value)).toInstant();
        };
    }

    private static String text(Object value) {
        if (!(value instanceof String s)) {
            throw new NumberFormatException("unexpected " + value.getClass().getSimpleName());
        }
        return s.trim();
    }

    private static IllegalArgumentException invalid(CustomField field, Object value) {
        return new IllegalArgumentException("custom field '" + field.name() + "' is "
                + field.type().name().toLowerCase(Locale.ROOT) + "; '" + value + "' ("
                + value.getClass().getSimpleName() + ") is not a valid value for it"
                + (field.type() == org.outdial.list.CustomFieldType.INTEGER ? " (32-bit integer)" : ""));
    }
}
