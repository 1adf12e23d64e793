package org.outdial.server.feed;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.outdial.agent.AgentGroup;
import org.outdial.campaign.Campaign;
import org.outdial.campaign.CampaignGroup;
import org.outdial.campaign.CampaignList;
import org.outdial.store.Store;
import org.outdial.tenant.Tenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads group names from the store once per load and caches them; called on feed threads only (never the engine's).
 * Group options {@code campaign_template} and {@code queue_name} (falling back to {@code ivr_destination}) give the
 * template and queue names.
 */
public final class StoreFeedDirectory implements FeedDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(StoreFeedDirectory.class);

    private final Store store;
    private final Map<Long, GroupInfo> cache = new ConcurrentHashMap<>();
    private final Map<String, Long> agents = new ConcurrentHashMap<>();

    public StoreFeedDirectory(Store store) {
        this.store = store;
    }

    @Override
    public GroupInfo group(long groupId) {
        return cache.computeIfAbsent(groupId, this::read);
    }

    @Override
    public Long agentDbid(long tenantId, String loginId) {
        if (tenantId == 0 || loginId == null) {
            return null;
        }
        return agents.computeIfAbsent(tenantId + "/" + loginId, k -> {
            try {
                return store.config().findAgent(tenantId, loginId).map(a -> a.id()).orElse(-1L);
            } catch (RuntimeException e) {
                return -1L;
            }
        }) instanceof Long id && id >= 0 ? id : null;
    }

    @Override
    public void refresh(long groupId) {
        cache.remove(groupId);
    }

    private GroupInfo read(long groupId) {
        try {
            for (Tenant tenant : store.tenants().all()) {
                Optional<CampaignGroup> found = store.config().findCampaignGroup(tenant.id(), groupId);
                if (found.isPresent()) {
                    return info(tenant, found.get());
                }
            }
        } catch (RuntimeException e) {
            LOG.atWarn().addKeyValue("group", groupId).addKeyValue("error", e.toString())
                    .log("feeds could not read the campaign group's names; reporting its id");
        }
        return GroupInfo.unknown(groupId);
    }

    private GroupInfo info(Tenant tenant, CampaignGroup g) {
        Campaign campaign = store.config().findCampaign(tenant.id(), g.campaignId()).orElse(null);
        String agentGroup = store.config().agentGroups(tenant.id()).stream().filter(a -> a.id() == g.agentGroupId())
                .map(AgentGroup::name).findFirst().orElse(Long.toString(g.agentGroupId()));
        Map<Long, String> lists = new LinkedHashMap<>();
        if (campaign != null) {
            for (CampaignList cl : campaign.lists()) {
                lists.put(cl.listId(), store.lists().find(cl.listId()).map(l -> l.name())
                        .orElse(Long.toString(cl.listId())));
            }
        }
        String queue = g.options().getOrDefault("queue_name", g.options().getOrDefault("ivr_destination", ""));
        return new GroupInfo(g.id(), tenant.id(), tenant.name(), tenant.ccid(), g.name(), agentGroup,
                g.campaignId(), campaign == null ? Long.toString(g.campaignId()) : campaign.name(),
                g.options().get("campaign_template"), queue, g.optimization(), g.optimizationGoal(), lists);
    }
}
