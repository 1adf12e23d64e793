package org.outdial.server.feed;

import java.util.Map;
import org.outdial.campaign.OptimizationMethod;

/** Names and settings of a campaign group that the feeds report and the engine's commands do not carry. */
public interface FeedDirectory {

    /** Never null: a group the directory cannot find gets its id as its names. */
    GroupInfo group(long groupId);

    /** The configuration DBID of an agent by login id, null when unknown. */
    default Long agentDbid(long tenantId, String loginId) {
        return null;
    }

    /**
     * The tenant of an agent by login id, 0 when no tenant (or more than one) has that login: what an agent's events
     * are scoped to before a call or reservation ties him to a campaign group.
     */
    default long agentTenant(String loginId) {
        return 0;
    }

    /**
     * How much of a group's campaign is left, as last counted (counts are refreshed in the background, at most every
     * few seconds); null when the directory cannot count.
     */
    default ChainCounts chainCounts(long groupId) {
        return null;
    }

    /**
     * @param campaignComplete Ready and Retrieved records of the campaign's lists (GSW_CAMPAIGN_COMPLETE)
     * @param listComplete     Ready records per calling list (GSW_LIST_COMPLETE)
     */
    record ChainCounts(long campaignComplete, Map<Long, Long> listComplete) {
        public ChainCounts {
            listComplete = Map.copyOf(listComplete);
        }
    }

    /** Forgets what was read about a group (it may have been edited before a new load). */
    default void refresh(long groupId) {}

    /**
     * @param templateName campaign template, null when none is configured
     * @param queueName    voice transfer destination DN, "" when none
     * @param listNames    the group's calling lists by id, in campaign order
     */
    record GroupInfo(long groupId, long tenantId, String tenantName, String tenantCcid, String groupName,
                     String agentGroupName, long campaignId, String campaignName, String templateName,
                     String queueName, OptimizationMethod optimization, int optimizationGoal,
                     Map<Long, String> listNames) {

        public GroupInfo {
            listNames = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(listNames));
        }

        public static GroupInfo unknown(long groupId) {
            String id = Long.toString(groupId);
            return new GroupInfo(groupId, 0, null, null, id, id, 0, id, null, "", OptimizationMethod.NONE, 0,
                    Map.of());
        }

        public String listName(long listId) {
            return listNames.getOrDefault(listId, Long.toString(listId));
        }
    }
}
