package org.outdial.campaign;

import java.util.Map;
import java.util.TreeMap;

/**
 * A campaign worked by an agent group: the unit that is loaded, started, stopped and unloaded.
 *
 * @param optimizationGoal the target of {@code optimization} (percent or seconds, as the method says)
 * @param bufferMin        refill the record buffer when it holds fewer records than this
 * @param bufferMax        fill the buffer up to this many records
 * @param options          further options by name (e.g. agent_preview_mode_start), kept sorted for stable output
 */
public record CampaignGroup(long id, long tenantId, String name, long campaignId, long agentGroupId, DialMode dialMode,
                            OptimizationMethod optimization, int optimizationGoal, int bufferMin, int bufferMax,
                            Map<String, String> options, long version) {

    public CampaignGroup {
        if (bufferMin < 0 || bufferMax < 1 || bufferMin > bufferMax) {
            throw new IllegalArgumentException("campaign group '" + name + "': buffer sizes need 0 <= min <= max and max >= 1, got min "
                    + bufferMin + " max " + bufferMax);
        }
        options = java.util.Collections.unmodifiableMap(new TreeMap<>(options));
    }
}
