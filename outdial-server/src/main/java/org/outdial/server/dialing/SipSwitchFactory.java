package org.outdial.server.dialing;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.ToDoubleFunction;
import org.outdial.server.OutdialException;
import org.outdial.server.config.Settings;
import org.outdial.sip.SipConfigFile;
import org.outdial.sip.SipSwitch;
import org.outdial.sip.SipSwitchConfig;

/** Starts the SIP switch from its configuration file and publishes its counters on /metrics. */
public final class SipSwitchFactory {

    private SipSwitchFactory() {}

    /** @throws OutdialException naming the file or the address when the configuration is wrong or the port taken */
    public static SipSwitch start(Settings.Switching switching, MeterRegistry registry) {
        SipSwitchConfig config;
        try {
            config = SipConfigFile.load(switching.sipConfig(), System::currentTimeMillis);
        } catch (IllegalArgumentException e) {
            throw new OutdialException(e.getMessage());
        }
        SipSwitch sip;
        try {
            sip = SipSwitch.start(config, System::currentTimeMillis);
        } catch (IllegalStateException e) {
            throw new OutdialException(e.getMessage());
        }
        counter(registry, "outdial.sip.dials", "Calls placed over SIP", sip, s -> s.metrics().dials());
        counter(registry, "outdial.sip.no.reply", "INVITEs a trunk never responded to (ended by the no-reply guard)",
                sip, s -> s.metrics().noReply());
        counter(registry, "outdial.sip.cancel.unanswered", "CANCELs without a final response in time", sip,
                s -> s.metrics().cancelUnanswered());
        counter(registry, "outdial.sip.trunk.full", "Dials refused at a trunk's concurrent-call limit", sip,
                s -> s.metrics().trunkFull());
        counter(registry, "outdial.sip.bridged", "Calls bridged to an agent or a destination", sip,
                s -> s.metrics().bridged());
        counter(registry, "outdial.sip.bridge.failures", "Bridges that failed", sip,
                s -> s.metrics().bridgeFailures());
        counter(registry, "outdial.sip.max.duration", "Bridged calls released at their trunk's maximum duration", sip,
                s -> s.metrics().maxDuration());
        counter(registry, "outdial.sip.half.open", "Bridged calls released because a leg lost its dialog (probe)", sip,
                s -> s.metrics().halfOpen());
        counter(registry, "outdial.sip.registrations.refused", "REGISTERs refused (unknown user, wrong digest)", sip,
                s -> s.metrics().registrationsRefused());
        Gauge.builder("outdial.sip.calls.active", sip, SipSwitch::activeCalls)
                .description("SIP calls in progress").register(registry);
        return sip;
    }

    private static void counter(MeterRegistry registry, String name, String help, SipSwitch sip,
                                ToDoubleFunction<SipSwitch> value) {
        FunctionCounter.builder(name, sip, value).description(help).register(registry);
    }
}
