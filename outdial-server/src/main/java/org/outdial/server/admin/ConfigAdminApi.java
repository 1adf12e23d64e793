package org.outdial.server.admin;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.outdial.agent.Agent;
import org.outdial.agent.AgentGroup;
import org.outdial.campaign.Campaign;
import org.outdial.campaign.CampaignGroup;
import org.outdial.campaign.CampaignList;
import org.outdial.campaign.DialMode;
import org.outdial.campaign.OptimizationMethod;
import org.outdial.record.CallResult;
import org.outdial.server.api.ApiViews;
import org.outdial.server.dialing.DialingRuntime;
import org.outdial.server.http.Access;
import org.outdial.server.http.ApiException;
import org.outdial.server.http.Caller;
import org.outdial.store.Store;
import org.outdial.tenant.ApiToken;
import org.outdial.tenant.Role;
import org.outdial.treatment.CallAction;
import org.outdial.treatment.RecordAction;
import org.outdial.treatment.Treatment;

/**
 * Writes of a tenant's configuration: agents, agent groups, treatments, campaigns, campaign groups (with their
 * options) and API tokens. Creates answer 201 with the object as the read API shows it and its ETag.
 */
public final class ConfigAdminApi {

    private static final String P = "/api/v1";
    private static final Set<String> AGENT_FIELDS = Set.of("loginId", "name", "place", "credential");
    private static final Set<String> AGENT_GROUP_FIELDS = Set.of("name", "agentIds");
    private static final Set<String> TREATMENT_FIELDS = Set.of("name", "callResult", "recordAction", "callAction",
            "destinationDn", "sequence", "cycleAttempts", "intervalMin", "incrementMin", "dateTime", "version");
    private static final Set<String> CAMPAIGN_FIELDS = Set.of("name", "description", "lists", "treatmentIds",
            "callerId", "scriptId", "version");
    private static final Set<String> CAMPAIGN_LIST_FIELDS = Set.of("listId", "share", "active");
    private static final Set<String> GROUP_FIELDS = Set.of("name", "campaignId", "agentGroupId", "dialMode",
            "optimization", "optimizationGoal", "bufferMin", "bufferMax", "options", "version");
    private static final Set<String> TOKEN_FIELDS = Set.of("label", "role");
    private static final Set<String> REASON_FIELDS = Set.of("reasonCode");
    private static final Set<String> TENANT_FIELDS = Set.of("name", "ccid");

    private final Store store;
    private final DialingRuntime runtime;
    private final Auditor audit;
    private final SecureRandom random;

    public ConfigAdminApi(Store store, DialingRuntime runtime, java.time.Clock clock, SecureRandom random) {
        this.store = store;
        this.runtime = runtime;
        this.audit = new Auditor(store.audit(), clock);
        this.random = random;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.put(P + "/tenants/{tenantId}", this::updateTenant, Access.ADMIN);
        routes.get(P + "/agents/{agentId}", this::agent, Access.READ);
        routes.post(P + "/agents", this::createAgent, Access.ADMIN);
        routes.put(P + "/agents/{agentId}", this::updateAgent, Access.ADMIN);
        routes.delete(P + "/agents/{agentId}", this::deleteAgent, Access.ADMIN);
        routes.post(P + "/agents/{agentId}/not-ready", this::agentNotReady, Access.ADMIN);
        routes.post(P + "/agents/{agentId}/logout", this::agentLogout, Access.ADMIN);
        routes.get(P + "/agent-groups/{agentGroupId}", this::agentGroup, Access.READ);
        routes.post(P + "/agent-groups", this::createAgentGroup, Access.ADMIN);
        routes.put(P + "/agent-groups/{agentGroupId}", this::updateAgentGroup, Access.ADMIN);
        routes.delete(P + "/agent-groups/{agentGroupId}", this::deleteAgentGroup, Access.ADMIN);
        routes.get(P + "/treatments/{treatmentId}", this::treatment, Access.READ);
        routes.post(P + "/treatments", this::createTreatment, Access.ADMIN);
        routes.put(P + "/treatments/{treatmentId}", this::updateTreatment, Access.ADMIN);
        routes.delete(P + "/treatments/{treatmentId}", this::deleteTreatment, Access.ADMIN);
        routes.post(P + "/campaigns", this::createCampaign, Access.ADMIN);
        routes.put(P + "/campaigns/{campaignId}", this::updateCampaign, Access.ADMIN);
        routes.delete(P + "/campaigns/{campaignId}", this::deleteCampaign, Access.ADMIN);
        routes.post(P + "/campaign-groups", this::createGroup, Access.ADMIN);
        routes.put(P + "/campaign-groups/{groupId}", this::updateGroup, Access.ADMIN);
        routes.delete(P + "/campaign-groups/{groupId}", this::deleteGroup, Access.ADMIN);
        routes.post(P + "/tokens", this::createToken, Access.ADMIN);
        routes.delete(P + "/tokens/{tokenId}", this::revokeToken, Access.ADMIN);
        routes.get(P + "/enums", this::enums, Access.READ);
    }

