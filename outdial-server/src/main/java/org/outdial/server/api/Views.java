package org.outdial.server.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.outdial.agent.Agent;
import org.outdial.agent.AgentGroup;
import org.outdial.campaign.Campaign;
import org.outdial.campaign.CampaignGroup;
import org.outdial.campaign.CampaignList;
import org.outdial.list.CallingList;
import org.outdial.list.CustomField;
import org.outdial.record.RecordStatus;
import org.outdial.server.config.CallingWindowFormat;
import org.outdial.tenant.ApiToken;
import org.outdial.tenant.Tenant;
import org.outdial.treatment.Treatment;

/**
 * What the REST API returns. Views, not domain records, so the API stays stable while the model moves and so nothing
 * secret (credential hashes, token digests) can leak by accident.
 */
final class Views {

    private Views() {}

    record TenantView(long id, String name, String ccid) {
        static TenantView of(Tenant t) {
            return new TenantView(t.id(), t.name(), t.ccid());
        }
    }

    record FieldView(String name, String type, Integer length, String sendAttribute) {
        static FieldView of(CustomField f) {
            return new FieldView(f.name(), f.type().name().toLowerCase(java.util.Locale.ROOT),
                    f.type() == org.outdial.list.CustomFieldType.VARCHAR ? f.length() : null, f.sendAttribute());
        }
    }

    /** @param recordsByStatus record counts keyed by status name, statuses without records left out */
    record ListView(long id, String name, String description, List<FieldView> fields, String defaultTimeZone,
                    String defaultWindow, String defaultCountry, int maxAttempts, long records,
                    Map<String, Long> recordsByStatus, long version) {
        static ListView of(CallingList l, Map<RecordStatus, Long> counts) {
            Map<String, Long> byStatus = new TreeMap<>();
            counts.forEach((status, n) -> byStatus.put(status.name(), n));
            long total = counts.values().stream().mapToLong(Long::longValue).sum();
            return new ListView(l.id(), l.name(), l.description(), l.customFields().stream().map(FieldView::of).toList(),
                    l.defaultTimeZone().getId(), CallingWindowFormat.format(l.defaultWindow()), l.defaultCountry(),
                    l.maxAttempts(), total, byStatus, l.version());
        }
    }

    record CampaignView(long id, String name, String description, List<CampaignList> lists, List<Long> treatmentIds,
                        String callerId, String scriptId, long version) {
        static CampaignView of(Campaign c) {
            return new CampaignView(c.id(), c.name(), c.description(), c.lists(), c.treatmentIds(), c.callerId(),
                    c.scriptId(), c.version());
        }
    }

    record CampaignGroupView(long id, String name, long campaignId, long agentGroupId, String dialMode,
                             String optimization, int optimizationGoal, int bufferMin, int bufferMax,
                             Map<String, String> options, long version) {
        static CampaignGroupView of(CampaignGroup g) {
            return new CampaignGroupView(g.id(), g.name(), g.campaignId(), g.agentGroupId(), g.dialMode().name(),
                    g.optimization().name(), g.optimizationGoal(), g.bufferMin(), g.bufferMax(), g.options(), g.version());
        }
    }

    record AgentView(long id, String loginId, String name, String place) {
        static AgentView of(Agent a) {
            return new AgentView(a.id(), a.loginId(), a.name(), a.place());
        }
    }

    record AgentGroupView(long id, String name, List<Long> agentIds) {
        static AgentGroupView of(AgentGroup g) {
            return new AgentGroupView(g.id(), g.name(), g.agentIds());
        }
    }

    record TreatmentView(long id, String name, String callResult, String recordAction, String callAction,
                         String destinationDn, int sequence, int cycleAttempts, int intervalMin, int incrementMin,
                         Instant dateTime, long version) {
        static TreatmentView of(Treatment t) {
            return new TreatmentView(t.id(), t.name(), t.callResult().name(), t.recordAction().name(),
                    t.callAction().name(), t.destinationDn(), t.sequence(), t.cycleAttempts(), t.intervalMin(),
                    t.incrementMin(), t.dateTime(), t.version());
        }
    }

    /** Never carries the secret: the store does not have it. */
    record TokenView(long id, String role, String label, Instant createdAt) {
        static TokenView of(ApiToken t) {
            return new TokenView(t.id(), t.role().name(), t.label(), t.createdAt());
        }
    }
}
