package org.outdial.campaign;

/**
 * A calling list in a campaign, with its share of the dialing (relative weight among the campaign's active lists).
 */
public record CampaignList(long listId, int share, boolean active) {

    public CampaignList {
        if (share < 0 || share > 100) {
            throw new IllegalArgumentException("list share " + share + " must be 0..100");
        }
    }
}
