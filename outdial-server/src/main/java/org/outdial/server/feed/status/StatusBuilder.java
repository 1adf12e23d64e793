package org.outdial.server.feed.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.outdial.campaign.DialMode;
import org.outdial.engine.Actor;
import org.outdial.engine.SessionState;
import org.outdial.feed.status.CampaignGroupStatus;
import org.outdial.feed.status.StatusCodes;
import org.outdial.server.feed.FeedDirectory;
import org.outdial.stats.GroupStatsView;

/** Turns a session's state and statistics plus the group's names into a {@link CampaignGroupStatus}. */
final class StatusBuilder {

    private StatusBuilder() {}

    /**
     * A stable GUID per campaign group: outdial keeps numeric ids, so the GUID is derived from the id (name-based UUID)
     * and stays the same across restarts.
     */
    static String guid(long groupId) {
        return UUID.nameUUIDFromBytes(("outdial:campaign-group:" + groupId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    static boolean predictive(DialMode mode) {
        return mode == DialMode.PREDICTIVE || mode == DialMode.PREDICTIVE_WITH_SEIZING
                || mode == DialMode.PREDICTIVE_GVP;
    }

    static CampaignGroupStatus build(long atMs, FeedDirectory.GroupInfo g, SessionState state, DialMode mode,
                                     Actor actor, StatusCodes.Action action, GroupStatsView stats,
                                     Map<Long, GroupStatsView> listStats, boolean periodic) {
        boolean running = state == SessionState.RUNNING;
        boolean predictive = mode != null && predictive(mode);
        GroupStatsView s = stats == null ? GroupStatsView.EMPTY : stats;
        List<CampaignGroupStatus.ListStatus> lists = new ArrayList<>();
        g.listNames().forEach((listId, name) -> {
            GroupStatsView l = listStats.get(listId);
            lists.add(new CampaignGroupStatus.ListStatus(listId, name, l == null ? null : l.hitRatio(),
                    l == null ? null : l.timeToCompleteSec()));
        });
        return new CampaignGroupStatus(atMs, g.tenantName(), g.tenantCcid(), g.groupName(), guid(g.groupId()),
                g.groupId(), g.agentGroupName(), g.campaignName(), g.templateName(), g.queueName(),
                running && mode != null ? mode.code() : null,
                predictive ? g.optimization().code() : null,
                predictive ? g.optimizationGoal() : null,
                StatusCodes.groupState(state), action, StatusCodes.actor(actor), s.busyFactor(), s.hitRatio(),
                s.overdialRate(), s.timeToCompleteSec(), lists, periodic);
    }
}
