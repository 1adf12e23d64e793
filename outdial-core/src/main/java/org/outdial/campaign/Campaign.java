package org.outdial.campaign;

import java.util.List;

/**
 * A campaign: the calling lists it works (with shares), the treatments applied to call results, the caller id shown to
 * customers and the script desktops show.
 *
 * @param callerId     digits presented as caller id; null = the trunk's default
 * @param treatmentIds treatments in force, by id
 */
public record Campaign(long id, long tenantId, String name, String description, List<CampaignList> lists,
                       List<Long> treatmentIds, String callerId, String scriptId, long version) {

    public Campaign {
        lists = List.copyOf(lists);
        treatmentIds = List.copyOf(treatmentIds);
        description = description == null ? "" : description;
    }
}
