package org.outdial.server.feed;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.outdial.agent.AgentGroup;
import org.outdial.campaign.Campaign;
import org.outdial.campaign.CampaignGroup;
import org.outdial.campaign.CampaignList;
import org.outdial.record.RecordStatus;
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
    private final Map<String, Long> agentTenants = new ConcurrentHashMap<>();
    /** Counts older than this are refreshed in the background (a GROUP BY over each list: not per call). */
    static final long COUNT_EVERY_NS = 10_000_000_000L;

    private record Counted(long atNanos, ChainCounts counts) {}

    private final Map<Long, Counted> counts = new ConcurrentHashMap<>();
    private final java.util.Set<Long> counting = ConcurrentHashMap.newKeySet();

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
    public long agentTenant(String loginId) {
        if (loginId == null) {
            return 0;
        }
        Long known = agentTenants.get(loginId);
        if (known != null) {
            return known;
        }
        long found = 0;
        try {
            for (org.outdial.tenant.Tenant t : store.tenants().all()) {
                if (store.config().findAgent(t.id(), loginId).isPresent()) {
                    if (found != 0) {
                        return 0;
                    }
                    found = t.id();
                }
            }
        } catch (RuntimeException e) {
            return 0;
        }
        // Only a found tenant is kept: an agent configured later is looked up again.
        if (found != 0) {
            agentTenants.put(loginId, found);
        }
        return found;
    }

    @Override
    public void refresh(long groupId) {
        cache.remove(groupId);
    }

    /**
     * The first count of a group is taken at once (its first stat event carries it); later ones are refreshed on a
     * virtual thread when older than {@link #COUNT_EVERY_NS}, the caller getting the previous count meanwhile.
     */
    @Override
    public ChainCounts chainCounts(long groupId) {
        Counted c = counts.get(groupId);
        if (c == null) {
            ChainCounts first = count(groupId);
            counts.put(groupId, new Counted(System.nanoTime(), first));
            return first;
        }
        if (System.nanoTime() - c.atNanos() > COUNT_EVERY_NS && counting.add(groupId)) {
            Thread.ofVirtual().name("feed-count").start(() -> {
                try {
                    counts.put(groupId, new Counted(System.nanoTime(), count(groupId)));
                } finally {
                    counting.remove(groupId);
                }
            });
        }
        return c.counts();
    }

    /** Ready records per list and Ready + Retrieved of the campaign; null when the store cannot count. */
    private ChainCounts count(long groupId) {
        try {
            long campaign = 0;
            Map<Long, Long> lists = new LinkedHashMap<>();
            for (Long listId : group(groupId).listNames().keySet()) {
                Map<RecordStatus, Long> byStatus = store.lists().countByStatus(listId);
                long ready = byStatus.getOrDefault(RecordStatus.READY, 0L);
                lists.put(listId, ready);
                campaign += ready + byStatus.getOrDefault(RecordStatus.RETRIEVED, 0L);
            }
            return new ChainCounts(campaign, lists);
        } catch (RuntimeException e) {
            LOG.atWarn().addKeyValue("group", groupId).addKeyValue("error", e.toString())
                    .log("feeds could not count the campaign's records; stat events go without them");
            return null;
        }
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
