package org.outdial.server.callback;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.outdial.agent.AgentGroup;
import org.outdial.callback.CallbackService;
import org.outdial.callback.ConnectOrder;
import org.outdial.campaign.Campaign;
import org.outdial.campaign.CampaignGroup;
import org.outdial.campaign.CampaignList;
import org.outdial.campaign.DialMode;
import org.outdial.campaign.OptimizationMethod;
import org.outdial.list.CallingList;
import org.outdial.list.CustomField;
import org.outdial.list.NewCallingList;
import org.outdial.record.CallingWindow;
import org.outdial.store.Store;

/**
 * Creates what a callback service dials with: a calling list (one record per callback, carrying the call-attached
 * {@code _CB_*} keys as custom fields sent to desktops), a campaign without treatments (the callback module decides
 * redials), and a campaign group whose dial mode follows the connect order.
 */
final class ServiceSetup {

    /** Custom fields of a callback list: column → key sent to desktops (the four call-attached keys). */
    static final Map<String, String> ATTACHED_FIELDS = Map.of("cb_service_id", "_CB_SERVICE_ID",
            "cb_t_service_start", "_CB_T_SERVICE_START", "cb_t_callback_accepted", "_CB_T_CALLBACK_ACCEPTED",
            "cb_t_customer_connected", "_CB_T_CUSTOMER_CONNECTED");

    private final Store store;

    ServiceSetup(Store store) {
        this.store = store;
    }

    static DialMode dialMode(ConnectOrder order) {
        return switch (order) {
            case CUSTOMER_FIRST -> DialMode.PROGRESSIVE;
            case AGENT_FIRST_PREVIEW -> DialMode.PREVIEW;
            case AGENT_FIRST_NO_PREVIEW -> DialMode.PROGRESSIVE_WITH_SEIZING;
        };
    }

    /**
     * @param agentGroupId null = a new agent group named after the service
     * @param callerId     digits shown to the customer; every dial needs one
     */
    CallbackService create(CallbackService s, Long agentGroupId, String callerId) {
        String base = "callbacks-" + s.name();
        List<CustomField> fields = ATTACHED_FIELDS.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> CustomField.varchar(e.getKey(), 64, e.getValue())).toList();
        ZoneId zone = s.hours().zone();
        CallingList list = store.lists().create(new NewCallingList(s.tenantId(), base, "callbacks of service " + s.name(),
                fields, zone, new CallingWindow(0, CallingWindow.DAY_SEC), "US", s.maxDialAttempts() + 1));
        long agents = agentGroupId != null ? agentGroupId
                : store.config().createAgentGroup(new AgentGroup(0, s.tenantId(), base, List.of())).id();
        Campaign campaign = store.config().createCampaign(new Campaign(0, s.tenantId(), base, "callback service "
                + s.name(), List.of(new CampaignList(list.id(), 100, true)), List.of(), callerId, null, 0));
        CampaignGroup group = store.config().createCampaignGroup(new CampaignGroup(0, s.tenantId(), base + "@agents",
                campaign.id(), agents, dialMode(s.connectOrder()), OptimizationMethod.OVERDIAL_RATE, 3, 1, 10, Map.of(),
                0));
        return store.callbacks().createService(s.withStorage(0, list.id(), group.id()));
    }
}
