package org.outdial.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.outdial.desktop.Request;
import org.outdial.engine.Command;
import org.outdial.engine.Event;

/** The demo's virtual agents: besides talking and setting results, some reschedule a record or mark it DNC. */
class RealTimeSimSwitchTest {

    @Test
    void virtualAgentsSometimesRescheduleOrMarkDoNotCallTheRecordOnTheirCall() throws Exception {
        List<Event> events = new CopyOnWriteArrayList<>();
        try (RealTimeSimSwitch sw = RealTimeSimSwitch.withDefaultModel(3, 1_000, System::currentTimeMillis)) {
            sw.start(e -> {
                events.add(e);
                if (e instanceof Event.CallAnswered a) {
                    sw.connect(new Command.ConnectToAgent(a.callId(), "agent0000", "place0"));
                }
            });
            for (long call = 1; call <= 1_500; call++) {
                sw.dial(new Command.Dial(call, UUID.randomUUID(), 1, 10_000 + call, "+1555" + call, "+15550100",
                        24_000, false, null));
            }
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (System.nanoTime() < deadline && (requests(events, Request.DoNotCall.class).isEmpty()
                    || requests(events, Request.RecordReschedule.class).isEmpty())) {
                Thread.sleep(50);
            }
        }

        List<Event.DesktopRequest> dnc = requests(events, Request.DoNotCall.class);
        List<Event.DesktopRequest> reschedule = requests(events, Request.RecordReschedule.class);
        assertThat(dnc).isNotEmpty().allSatisfy(r -> assertThat(((Request.DoNotCall) r.request()).handle())
                .isEqualTo(10_000 + (Long) r.referenceId()));
        assertThat(reschedule).isNotEmpty().allSatisfy(r -> assertThat(
                ((Request.RecordReschedule) r.request()).handle()).isEqualTo(10_000 + (Long) r.referenceId()));
    }

    private static List<Event.DesktopRequest> requests(List<Event> events, Class<? extends Request> type) {
        return events.stream().filter(e -> e instanceof Event.DesktopRequest d && type.isInstance(d.request()))
                .map(Event.DesktopRequest.class::cast).toList();
    }
}
