package org.outdial.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class BusinessHoursTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void hoursAreEvaluatedPerWeekdayInTheServicesZone() {
        BusinessHours h = BusinessHours.parse("Mon-Fri 08:00-20:00; Sat 09:00-13:00", BERLIN);
        assertThat(h.isOpen(Instant.parse("2026-03-02T07:30:00Z"))).isTrue();   // Monday 08:30 Berlin
        assertThat(h.isOpen(Instant.parse("2026-03-02T06:30:00Z"))).isFalse();  // Monday 07:30 Berlin
        assertThat(h.isOpen(Instant.parse("2026-03-07T11:00:00Z"))).isTrue();   // Saturday 12:00
        assertThat(h.isOpen(Instant.parse("2026-03-08T11:00:00Z"))).isFalse();  // Sunday
        assertThat(BusinessHours.parse(h.text(), BERLIN)).isEqualTo(h);
    }

    @Test
    void badHoursNameThePartThatIsWrong() {
        assertThatThrownBy(() -> BusinessHours.parse("Mon-Fry 08:00-20:00", BERLIN)).hasMessageContaining("Fry");
        assertThatThrownBy(() -> BusinessHours.parse("Mon 08:00", BERLIN)).hasMessageContaining("Mon 08:00");
    }
}
