package org.outdial.engine;

import java.util.List;
import java.util.Objects;
import org.outdial.campaign.Campaign;
import org.outdial.campaign.CampaignGroup;
import org.outdial.list.CallingList;
import org.outdial.treatment.Treatment;

/**
 * What a dialing session needs to know about its campaign group, read from the store by the adapter that loads it.
 *
 * @param lists      the campaign's calling lists that are active, in campaign order
 * @param treatments the campaign's treatments
 */
public record SessionConfig(CampaignGroup group, Campaign campaign, List<CallingList> lists,
                            List<Treatment> treatments, DialingOptions options) {

    /**
     * Campaign-group option: the destination (a DN or SIP URI that plays a message) an answered call is transferred
     * to when it finds no agent within the connect timeout; unset = the call is released (silence). Either way the
     * call counts as abandoned.
     */
    public static final String ABANDON_MESSAGE_OPTION = "abandon_message_destination";

    public SessionConfig {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(options, "options");
        lists = List.copyOf(lists);
        treatments = List.copyOf(treatments);
        if (lists.isEmpty()) {
            throw new IllegalArgumentException("campaign group '" + group.name()
                    + "' has no active calling list; add one to campaign '" + campaign.name() + "'");
        }
        if (group.campaignId() != campaign.id()) {
            throw new IllegalArgumentException("campaign group '" + group.name() + "' belongs to campaign "
                    + group.campaignId() + ", not to campaign " + campaign.id());
        }
    }

    public long groupId() {
        return group.id();
    }

    /** The share of list {@code listId} in this campaign (1 when the campaign does not say). */
    int shareOf(long listId) {
        return campaign.lists().stream().filter(l -> l.listId() == listId).mapToInt(l -> Math.max(1, l.share()))
                .findFirst().orElse(1);
    }
}
