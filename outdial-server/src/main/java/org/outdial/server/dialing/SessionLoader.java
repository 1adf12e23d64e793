package org.outdial.server.dialing;

import java.util.List;
import org.outdial.campaign.Campaign;
import org.outdial.campaign.CampaignGroup;
import org.outdial.campaign.CampaignList;
import org.outdial.campaign.DialMode;
import org.outdial.compliance.AbandonTally;
import org.outdial.engine.DialingOptions;
import org.outdial.engine.SessionConfig;
import org.outdial.list.CallingList;
import org.outdial.server.OutdialException;
import org.outdial.store.Store;
import org.outdial.treatment.Treatment;

/** Reads what a dialing session needs from the store: the campaign group, its campaign, active lists, treatments. */
final class SessionLoader {

    private final Store store;
    private final double timeScale;

    /**
     * @param timeScale how much faster than real time the switch's world runs (1 = real time). The session's times
     *                  (abandon timeout, ring timeout, tick, retry, handle-time prior) shrink by it, so the engine sees
     *                  the same world as at real time, only compressed; otherwise pacing would plan with priors ten
     *                  times too slow and over-dial until it learned.
     */
    SessionLoader(Store store, double timeScale) {
        this.store = store;
        this.timeScale = timeScale;
    }

    /**
     * @param mode the dial mode to start in; null = the campaign group's own
     * @throws OutdialException when the group, its campaign or a list is missing
     */
    SessionConfig load(long tenantId, long groupId, DialMode mode) {
        CampaignGroup stored = store.config().findCampaignGroup(tenantId, groupId)
                .orElseThrow(() -> new OutdialException("campaign group " + groupId + " does not exist in tenant "
                        + tenantId + "; see GET /api/v1/campaign-groups"));
        CampaignGroup group = mode == null ? stored : new CampaignGroup(stored.id(), stored.tenantId(), stored.name(),
                stored.campaignId(), stored.agentGroupId(), mode, stored.optimization(), stored.optimizationGoal(),
                stored.bufferMin(), stored.bufferMax(), stored.options(), stored.version());
        Campaign campaign = store.config().findCampaign(tenantId, group.campaignId())
                .orElseThrow(() -> new OutdialException("campaign " + group.campaignId() + " of campaign group '"
                        + group.name() + "' does not exist"));
        List<CallingList> lists = campaign.lists().stream().filter(CampaignList::active)
                .map(l -> store.lists().find(tenantId, l.listId()).orElseThrow(() -> new OutdialException(
                        "calling list " + l.listId() + " of campaign '" + campaign.name() + "' does not exist")))
                .toList();
        List<Treatment> treatments = store.config().treatments(tenantId).stream()
                .filter(t -> campaign.treatmentIds().contains(t.id())).toList();
        DialingOptions options;
        try {
            options = GroupOptions.dialingOptions(group.options());
        } catch (IllegalArgumentException bad) {
            throw new OutdialException("campaign group '" + group.name() + "': " + bad.getMessage());
        }
        return new SessionConfig(group, campaign, lists, treatments, scaled(options));
    }

    /**
     * The campaign's abandon tallies of the guard's windows, to seed its guard after a restart; none when the store
     * keeps no tallies.
     */
    List<AbandonTally> abandonHistory(SessionConfig config, long nowMs) {
        try {
            return store.abandonTallies().since(config.group().tenantId(), config.group().campaignId(),
                    AbandonTally.bucketOf(nowMs - AbandonTally.HISTORY_MS));
        } catch (UnsupportedOperationException noTallies) {
            return List.of();
        }
    }

    private DialingOptions scaled(DialingOptions o) {
        if (timeScale == 1.0) {
            return o;
        }
        return new DialingOptions(o.abandonLimit(), o.campaignAbandonLimit(), o.abandonAimMargin(),
                o.amdFalsePositiveRate(), shrink(o.connectTimeoutMs()), shrink(o.noAnswerMs()), o.maxLinesPerAgent(),
                o.callsPerReadyAgent(), shrink(o.tickMs()), o.dailyAttemptsMax(), o.ivrPorts(), o.ivrDestination(),
                shrink(o.claimRetryMs()), shrink(o.handleTimePriorMs()), o.amdEnabled());
    }

    private long shrink(long ms) {
        return Math.max(1, Math.round(ms / timeScale));
    }
}