    // ---- tenant ----------------------------------------------------------------------------------------------

    /**
     * Renames the caller's own tenant or sets its contact-center id. Tenants have no version; the edit needs the
     * If-Match of the tenant's content. Creating tenants stays with the command line (a token belongs to one tenant).
     */
    private void updateTenant(Context ctx) {
        long id = Ids.path(ctx, "tenantId");
        if (id != Caller.of(ctx).tenantId()) {
            throw ApiException.notFound("tenant " + id);
        }
        org.outdial.tenant.Tenant current = store.tenants().find(id).orElseThrow(() -> ApiException.notFound("tenant " + id));
        Tags.requireContent(ctx, Tags.ofContent(ApiViews.tenant(current)), "tenant " + id);
        Body b = Body.parse(ctx.body(), TENANT_FIELDS);
        String ccid = b.has("ccid") ? b.optText("ccid", null) : current.ccid();
        if (ccid != null && ccid.length() > 64) {
            throw new FieldException("ccid", "field 'ccid' must be at most 64 characters");
        }
        org.outdial.tenant.Tenant t = store.tenants().update(new org.outdial.tenant.Tenant(id,
                b.has("name") ? b.name("name", 100) : current.name(), ccid == null || ccid.isBlank() ? null : ccid));
        audit.record(ctx, "tenant.update", id, Map.of("before", ApiViews.tenant(current), "after", ApiViews.tenant(t)));
        ctx.header("ETag", Tags.ofContent(ApiViews.tenant(t))).json(ApiViews.tenant(t));
    }

    // ---- agents ----------------------------------------------------------------------------------------------

    private Agent findAgent(Context ctx) {
        long id = Ids.path(ctx, "agentId");
        return store.config().agents(Caller.of(ctx).tenantId()).stream().filter(a -> a.id() == id).findFirst()
                .orElseThrow(() -> ApiException.notFound("agent " + id));
    }

    private void agent(Context ctx) {
        Agent a = findAgent(ctx);
        ctx.header("ETag", Tags.ofContent(ApiViews.agent(a))).json(ApiViews.agent(a));
    }

    private void createAgent(Context ctx) {
        Body b = Body.parse(ctx.body(), AGENT_FIELDS);
        Agent a = store.config().createAgent(new Agent(0, Caller.of(ctx).tenantId(), loginId(b),
                b.optText("name", null), b.optText("place", null), credentialHash(b, null)));
        audit.record(ctx, "agent.create", a.id(), ApiViews.agent(a));
        ctx.status(201).header("ETag", Tags.ofContent(ApiViews.agent(a))).json(ApiViews.agent(a));
    }

    private static String loginId(Body b) {
        String login = b.name("loginId", 64);
        if (!login.matches("[A-Za-z0-9_.@-]+")) {
            throw new FieldException("loginId", "field 'loginId' may hold letters, digits, '_', '.', '@' and '-' only");
        }
        return login;
    }

    /** The desktop credential is stored only as a salted hash; the secret is never kept, returned or audited. */
    private static String credentialHash(Body b, String current) {
        String credential = b.optText("credential", null);
        if (credential == null) {
            return current;
        }
        if (credential.length() < 4 || credential.length() > 128) {
            throw new FieldException("credential", "field 'credential' must be 4 to 128 characters");
        }
        return org.outdial.server.desktop.Credentials.hash(credential);
    }

