package org.outdial.record;

import java.util.Optional;

/** {@code contact_info_type}: what kind of address {@code contact_info} holds. */
public enum ContactInfoType {
    NO_CONTACT_TYPE(0),
    HOME_PHONE(1),
    DIRECT_BUSINESS_PHONE(2),
    BUSINESS_WITH_EXT(3),
    MOBILE(4),
    VACATION_PHONE(5),
    PAGER(6),
    MODEM(7),
    VOICE_MAIL(8),
    PIN_PAGER(9),
    EMAIL_ADDRESS(10),
    INSTANT_MESSAGING(11);

    private static final ContactInfoType[] BY_CODE = values();
    private final int code;

    ContactInfoType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** Whether {@code contact_info} of this type is a phone number to normalize and dial. */
    public boolean isPhone() {
        return this != EMAIL_ADDRESS && this != INSTANT_MESSAGING;
    }

    public static Optional<ContactInfoType> ofCode(int code) {
        return code >= 0 && code < BY_CODE.length ? Optional.of(BY_CODE[code]) : Optional.empty();
    }

    public static ContactInfoType fromCode(int code) {
        return ofCode(code).orElseThrow(() -> new IllegalArgumentException(
                "contact_info_type " + code + " is not a contact type; allowed values are 0..11"));
    }
}
