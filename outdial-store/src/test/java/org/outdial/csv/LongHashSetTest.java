package org.outdial.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LongHashSetTest {

    @Test
    void addReportsWhetherTheValueWasNew() {
        LongHashSet set = new LongHashSet(4);

        assertThat(set.add(12127365000L)).isTrue();
        assertThat(set.add(12127365000L)).isFalse();
        assertThat(set.contains(12127365000L)).isTrue();
        assertThat(set.contains(12127365001L)).isFalse();
    }

    @Test
    void setGrowsPastItsExpectedSizeAndKeepsEveryValue() {
        SplittableRandom random = new SplittableRandom(7);
        LongHashSet set = new LongHashSet(16);
        Set<Long> reference = new HashSet<>();
        for (int i = 0; i < 200_000; i++) {
            long value = 1 + random.nextLong(10_000_000_000L);
            assertThat(set.add(value)).isEqualTo(reference.add(value));
        }
        assertThat(set.size()).isEqualTo(reference.size());
        reference.forEach(value -> assertThat(set.contains(value)).isTrue());
    }

    @Test
    void zeroAndNegativeValuesAreRefused() {
        assertThatThrownBy(() -> new LongHashSet(4).add(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void e164DigitsAreReadOnlyFromE164Text() {
        assertThat(ContactSet.e164Digits("+12127365000")).isEqualTo(12127365000L);
        assertThat(ContactSet.e164Digits("12127365000")).isEqualTo(-1);
        assertThat(ContactSet.e164Digits("+0123")).isEqualTo(-1);
        assertThat(ContactSet.e164Digits("+1212736500012345")).isEqualTo(-1);
        assertThat(ContactSet.e164Digits("a@b.c")).isEqualTo(-1);
    }
}