    private void updateAgent(Context ctx) {
        Agent current = findAgent(ctx);
        Tags.requireContent(ctx, Tags.ofContent(ApiViews.agent(current)), "agent " + current.id());
        Body b = Body.parse(ctx.body(), AGENT_FIELDS);
        Agent a = store.config().updateAgent(new Agent(current.id(), current.tenantId(),
                b.has("loginId") ? loginId(b) : current.loginId(), b.optText("name", current.name()),
                b.optText("place", current.place()), credentialHash(b, current.credentialHash())));
        audit.record(ctx, "agent.update", a.id(), Map.of("before", ApiViews.agent(current), "after", ApiViews.agent(a)));
        ctx.header("ETag", Tags.ofContent(ApiViews.agent(a))).json(ApiViews.agent(a));
    }

    private void deleteAgent(Context ctx) {
        Agent a = findAgent(ctx);
        store.config().deleteAgent(a.tenantId(), a.id());
        audit.record(ctx, "agent.delete", a.id(), ApiViews.agent(a));
        ctx.status(204);
    }

    private void agentNotReady(Context ctx) {
        Agent a = findAgent(ctx);
        int reason = reasonCode(ctx);
        runtime.agentNotReady(a.loginId(), reason);
        audit.record(ctx, "agent.not-ready", a.id(), Map.of("loginId", a.loginId(), "reasonCode", reason));
        ctx.status(202).json(Map.of("agentId", a.id(), "loginId", a.loginId(), "requested", "NOT_READY"));
    }

    private void agentLogout(Context ctx) {
        Agent a = findAgent(ctx);
        int reason = reasonCode(ctx);
        runtime.agentLogout(a.loginId(), reason);
        audit.record(ctx, "agent.logout", a.id(), Map.of("loginId", a.loginId(), "reasonCode", reason));
        ctx.status(202).json(Map.of("agentId", a.id(), "loginId", a.loginId(), "requested", "LOGOUT"));
    }

    private static int reasonCode(Context ctx) {
        String text = ctx.body();
        if (text == null || text.isBlank()) {
            return 0;
        }
        return Body.parse(text, REASON_FIELDS).integer("reasonCode", 0, 9999, 0);
    }

    // ---- agent groups ----------------------------------------------------------------------------------------

    private AgentGroup findAgentGroup(Context ctx) {
        long id = Ids.path(ctx, "agentGroupId");
        return store.config().agentGroups(Caller.of(ctx).tenantId()).stream().filter(g -> g.id() == id).findFirst()
                .orElseThrow(() -> ApiException.notFound("agent group " + id));
    }

    private void agentGroup(Context ctx) {
        AgentGroup g = findAgentGroup(ctx);
        ctx.header("ETag", Tags.ofContent(ApiViews.agentGroup(g))).json(ApiViews.agentGroup(g));
    }

    private void createAgentGroup(Context ctx) {
        Body b = Body.parse(ctx.body(), AGENT_GROUP_FIELDS);
        AgentGroup g = store.config().createAgentGroup(new AgentGroup(0, Caller.of(ctx).tenantId(), b.name("name", 100),
                b.ids("agentIds")));
        audit.record(ctx, "agent-group.create", g.id(), ApiViews.agentGroup(g));
        ctx.status(201).header("ETag", Tags.ofContent(ApiViews.agentGroup(g))).json(ApiViews.agentGroup(g));
    }

    private void updateAgentGroup(Context ctx) {
        AgentGroup current = findAgentGroup(ctx);
        Tags.requireContent(ctx, Tags.ofContent(ApiViews.agentGroup(current)), "agent group " + current.id());
        Body b = Body.parse(ctx.body(), AGENT_GROUP_FIELDS);
        AgentGroup g = store.config().updateAgentGroup(new AgentGroup(current.id(), current.tenantId(),
                b.has("name") ? b.name("name", 100) : current.name(),
                b.has("agentIds") ? b.ids("agentIds") : current.agentIds()));
        audit.record(ctx, "agent-group.update", g.id(),
                Map.of("before", ApiViews.agentGroup(current), "after", ApiViews.agentGroup(g)));
        assignmentsChanged(g.tenantId());
        ctx.header("ETag", Tags.ofContent(ApiViews.agentGroup(g))).json(ApiViews.agentGroup(g));
    }

    private void deleteAgentGroup(Context ctx) {
        AgentGroup g = findAgentGroup(ctx);
        store.config().deleteAgentGroup(g.tenantId(), g.id());
        audit.record(ctx, "agent-group.delete", g.id(), ApiViews.agentGroup(g));
        assignmentsChanged(g.tenantId());
        ctx.status(204);
    }

