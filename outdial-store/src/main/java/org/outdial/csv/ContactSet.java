package org.outdial.csv;

import java.util.HashSet;
import java.util.Set;

/**
 * The contact addresses already seen by an import: the list's records and earlier rows of the file. E.164 phone
 * numbers are kept as their digits in a {@link LongHashSet}; anything else (e-mail, IM, numbers stored in another
 * form) in an ordinary set, since such lists are small. Not thread-safe.
 */
final class ContactSet {

    private final LongHashSet phones;
    private final Set<String> others = new HashSet<>();

    ContactSet(int expectedPhones) {
        phones = new LongHashSet(expectedPhones);
    }

    /** Adds the contact; returns false when it was already present. */
    boolean add(String contactInfo) {
        long digits = e164Digits(contactInfo);
        return digits > 0 ? phones.add(digits) : others.add(contactInfo);
    }

    int size() {
        return phones.size() + others.size();
    }

    /** The digits of an E.164 number ({@code +} and 1..15 digits, no leading zero) as a long; -1 otherwise. */
    static long e164Digits(String text) {
        int length = text.length();
        if (length < 2 || length > 16 || text.charAt(0) != '+' || text.charAt(1) == '0') {
            return -1;
        }
        long value = 0;
        for (int i = 1; i < length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
