package org.outdial.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PhoneNormalizerTest {

    @Test
    void e164FastPathGivesWhatFullParsingGives() {
        long seed = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        int[] callingCodes = {1, 7, 20, 33, 34, 39, 44, 49, 52, 55, 61, 81, 86, 91, 234, 351, 358, 380, 800, 971, 998};
        String[] regions = {"US", "DE", "GB", "IT", "BR"};
        for (int i = 0; i < 20_000; i++) {
            int code = callingCodes[random.nextInt(callingCodes.length)];
            int digits = 4 + random.nextInt(10);
            StringBuilder number = new StringBuilder("+").append(code);
            for (int d = 0; d < digits; d++) {
                number.append(random.nextInt(10));
            }
            PhoneNormalizer phones = new PhoneNormalizer(regions[random.nextInt(regions.length)]);
            String text = number.toString();
            assertThat(outcome(phones, text))
                    .as("%s in %s (seed %d)", text, phones.region(), seed)
                    .isEqualTo(outcome(phones, " " + text)); // the leading space forces full parsing
        }
    }

    @Test
    void validE164NumbersAreReturnedAsGiven() {
        PhoneNormalizer phones = new PhoneNormalizer("US");

        assertThat(phones.toE164("+4915112345678")).isEqualTo("+4915112345678");
        assertThat(phones.toE164("+12127365000")).isEqualTo("+12127365000");
    }

    @Test
    void nationalPrefixAfterTheCountryCodeIsDropped() {
        assertThat(new PhoneNormalizer("US").toE164("+49015112345678")).isEqualTo("+4915112345678");
    }

    @Test
    void italianLeadingZeroIsKept() {
        assertThat(new PhoneNormalizer("DE").toE164("+390612345678")).isEqualTo("+390612345678");
    }

    @Test
    void unknownCountryCodeIsRejected() {
        assertThatThrownBy(() -> new PhoneNormalizer("US").toE164("+999123456789"))
                .isInstanceOf(BadValueException.class)
                .hasMessageContaining("not a phone number");
    }

    @Test
    void lettersAreNotAPhoneNumber() {
        assertThatThrownBy(() -> new PhoneNormalizer("US").toE164("call me"))
                .isInstanceOf(BadValueException.class)
                .hasMessageContaining("'call me'");
    }

    @Test
    void unknownDefaultRegionIsRefused() {
        assertThatThrownBy(() -> new PhoneNormalizer("XX"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'XX'");
    }

    private static String outcome(PhoneNormalizer phones, String text) {
        try {
            return phones.toE164(text);
        } catch (BadValueException e) {
            return "invalid";
        }
    }
}