    /** Logged-in agents follow an assignment edit at once (their desktops hear CampaignGroupAssigned). */
    private void assignmentsChanged(long tenantId) {
        runtime.assignmentsChanged(org.outdial.server.desktop.Assignments.byAgent(store, tenantId));
    }

    // ---- treatments ------------------------------------------------------------------------------------------

    private Treatment findTreatment(Context ctx) {
        long id = Ids.path(ctx, "treatmentId");
        return store.config().treatments(Caller.of(ctx).tenantId()).stream().filter(t -> t.id() == id).findFirst()
                .orElseThrow(() -> ApiException.notFound("treatment " + id));
    }

    private void treatment(Context ctx) {
        Treatment t = findTreatment(ctx);
        ctx.header("ETag", Tags.ofVersion(t.version())).json(ApiViews.treatment(t));
    }

    private Treatment readTreatment(Body b, long id, long tenantId, long version) {
        String name = b.name("name", 100);
        CallResult result = b.enumValue("callResult", CallResult.class, null);
        RecordAction action = b.enumValue("recordAction", RecordAction.class, null);
        CallAction callAction = b.enumValue("callAction", CallAction.class, CallAction.NONE);
        int cycles = b.integer("cycleAttempts", 0, 1000, action.isCyclic() ? null : 0);
        if (action.isCyclic() && cycles < 1) {
            throw new FieldException("cycleAttempts", "record action " + action + " needs 'cycleAttempts' of at least 1");
        }
        int interval = b.integer("intervalMin", 0, 525_600, 0);
        int increment = b.integer("incrementMin", 0, 525_600, 0);
        var dateTime = b.instant("dateTime");
        if (action.needsDate() && dateTime == null) {
            throw new FieldException("dateTime", "record action " + action + " needs 'dateTime' (ISO-8601)");
        }
        String dn = b.optText("destinationDn", null);
        if (callAction != CallAction.NONE && (dn == null || dn.isBlank())) {
            throw new FieldException("destinationDn", "call action " + callAction + " needs 'destinationDn'");
        }
        int sequence = b.integer("sequence", 1, 100, 1);
        return Ids.valid(() -> new Treatment(id, tenantId, name, result, action, callAction, dn, sequence, cycles,
                interval, increment, dateTime, version));
    }

    private void createTreatment(Context ctx) {
        Body b = Body.parse(ctx.body(), TREATMENT_FIELDS);
        Treatment t = store.config().createTreatment(readTreatment(b, 0, Caller.of(ctx).tenantId(), 0));
        audit.record(ctx, "treatment.create", t.id(), ApiViews.treatment(t));
        ctx.status(201).header("ETag", Tags.ofVersion(t.version())).json(ApiViews.treatment(t));
    }

    private void updateTreatment(Context ctx) {
        Treatment current = findTreatment(ctx);
        Body b = Body.parse(ctx.body(), TREATMENT_FIELDS);
        long base = Tags.baseVersion(ctx, b, current.version(), "treatment " + current.id());
        Treatment t = store.config().updateTreatment(readTreatment(b, current.id(), current.tenantId(), base));
        audit.record(ctx, "treatment.update", t.id(),
                Map.of("before", ApiViews.treatment(current), "after", ApiViews.treatment(t)));
        ctx.header("ETag", Tags.ofVersion(t.version())).json(ApiViews.treatment(t));
    }

    private void deleteTreatment(Context ctx) {
        Treatment t = findTreatment(ctx);
        store.config().deleteTreatment(t.tenantId(), t.id());
        audit.record(ctx, "treatment.delete", t.id(), ApiViews.treatment(t));
        ctx.status(204);
    }

    // ---- campaigns -------------------------------------------------------------------------------------------

    private Campaign findCampaign(Context ctx) {
        long id = Ids.path(ctx, "campaignId");
        return store.config().findCampaign(Caller.of(ctx).tenantId(), id)
                .orElseThrow(() -> ApiException.notFound("campaign " + id));
    }

