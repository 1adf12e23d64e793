package org.outdial.engine;

/**
 * Turns a phone number a desktop sends into the E.164 form the lists hold, as the importer does; the engine has no
 * number plan of its own, so the adapter supplies it (libphonenumber in the server).
 */
@FunctionalInterface
public interface PhoneFormat {

    /** Keeps numbers as given (tests and simulations whose numbers are E.164 already). */
    PhoneFormat AS_GIVEN = (phone, region) -> phone;

    /**
     * @param defaultRegion the calling list's default country (ISO 3166), for numbers written nationally
     * @return the number in E.164 form
     * @throws IllegalArgumentException saying why the text is not a valid phone number
     */
    String toE164(String phone, String defaultRegion);
}
