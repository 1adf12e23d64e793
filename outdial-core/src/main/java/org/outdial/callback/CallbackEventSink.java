package org.outdial.callback;

/**
 * Where callback reporting events go besides the store: the CTI / event stream adapters hook in here. Called after
 * the event is durable, on a thread of the callback module; implementations must not block for long.
 */
@FunctionalInterface
public interface CallbackEventSink {

    void publish(CallbackReportEvent event);

    CallbackEventSink NONE = event -> { };
}