    private Campaign readCampaign(Body b, long id, long tenantId, long version) {
        String name = b.name("name", 100);
        List<CampaignList> lists = b.objects("lists", CAMPAIGN_LIST_FIELDS, l -> new CampaignList(l.id("listId"),
                l.integer("share", 0, 100, 100), l.bool("active", true)));
        for (CampaignList l : lists) {
            if (store.lists().find(tenantId, l.listId()).isEmpty()) {
                throw new FieldException("lists", "calling list " + l.listId() + " does not exist; see GET /api/v1/lists");
            }
        }
        List<Long> treatmentIds = b.ids("treatmentIds");
        Set<Long> known = store.config().treatments(tenantId).stream().map(Treatment::id)
                .collect(java.util.stream.Collectors.toSet());
        for (long t : treatmentIds) {
            if (!known.contains(t)) {
                throw new FieldException("treatmentIds", "treatment " + t + " does not exist; see GET /api/v1/treatments");
            }
        }
        String callerId = b.optText("callerId", null);
        if (callerId != null && !callerId.isBlank() && !callerId.matches("\\+?[0-9]{1,31}")) {
            throw new FieldException("callerId", "field 'callerId' must be digits, optionally with a leading '+'");
        }
        return Ids.valid(() -> new Campaign(id, tenantId, name, b.optText("description", ""), lists, treatmentIds,
                callerId == null || callerId.isBlank() ? null : callerId, b.optText("scriptId", null), version));
    }

    private void createCampaign(Context ctx) {
        Body b = Body.parse(ctx.body(), CAMPAIGN_FIELDS);
        Campaign c = store.config().createCampaign(readCampaign(b, 0, Caller.of(ctx).tenantId(), 0));
        audit.record(ctx, "campaign.create", c.id(), ApiViews.campaign(c));
        ctx.status(201).header("ETag", Tags.ofVersion(c.version())).json(ApiViews.campaign(c));
    }

    private void updateCampaign(Context ctx) {
        Campaign current = findCampaign(ctx);
        Body b = Body.parse(ctx.body(), CAMPAIGN_FIELDS);
        long base = Tags.baseVersion(ctx, b, current.version(), "campaign " + current.id());
        Campaign c = store.config().updateCampaign(readCampaign(b, current.id(), current.tenantId(), base));
        audit.record(ctx, "campaign.update", c.id(),
                Map.of("before", ApiViews.campaign(current), "after", ApiViews.campaign(c)));
        ctx.header("ETag", Tags.ofVersion(c.version())).json(ApiViews.campaign(c));
    }

    private void deleteCampaign(Context ctx) {
        Campaign c = findCampaign(ctx);
        store.config().deleteCampaign(c.tenantId(), c.id());
        audit.record(ctx, "campaign.delete", c.id(), ApiViews.campaign(c));
        ctx.status(204);
    }

    // ---- campaign groups -------------------------------------------------------------------------------------

    private CampaignGroup findGroup(Context ctx) {
        long id = Ids.path(ctx, "groupId");
        return store.config().findCampaignGroup(Caller.of(ctx).tenantId(), id)
                .orElseThrow(() -> ApiException.notFound("campaign group " + id));
    }

    private CampaignGroup readGroup(Body b, long id, long tenantId, long version) {
        String name = b.name("name", 100);
        long campaignId = b.id("campaignId");
        if (store.config().findCampaign(tenantId, campaignId).isEmpty()) {
            throw new FieldException("campaignId", "campaign " + campaignId + " does not exist; see GET /api/v1/campaigns");
        }
        long agentGroupId = b.id("agentGroupId");
        if (store.config().agentGroups(tenantId).stream().noneMatch(g -> g.id() == agentGroupId)) {
            throw new FieldException("agentGroupId", "agent group " + agentGroupId
                    + " does not exist; see GET /api/v1/agent-groups");
        }
        DialMode mode = b.enumValue("dialMode", DialMode.class, DialMode.PREDICTIVE);
        OptimizationMethod optimization = b.enumValue("optimization", OptimizationMethod.class,
                OptimizationMethod.OVERDIAL_RATE);
        int goal = b.integer("optimizationGoal", 0, 100_000, 3);
        int min = b.integer("bufferMin", 0, 10_000, 5);
        int max = b.integer("bufferMax", 1, 10_000, Math.max(20, min));
        if (min > max) {
            throw new FieldException("bufferMin", "field 'bufferMin' (" + min + ") must not exceed 'bufferMax' (" + max + ")");
        }
        Map<String, String> options = b.stringMap("options");
        for (String option : options.keySet()) {
            if (!option.matches("[a-z][a-z0-9_-]{0,99}")) {
                throw new FieldException("options." + option, "option name '" + option
                        + "' must be lower-case letters, digits, '_' or '-', starting with a letter");
            }
        }
        org.outdial.server.dialing.GroupOptions.validate(options)
                .ifPresent(bad -> { throw new FieldException("options." + bad.getKey(), bad.getValue()); });
        return Ids.valid(() -> new CampaignGroup(id, tenantId, name, campaignId, agentGroupId, mode, optimization, goal,
                min, max, options, version));
    }

