package org.outdial.server.cli;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.Locale;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The phone number or customer id a {@code dnc} command is about. Phones are normalized to E.164. */
final class DncTarget {

    @Parameters(index = "0", paramLabel = "PHONE", arity = "0..1",
            description = "Phone number, international (+14155550100) or national in --country.")
    String phone;

    @Option(names = "--customer-id", paramLabel = "ID", description = "Customer id instead of (or as well as) a phone.")
    String customerId;

    @Option(names = "--country", paramLabel = "CC",
            description = "Country of a national phone number (default: setting list.default-country).")
    String country;

    /** @throws IllegalArgumentException when neither is given or the phone is not a phone number */
    String e164(String defaultCountry) {
        if ((phone == null || phone.isBlank()) && (customerId == null || customerId.isBlank())) {
            throw new IllegalArgumentException("name a PHONE or a --customer-id");
        }
        if (phone == null || phone.isBlank()) {
            return null;
        }
        String region = country == null ? defaultCountry : country.trim().toUpperCase(Locale.ROOT);
        return normalize(phone, region);
    }

    static String normalize(String phone, String region) {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        try {
            Phonenumber.PhoneNumber number = util.parse(phone, region);
            if (!util.isPossibleNumber(number)) {
                throw new IllegalArgumentException("'" + phone + "' is not a possible phone number in " + region
                        + ": check the digits, or give it in international form (+…) or with --country");
            }
            return util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw new IllegalArgumentException("'" + phone + "' is not a phone number (" + e.getMessage()
                    + "): give digits, in international form (+…) or national with --country");
        }
    }

    String customerIdOrNull() {
        return customerId == null || customerId.isBlank() ? null : customerId.trim();
    }

    static String describe(String phone, String customerId) {
        if (phone != null && customerId != null) {
            return phone + " / customer " + customerId;
        }
        return phone != null ? phone : "customer " + customerId;
    }
}
