package org.outdial.desktop;

import org.outdial.campaign.DialMode;

/** {@code GSW_CAMPAIGN_MODE} strings; modes the spec does not name are spelled the same way. */
public final class CampaignModes {

    private CampaignModes() {}

    public static String of(DialMode mode) {
        return switch (mode) {
            case PREDICTIVE -> "Predictive";
            case PROGRESSIVE -> "Progressive";
            case PREVIEW -> "Preview";
            case PROGRESSIVE_WITH_SEIZING -> "Progressive with Seizing";
            case PREDICTIVE_WITH_SEIZING -> "Predictive with Seizing";
            case POWER -> "Power";
            case POWER_WITH_SEIZING -> "Power with Seizing";
            case PUSH_PREVIEW -> "Push Preview";
            case PROGRESSIVE_GVP -> "Progressive GVP";
            case PREDICTIVE_GVP -> "Predictive GVP";
            case POWER_GVP -> "Power GVP";
        };
    }
}
