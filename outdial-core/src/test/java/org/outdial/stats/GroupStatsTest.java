package org.outdial.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GroupStatsTest {

    @Test
    void ratiosAreNullUntilTheyAreDefined() {
        GroupStatsView v = new GroupStats().view(0);

        assertThat(v.busyFactor()).isNull();
        assertThat(v.hitRatio()).isNull();
        assertThat(v.overdialRate()).isNull();
        assertThat(v.timeToCompleteSec()).isNull();
        assertThat(v.averageWaitSec()).isNull();
    }

    @Test
    void formulasFollowTheirDefinitions() {
        GroupStats s = new GroupStats();
        for (int i = 0; i < 10; i++) {
            s.onDial(1_000);
            s.onDialFinished();
        }
        s.onLiveAnswer();
        s.onLiveAnswer();
        s.onLiveAnswer();
        s.onLiveAnswer();
        s.onConnect();
        s.onConnect();
        s.onConnect();
        s.onAbandon();
        s.addBusyMs(30_000);
        s.addReadyMs(10_000);
        s.onRecordFinished();
        s.onRecordFinished();
        s.remainingRecords(100);

        GroupStatsView v = s.view(11_000);

        assertThat(v.busyFactor()).isEqualTo(0.75);
        assertThat(v.hitRatio()).isEqualTo(0.4);
        assertThat(v.overdialRate()).isEqualTo(0.25);
        assertThat(v.averageWaitSec()).isEqualTo(10.0 / 3);
        assertThat(v.timeToCompleteSec()).isEqualTo(500);
    }
}
