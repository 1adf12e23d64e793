package org.outdial.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimerServiceTest {

    @Test
    void timersFireInDueOrderThenById() {
        TimerService timers = new TimerService();
        timers.accept(new Command.ScheduleTimer(2, 500));
        timers.accept(new Command.ScheduleTimer(1, 900));
        timers.accept(new Command.ScheduleTimer(3, 500));

        assertThat(timers.poll(1_000, 10)).extracting(Event.TimerFired::timerId).containsExactly(2L, 3L, 1L);
    }

    @Test
    void timerFiresOnlyOnceItIsDue() {
        TimerService timers = new TimerService();
        timers.accept(new Command.ScheduleTimer(1, 500));

        assertThat(timers.poll(499, 10)).isEmpty();
        assertThat(timers.poll(500, 10)).extracting(Event.TimerFired::nowMs).containsExactly(500L);
    }

    @Test
    void cancelledTimerNeverFires() {
        TimerService timers = new TimerService();
        timers.accept(new Command.ScheduleTimer(1, 500));
        timers.accept(new Command.CancelTimer(1));

        assertThat(timers.poll(1_000, 10)).isEmpty();
        assertThat(timers.nextDueMs()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void pollIsBoundedByItsLimit() {
        TimerService timers = new TimerService();
        for (long id = 1; id <= 5; id++) {
            timers.accept(new Command.ScheduleTimer(id, 100));
        }

        assertThat(timers.poll(100, 2)).hasSize(2);
        assertThat(timers.size()).isEqualTo(3);
    }
}
