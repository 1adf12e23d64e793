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