    private void createGroup(Context ctx) {
        Body b = Body.parse(ctx.body(), GROUP_FIELDS);
        CampaignGroup g = store.config().createCampaignGroup(readGroup(b, 0, Caller.of(ctx).tenantId(), 0));
        audit.record(ctx, "campaign-group.create", g.id(), ApiViews.campaignGroup(g));
        assignmentsChanged(g.tenantId());
        ctx.status(201).header("ETag", Tags.ofVersion(g.version())).json(ApiViews.campaignGroup(g));
    }

    private void updateGroup(Context ctx) {
        CampaignGroup current = findGroup(ctx);
        Body b = Body.parse(ctx.body(), GROUP_FIELDS);
        long base = Tags.baseVersion(ctx, b, current.version(), "campaign group " + current.id());
        CampaignGroup g = store.config().updateCampaignGroup(readGroup(b, current.id(), current.tenantId(), base));
        audit.record(ctx, "campaign-group.update", g.id(),
                Map.of("before", ApiViews.campaignGroup(current), "after", ApiViews.campaignGroup(g)));
        assignmentsChanged(g.tenantId());
        ctx.header("ETag", Tags.ofVersion(g.version())).json(ApiViews.campaignGroup(g));
    }

    private void deleteGroup(Context ctx) {
        CampaignGroup g = findGroup(ctx);
        runtime.snapshot(g.id()).filter(s -> s.state() != org.outdial.engine.SessionState.UNLOADED).ifPresent(s -> {
            throw ApiException.conflict("campaign group " + g.id() + " is " + s.state() + "; unload it first");
        });
        store.config().deleteCampaignGroup(g.tenantId(), g.id());
        audit.record(ctx, "campaign-group.delete", g.id(), ApiViews.campaignGroup(g));
        ctx.status(204);
    }

    // ---- tokens ----------------------------------------------------------------------------------------------

    /** The secret is shown once, in this answer; the store keeps only its digest. */
    private void createToken(Context ctx) {
        Body b = Body.parse(ctx.body(), TOKEN_FIELDS);
        String label = b.name("label", 100);
        Role role = b.enumValue("role", Role.class, null);
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiToken t = store.tenants().addToken(Caller.of(ctx).tenantId(), role, label, secret);
        audit.record(ctx, "token.create", t.id(), ApiViews.token(t));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("token", ApiViews.token(t));
        answer.put("secret", secret);
        ctx.status(201).json(answer);
    }

    private void revokeToken(Context ctx) {
        long id = Ids.path(ctx, "tokenId");
        long tenantId = Caller.of(ctx).tenantId();
        ApiToken t = store.tenants().tokens(tenantId).stream().filter(k -> k.id() == id).findFirst()
                .orElseThrow(() -> ApiException.notFound("API token " + id));
        if (t.id() == Caller.of(ctx).token().id()) {
            throw ApiException.conflict("a token cannot revoke itself; use another admin token");
        }
        store.tenants().revokeToken(tenantId, id);
        audit.record(ctx, "token.revoke", id, ApiViews.token(t));
        ctx.status(204);
    }

    /** The enumerations the API accepts, for forms: each name with its allowed values. */
    private void enums(Context ctx) {
        Map<String, List<String>> enums = new LinkedHashMap<>();
        enums.put("dialMode", Body.names(DialMode.class));
        enums.put("optimization", Body.names(OptimizationMethod.class));
        enums.put("callResult", Body.names(CallResult.class));
        enums.put("recordAction", Body.names(RecordAction.class));
        enums.put("callAction", Body.names(CallAction.class));
        enums.put("recordStatus", Body.names(org.outdial.record.RecordStatus.class));
        enums.put("recordType", Body.names(org.outdial.record.RecordType.class));
        enums.put("fieldType", Body.names(org.outdial.list.CustomFieldType.class));
        enums.put("role", Body.names(Role.class));
        ctx.json(enums);
    }
}
