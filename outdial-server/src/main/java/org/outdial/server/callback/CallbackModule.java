package org.outdial.server.callback;

import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.outdial.callback.CallbackEventSink;
import org.outdial.server.dialing.DialingRuntime;
import org.outdial.store.CallbackStore;
import org.outdial.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The callback service wired together: desk, tracker on the engine's commands, scheduler and REST API. Started after
 * the dialing runtime (which has returned records a previous run left claimed, so callbacks caught in a call wait
 * again).
 */
public final class CallbackModule implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CallbackModule.class);
    private static final Duration TICK = Duration.ofSeconds(1);

    private final CallbackDesk desk;
    private final CallbackTracker tracker;
    private final CallbackScheduler scheduler;
    private final CallbackApi api;

    private CallbackModule(CallbackDesk desk, CallbackTracker tracker, CallbackScheduler scheduler, CallbackApi api) {
        this.desk = desk;
        this.tracker = tracker;
        this.scheduler = scheduler;
        this.api = api;
    }

    /**
     * @param sink where reporting events go besides the store (the CTI stream); {@link CallbackEventSink#NONE}
     * @return null when the store keeps no callbacks
     */
    public static CallbackModule start(Store store, DialingRuntime dialing, LongSupplier clockMs, CallbackEventSink sink) {
        return start(store, dialing, clockMs, sink, new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
    }

    /**
     * @param sink     where reporting events go besides the store (the CTI stream); {@link CallbackEventSink#NONE}
     * @param registry where the tracker counts dropped observations
     * @return null when the store keeps no callbacks
     */
    public static CallbackModule start(Store store, DialingRuntime dialing, LongSupplier clockMs, CallbackEventSink sink,
                                       io.micrometer.core.instrument.MeterRegistry registry) {
        CallbackStore callbacks;
        try {
            callbacks = store.callbacks();
        } catch (UnsupportedOperationException e) {
            LOG.info("the store keeps no callbacks; the callback service is off");
            return null;
        }
        CallbackDesk desk = new CallbackDesk(store, clockMs, sink);
        int recovered = desk.recover();
        if (recovered > 0) {
            LOG.atInfo().addKeyValue("callbacks", recovered).log("callbacks cut short by a restart wait again");
        }
        CallbackTracker tracker = new CallbackTracker(desk, callbacks.allServices(), clockMs, registry,
                CallbackTracker.DEFAULT_CAPACITY);
        desk.onServiceCreated(tracker::register);
        dialing.publishTo(tracker::accept);
        dialing.observeSwitch(tracker::switchEvent);
        CallbackApi api = new CallbackApi(desk, callbacks);
        return new CallbackModule(desk, tracker, new CallbackScheduler(desk, tracker, TICK), api);
    }

    public Consumer<JavalinDefaultRoutingApi> routes() {
        return api::register;
    }

    public CallbackTracker tracker() {
        return tracker;
    }

    public CallbackDesk desk() {
        return desk;
    }

    /** Waits until the engine commands seen so far are applied to callbacks. */
    public void drain() {
        tracker.drain();
    }

    @Override
    public void close() {
        scheduler.close();
        tracker.close();
    }
}
