package org.outdial.callback;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A validated request to create a callback. {@link #parse} reads the GMS-style parameters ({@code _customer_number},
 * {@code _desired_time}, {@code _callback_type}, {@code _call_direction}, the {@code _cb_*} offer parameters) and
 * keeps every key without a leading underscore as custom data.
 *
 * @param desiredTime null = now (immediate or wait-for-agent)
 * @param offer       the {@code _cb_*} offer parameters, validated, lower-case keys
 */
public record CallbackRequest(String customerNumber, Instant desiredTime, CallbackType type, Channel channel,
                              CallDirection direction, Map<String, String> offer, Map<String, String> data) {

    private static final Pattern NUMBER = Pattern.compile("\\+?[0-9]{3,31}");
    private static final Pattern DATA_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");
    private static final int DATA_MAX = 50;
    private static final int VALUE_MAX = 1000;

    /** Offer parameters a requester may pass, and whether each is a timestamp (T), an integer (N) or text. */
    public static final Map<String, Character> OFFER_PARAMETERS = Map.ofEntries(
            Map.entry("_cb_t_callback_offered", 'T'), Map.entry("_cb_d_callback_offer", 'N'),
            Map.entry("_cb_ewt_when_callback_was_offered", 'N'), Map.entry("_cb_pos_when_callback_was_offered", 'N'),
            Map.entry("_cb_t_callback_accepted", 'T'), Map.entry("_cb_dim_channel", 'C'),
            Map.entry("_cb_dim_callback_offer_type", 'O'), Map.entry("_cb_dim_offer_timing", 'M'),
            Map.entry("_cb_n_callback_offers_per_session", 'N'), Map.entry("_cb_d_last_callback_offer", 'N'),
            Map.entry("_cb_origination_ixn_id", 'S'), Map.entry("_cb_customer_ani", 'S'),
            Map.entry("_cb_d_customer_waited_before_offer", 'N'), Map.entry("_cb_ewt_threshold_when_offered", 'N'),
            Map.entry("_cb_offer_ewt_inbound_vq", 'N'), Map.entry("_cb_n_abandoned_during_callback_offer", 'B'));

    private static final Set<String> RESERVED = Set.of("_customer_number", "_desired_time", "_callback_type",
            "_call_direction");

    public CallbackRequest {
        offer = Map.copyOf(offer);
        data = Map.copyOf(data);
    }

    /**
     * @param params the request's parameters; values are strings, numbers or booleans (JSON scalars)
     * @throws InvalidParameterException naming the first wrong parameter
     */
    public static CallbackRequest parse(Map<String, ?> params) {
        Object rawNumber = params.get("_customer_number");
        if (rawNumber == null || rawNumber.toString().isBlank()) {
            throw new InvalidParameterException("_customer_number", "is required: the number to call back");
        }
        String number = rawNumber.toString().replaceAll("[\\s()-]", "");
        if (!NUMBER.matcher(number).matches()) {
            throw new InvalidParameterException("_customer_number", "'" + rawNumber
                    + "' is not a phone number (digits, optionally a leading +, 3 to 31 digits)");
        }
        Instant desired = null;
        Object rawDesired = params.get("_desired_time");
        if (rawDesired != null && !rawDesired.toString().isBlank()) {
            desired = instant("_desired_time", rawDesired.toString());
        }
        CallbackType type = desired == null ? CallbackType.IMMEDIATE : CallbackType.SCHEDULED;
        if (params.get("_callback_type") != null) {
            type = enumValue("_callback_type", params.get("_callback_type"), CallbackType.class);
            if (type == CallbackType.SCHEDULED && desired == null) {
                throw new InvalidParameterException("_desired_time", "is required for a SCHEDULED callback");
            }
            if (type != CallbackType.SCHEDULED && desired != null) {
                throw new InvalidParameterException("_desired_time", "is only allowed for a SCHEDULED callback, not "
                        + type);
            }
        }
        CallDirection direction = CallDirection.CUSTOMER_TERMINATED;
        Object rawDirection = params.get("_call_direction");
        if (rawDirection != null) {
            direction = switch (rawDirection.toString().toUpperCase(Locale.ROOT)) {
                case "USERTERMINATED", "CUSTOMER_TERMINATED" -> CallDirection.CUSTOMER_TERMINATED;
                case "USERORIGINATED", "CUSTOMER_ORIGINATED" -> CallDirection.CUSTOMER_ORIGINATED;
                default -> throw new InvalidParameterException("_call_direction", "'" + rawDirection
                        + "' must be USERTERMINATED or USERORIGINATED");
            };
        }
        Map<String, String> offer = new TreeMap<>();
        Map<String, String> data = new TreeMap<>();
        for (Map.Entry<String, ?> e : params.entrySet()) {
            String key = e.getKey();
            Object value = e.getValue();
            if (RESERVED.contains(key)) {
                continue;
            }
            if (key.startsWith("_")) {
                Character kind = OFFER_PARAMETERS.get(key.toLowerCase(Locale.ROOT));
                if (kind == null) {
                    throw new InvalidParameterException(key, "unknown reserved parameter; reserved ones are "
                            + new java.util.TreeSet<>(RESERVED) + " and the offer parameters "
                            + new java.util.TreeSet<>(OFFER_PARAMETERS.keySet()));
                }
                if (value != null) {
                    offer.put(key.toLowerCase(Locale.ROOT), offerValue(key, kind, value));
                }
                continue;
            }
            if (!DATA_KEY.matcher(key).matches()) {
                throw new InvalidParameterException(key, "custom data keys must be letters, digits, '_', '.', '-',"
                        + " start with a letter, at most 64 characters");
            }
            if (value instanceof Map || value instanceof Iterable) {
                throw new InvalidParameterException(key, "custom data values must be strings, numbers or booleans");
            }
            String text = value == null ? "" : value.toString();
            if (text.length() > VALUE_MAX) {
                throw new InvalidParameterException(key, "value is longer than " + VALUE_MAX + " characters");
            }
            data.put(key, text);
        }
        if (data.size() > DATA_MAX) {
            throw new InvalidParameterException("data", "at most " + DATA_MAX + " custom keys, got " + data.size());
        }
        Channel channel = offer.containsKey("_cb_dim_channel") ? Channel.valueOf(offer.get("_cb_dim_channel"))
                : Channel.WEB;
        return new CallbackRequest(number, desired, type, channel, direction, offer, data);
    }

    private static String offerValue(String key, char kind, Object value) {
        String text = value.toString().trim();
        return switch (kind) {
            case 'T' -> Long.toString(epochSeconds(key, text));
            case 'N' -> {
                try {
                    long n = Long.parseLong(text);
                    if (n < 0) {
                        throw new NumberFormatException();
                    }
                    yield Long.toString(n);
                } catch (NumberFormatException e) {
                    throw new InvalidParameterException(key, "'" + text + "' must be a whole number >= 0");
                }
            }
            case 'B' -> switch (text) {
                case "0", "false" -> "0";
                case "1", "true" -> "1";
                default -> throw new InvalidParameterException(key, "'" + text + "' must be 0 or 1");
            };
            case 'C' -> enumValue(key, text, Channel.class).name();
            case 'O' -> enumValue(key, text, OfferType.class).name();
            case 'M' -> {
                try {
                    yield OfferTiming.parse(text.toUpperCase(Locale.ROOT)).text();
                } catch (IllegalArgumentException e) {
                    throw new InvalidParameterException(key, "'" + text + "' must be ON-HOURS or OFF-HOURS");
                }
            }
            default -> {
                if (text.length() > 255) {
                    throw new InvalidParameterException(key, "is longer than 255 characters");
                }
                yield text;
            }
        };
    }

    /** A UTC timestamp as ISO-8601 ({@code 2026-05-28T15:30:00.000Z}) or epoch seconds. */
    private static long epochSeconds(String key, String text) {
        if (text.matches("[0-9]{1,12}")) {
            return Long.parseLong(text);
        }
        return instant(key, text).getEpochSecond();
    }

    private static Instant instant(String key, String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e2) {
                throw new InvalidParameterException(key, "'" + text
                        + "' is not an ISO-8601 UTC time like 2026-05-28T15:30:00.000Z");
            }
        }
    }

    private static <E extends Enum<E>> E enumValue(String key, Object value, Class<E> type) {
        try {
            return Enum.valueOf(type, value.toString().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(key, "'" + value + "' must be one of "
                    + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
