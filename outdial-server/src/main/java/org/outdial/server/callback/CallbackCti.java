package org.outdial.server.callback;

import java.util.LinkedHashMap;
import java.util.Map;
import org.outdial.callback.CallbackEventSink;
import org.outdial.callback.CallbackReportEvent;
import org.outdial.server.feed.cti.CtiStream;

/**
 * Publishes the callback reporting events on the CTI stream as user events (MsgType USER_EVENT, the way GMS sends
 * them to its reporting DN): {@code UserEvent} = {@code CallbackServiceStart} or {@code CallbackServiceEnd}, then
 * {@code CallbackID}, {@code CallbackServiceDBID} and every {@code _CB_*} key with its text value.
 */
public final class CallbackCti {

    static final String START = "CallbackServiceStart";
    static final String END = "CallbackServiceEnd";

    private CallbackCti() {}

    public static CallbackEventSink sink(CtiStream cti) {
        return e -> cti.userEvent(e.tenantId(), e.kind() == CallbackReportEvent.Kind.START ? START : END,
                attributes(e));
    }

    static Map<String, Object> attributes(CallbackReportEvent e) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("CallbackID", e.callbackId());
        a.put("CallbackServiceDBID", e.serviceId());
        a.putAll(e.keys());
        return a;
    }
}
