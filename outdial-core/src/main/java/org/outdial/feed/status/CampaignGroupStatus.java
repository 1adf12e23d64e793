package org.outdial.feed.status;

import java.util.List;
import java.util.Objects;

/**
 * One campaign-group status notification: every field of the vendor's table, named after its JSON key.
 *
 * @param atMs             when the change happened (or the periodic report was taken), epoch ms → GSW_DATE_TIME
 * @param tenantName       null → "Unknown"
 * @param tenantCcid       null → "Unknown"
 * @param templateName     campaign template name; null when the configuration has none (the key is then omitted)
 * @param queueName        the voice transfer destination DN; empty when none is configured
 * @param dialMode         CfgDialMode code; null unless the group is running (the spec defines it for running groups)
 * @param optimizeBy       CfgOptimizationMethod code; null unless the dial mode is predictive
 * @param optimizeGoal     null unless the dial mode is predictive
 * @param busyFactor       group level; null when undefined
 * @param hitRatio         group level; null when undefined
 * @param overdialRate     group level; null when undefined
 * @param timeToCompleteSec group level; null when undefined
 * @param periodic         true for the periodic report of an active group (log id 81001), false for a change (81000)
 */
public record CampaignGroupStatus(long atMs, String tenantName, String tenantCcid, String groupName, String groupGuid,
                                  long groupDbid, String agentGroupName, String campaignName, String templateName,
                                  String queueName, Integer dialMode, Integer optimizeBy, Integer optimizeGoal,
                                  int groupState, StatusCodes.Action action, int actor, Double busyFactor,
                                  Double hitRatio, Double overdialRate, Long timeToCompleteSec,
                                  List<ListStatus> lists, boolean periodic) {

    public static final String UNKNOWN = "Unknown";
    public static final String USER_EVENT = "CampaignGroupState";

    public CampaignGroupStatus {
        tenantName = tenantName == null || tenantName.isEmpty() ? UNKNOWN : tenantName;
        tenantCcid = tenantCcid == null || tenantCcid.isEmpty() ? UNKNOWN : tenantCcid;
        Objects.requireNonNull(groupName, "groupName");
        Objects.requireNonNull(groupGuid, "groupGuid");
        Objects.requireNonNull(agentGroupName, "agentGroupName");
        Objects.requireNonNull(campaignName, "campaignName");
        queueName = queueName == null ? "" : queueName;
        Objects.requireNonNull(action, "action");
        lists = List.copyOf(lists);
    }

    /**
     * Statistics of one calling list of the group.
     *
     * @param hitRatio          null when undefined
     * @param timeToCompleteSec null when undefined
     */
    public record ListStatus(long listDbid, String listName, Double hitRatio, Long timeToCompleteSec) {
        public ListStatus {
            Objects.requireNonNull(listName, "listName");
        }
    }
}
