package org.outdial.server.demo;

import java.nio.file.Path;
import org.outdial.agent.AgentGroup;
import org.outdial.campaign.Campaign;
import org.outdial.campaign.CampaignGroup;
import org.outdial.csv.ImportReport;
import org.outdial.list.CallingList;
import org.outdial.tenant.Tenant;

/**
 * What the demo set up, for printing.
 *
 * @param imported the import of this run; null when the records were already there
 */
public record DemoInfo(Tenant tenant, CallingList list, long records, Campaign campaign, CampaignGroup campaignGroup,
                       AgentGroup agentGroup, String token, Path tokenFile, ImportReport imported) {}
