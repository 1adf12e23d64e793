package org.outdial.csv;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import com.google.i18n.phonenumbers.metadata.source.RegionMetadataSource;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns phone numbers as people write them into E.164 ({@code +4915112345678}) with libphonenumber. National numbers
 * are read in the default region; numbers starting with {@code +} or {@code 00} keep their own country. Numbers that
 * libphonenumber does not consider valid, and numbers with an extension (E.164 cannot carry one), are refused.
 *
 * <p>Numbers already in E.164 form take a fast path that skips libphonenumber's text parsing and gives the same
 * result; it matters on imports, where parsing is the costliest step. Thread-safe.
 */
public final class PhoneNormalizer {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    /** The metadata {@link PhoneNumberUtil#getInstance()} reads, for what the util does not expose. */
    private static final RegionMetadataSource METADATA =
            DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource();

    private final String region;
    /** Per calling code 0..999, filled lazily; a racy but safe cache of immutable entries. */
    private final CallingCode[] callingCodes = new CallingCode[1000];

    /** @param defaultRegion ISO 3166 two-letter region for national numbers, e.g. "US" */
    public PhoneNormalizer(String defaultRegion) {
        if (defaultRegion == null || !UTIL.getSupportedRegions().contains(defaultRegion.toUpperCase(Locale.ROOT))) {
            throw new IllegalArgumentException("default country '" + defaultRegion
                    + "' is not a region libphonenumber knows; use an ISO 3166 two-letter code such as US or DE");
        }
        this.region = defaultRegion.toUpperCase(Locale.ROOT);
    }

    public String region() {
        return region;
    }

    /**
     * @return the number in E.164 form
     * @throws BadValueException saying why the text is not a valid phone number
     */
    public String toE164(String text) {
        String fast = fastE164(text);
        return fast != null ? fast : parseE164(text.strip());
    }

    private String parseE164(String text) {
        String international = text.startsWith("00") ? "+" + text.substring(2) : text;
        PhoneNumber number;
        try {
            number = UTIL.parse(international, region);
        } catch (NumberParseException e) {
            throw new BadValueException("'" + Cells.shorten(text) + "' is not a phone number: " + describe(e.getErrorType())
                    + "; write it in national form for " + region + " or in international form with + or 00");
        }
        if (number.hasExtension()) {
            throw new BadValueException("'" + Cells.shorten(text) + "' has an extension (" + number.getExtension()
                    + "); outdial dials E.164 numbers, which cannot carry one: remove it");
        }
        if (!UTIL.isValidNumber(number)) {
            String e164 = UTIL.format(number, PhoneNumberFormat.E164);
            throw new BadValueException("'" + Cells.shorten(text) + "' (read as " + e164 + ") is not a valid phone number"
                    + (text.startsWith("+") || text.startsWith("00") ? "" : " in " + region)
                    + "; check the digits, or write it in international form with + or 00 if it is foreign");
        }
        return UTIL.format(number, PhoneNumberFormat.E164);
    }

    /**
     * The E.164 number when the text is already a valid one, else null. Gives exactly what {@link #parseE164} would:
     * it only accepts text where parsing would neither strip a national prefix nor keep a leading zero.
     */
    private String fastE164(String text) {
        int length = text.length();
        if (length < 9 || length > 16 || text.charAt(0) != '+' || text.charAt(1) == '0') {
            return null;
        }
        for (int i = 1; i < length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        int code = 0;
        for (int digits = 1; digits <= 3; digits++) {
            code = code * 10 + (text.charAt(digits) - '0');
            CallingCode callingCode = callingCode(code);
            if (callingCode != null) {
                return callingCode.accepts(text, 1 + digits) ? text : null;
            }
        }
        return null;
    }

    private CallingCode callingCode(int code) {
        CallingCode cached = callingCodes[code];
        if (cached == null) {
            cached = CallingCode.of(code);
            callingCodes[code] = cached;
        }
        return cached == CallingCode.UNKNOWN ? null : cached;
    }

    private static String describe(NumberParseException.ErrorType type) {
        return switch (type) {
            case INVALID_COUNTRY_CODE -> "unknown country calling code";
            case NOT_A_NUMBER -> "not a number";
            case TOO_SHORT_AFTER_IDD, TOO_SHORT_NSN -> "too short";
            case TOO_LONG -> "too long";
        };
    }

    /** What the fast path needs to know about one country calling code. */
    private record CallingCode(int code, String mainRegion, Pattern nationalPrefix, boolean mainHasLeadingDigits,
                               boolean known) {

        static final CallingCode UNKNOWN = new CallingCode(0, null, null, false, false);

        static CallingCode of(int code) {
            String main = UTIL.getRegionCodeForCountryCode(code);
            if ("ZZ".equals(main)) {
                return UNKNOWN;
            }
            PhoneMetadata metadata = PhoneNumberUtil.REGION_CODE_FOR_NON_GEO_ENTITY.equals(main)
                    ? null : METADATA.getMetadataForRegion(main);
            if (metadata == null) {
                // non-geographic codes (800, 870…) take the slow path
                return new CallingCode(code, main, null, true, false);
            }
            String prefix = metadata.getNationalPrefixForParsing();
            return new CallingCode(code, main, prefix.isEmpty() ? null : Pattern.compile(prefix),
                    metadata.hasLeadingDigits(), true);
        }

        boolean accepts(String text, int nationalStart) {
            if (!known || text.charAt(nationalStart) == '0'
                    || nationalPrefix != null && nationalPrefix.matcher(text).region(nationalStart, text.length()).lookingAt()) {
                return false;
            }
            PhoneNumber number = new PhoneNumber().setCountryCode(code)
                    .setNationalNumber(Long.parseLong(text, nationalStart, text.length(), 10));
            // The main region is first in libphonenumber's list for its code: valid there means valid.
            return !mainHasLeadingDigits && UTIL.isValidNumberForRegion(number, mainRegion) || UTIL.isValidNumber(number);
        }
    }
}
