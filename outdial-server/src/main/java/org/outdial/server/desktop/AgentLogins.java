package org.outdial.server.desktop;

import java.util.List;
import org.outdial.agent.Agent;
import org.outdial.desktop.ErrorCode;
import org.outdial.desktop.Keys;
import org.outdial.desktop.ProtocolException;
import org.outdial.desktop.Request;
import org.outdial.store.Store;
import org.outdial.tenant.Tenant;

/** Checks a desktop's login against the store and finds the campaign groups the agent works. */
final class AgentLogins {

    /** A checked login: the agent, his place, and the campaign groups whose agent group has him. */
    record LoggedIn(long tenantId, String agentId, String place, List<Long> groupIds) {}

    private final Store store;

    AgentLogins(Store store) {
        this.store = store;
    }

    /**
     * @throws ProtocolException 104 for an unknown agent or a wrong credential (the same answer for both), 102 when
     *                           the tenant must be named
     */
    LoggedIn check(Request.Login login) {
        Tenant tenant = tenant(login.tenantName());
        Agent agent = store.config().findAgent(tenant.id(), login.agentId()).orElse(null);
        if (agent == null || !Credentials.verify(login.credential(), agent.credentialHash())) {
            throw new ProtocolException(ErrorCode.AGENT_NOT_FOUND, "unknown agent '" + login.agentId()
                    + "' or wrong credential");
        }
        if (login.place().isBlank()) {
            throw new ProtocolException(ErrorCode.INVALID_ATTRIBUTE_VALUE, Keys.PLACE + " must not be empty");
        }
        return new LoggedIn(tenant.id(), agent.loginId(), login.place(),
                Assignments.groupsOf(store, tenant.id(), agent.id()));
    }

    private Tenant tenant(String name) {
        if (name != null) {
            return store.tenants().findByName(name).orElseThrow(() -> new ProtocolException(
                    ErrorCode.INVALID_ATTRIBUTE_VALUE, Keys.TENANT_NAME + " '" + name + "' is not a tenant"));
        }
        List<Tenant> all = store.tenants().all();
        if (all.size() != 1) {
            throw new ProtocolException(ErrorCode.ATTRIBUTE_NOT_FOUND, "this server has " + all.size()
                    + " tenants: name yours in " + Keys.TENANT_NAME);
        }
        return all.get(0);
    }
}
