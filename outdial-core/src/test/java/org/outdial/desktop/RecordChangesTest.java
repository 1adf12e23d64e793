package org.outdial.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.outdial.desktop.Request.RecordChanges;

/** Repeated UpdateCallCompletionStats: a later update wins per field, custom fields merge by key. */
class RecordChangesTest {

    @Test
    void aLaterUpdateWinsPerFieldAndKeepsTheEarlierOnes() {
        RecordChanges first = new RecordChanges(33, 100, null, null, null, Map.of("a", "1", "b", "2"));
        RecordChanges later = new RecordChanges(null, null, 200, "+12025550100", null, Map.of("b", "3", "c", "4"));

        RecordChanges merged = first.then(later);

        assertThat(merged).isEqualTo(new RecordChanges(33, 100, 200, "+12025550100", null,
                Map.of("a", "1", "b", "3", "c", "4")));
    }

    @Test
    void aLaterUpdateOfTheSameCustomFieldsReplacesThem() {
        RecordChanges first = new RecordChanges(33, null, null, null, null, Map.of("a", "1"));

        assertThat(first.then(new RecordChanges(null, null, null, null, null, Map.of("a", "2"))).custom())
                .isEqualTo(Map.of("a", "2"));
    }

    @Test
    void aLaterUpdateWithoutCustomFieldsKeepsTheEarlierOnes() {
        RecordChanges first = new RecordChanges(null, null, null, null, null, Map.of("a", "1"));

        assertThat(first.then(new RecordChanges(28, null, null, null, null, Map.of())))
                .isEqualTo(new RecordChanges(28, null, null, null, null, Map.of("a", "1")));
    }
}
