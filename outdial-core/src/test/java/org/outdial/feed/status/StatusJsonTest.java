package org.outdial.feed.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.outdial.engine.Actor;
import org.outdial.engine.SessionState;

class StatusJsonTest {

    private static CampaignGroupStatus status(String tenant, Integer dialMode, Double busy) {
        return new CampaignGroupStatus(1_700_000_000_042L, tenant, null, "Sales@Team", "guid-1", 12, "Team",
                "Sales \"2026\"", null, "7000", dialMode, dialMode == null ? null : 2, dialMode == null ? null : 3,
                StatusCodes.STATE_RUNNING, StatusCodes.Action.START, StatusCodes.ACTOR_CLIENT, busy, 0.3, 0.02, 600L,
                List.of(new CampaignGroupStatus.ListStatus(5, "east", 0.25, null)), false);
    }

    @Test
    void theBodyCarriesEveryFieldOfTheSpecTableInItsOrder() {
        assertThat(StatusJson.render(status("Acme", 1, 0.85))).isEqualTo("{"
                + "\"GSW_USER_EVENT\":\"CampaignGroupState\","
                + "\"GSW_DATE_TIME\":\"1700000000.042\","
                + "\"GSW_TENANT_NAME\":\"Acme\",\"GSW_TENANT_CCID\":\"Unknown\","
                + "\"GSW_CAMPAIGN_GROUP_NAME\":\"Sales@Team\",\"GSW_CAMPAIGN_GROUP_GUID\":\"guid-1\","
                + "\"GSW_CAMPAIGN_GROUP_DBID\":\"12\",\"GSW_GROUP_NAME\":\"Team\","
                + "\"GSW_CAMPAIGN_NAME\":\"Sales \\\"2026\\\"\",\"GSW_QUEUE_NAME\":\"7000\","
                + "\"GSW_DIAL_MODE\":1,\"GSW_OPTIMIZE_BY\":2,\"GSW_OPTIMIZE_GOAL\":3,"
                + "\"GSW_CAMPAIGN_GROUP_STATE\":5,\"GSW_CAMPAIGN_GROUP_ACTION\":9,\"GSW_CAMPAIGN_GROUP_ACTOR\":1,"
                + "\"GSW_STAT_BUSY_FACTOR\":0.85,\"GSW_STAT_HIT_RATIO\":0.3,\"GSW_STAT_OVERDIAL_RATE\":0.02,"
                + "\"GSW_STAT_TIME_TO_COMPLETE\":600,"
                + "\"GSW_CALLING_LISTS\":[{\"GSW_CALLING_LIST_NAME\":\"east\",\"GSW_CALLING_LIST_DBID\":\"5\","
                + "\"GSW_STAT_HIT_RATIO\":0.25,\"GSW_STAT_TIME_TO_COMPLETE\":null}]}");
    }

    @Test
    void tenantNameAndCcidDefaultToUnknown() {
        assertThat(StatusJson.render(status(null, 1, null)))
                .contains("\"GSW_TENANT_NAME\":\"Unknown\",\"GSW_TENANT_CCID\":\"Unknown\"");
    }

    @Test
    void undefinedStatisticsAndDialModeAreNull() {
        assertThat(StatusJson.render(status("Acme", null, null)))
                .contains("\"GSW_DIAL_MODE\":null,\"GSW_OPTIMIZE_BY\":null,\"GSW_OPTIMIZE_GOAL\":null")
                .contains("\"GSW_STAT_BUSY_FACTOR\":null");
    }

    @Test
    void theTemplateNameIsSentOnlyWhenConfigured() {
        assertThat(StatusJson.render(status("Acme", 1, null))).doesNotContain("GSW_CAMPAIGN_TEMPLATE_NAME");
        CampaignGroupStatus s = status("Acme", 1, null);
        CampaignGroupStatus withTemplate = new CampaignGroupStatus(s.atMs(), s.tenantName(), s.tenantCcid(),
                s.groupName(), s.groupGuid(), s.groupDbid(), s.agentGroupName(), s.campaignName(), "Tpl", s.queueName(),
                s.dialMode(), s.optimizeBy(), s.optimizeGoal(), s.groupState(), s.action(), s.actor(), null, null,
                null, null, s.lists(), false);
        assertThat(StatusJson.render(withTemplate)).contains("\"GSW_CAMPAIGN_TEMPLATE_NAME\":\"Tpl\"");
    }

    @Test
    void dateTimeIsUtcSecondsWithMilliseconds() {
        assertThat(StatusJson.dateTime(1_700_000_000_000L)).isEqualTo("1700000000.000");
        assertThat(StatusJson.dateTime(1_700_000_000_005L)).isEqualTo("1700000000.005");
        assertThat(StatusJson.dateTime(1_700_000_000_999L)).isEqualTo("1700000000.999");
    }

    @Test
    void actionsFollowTheStateChange() {
        assertThat(StatusCodes.action(null, SessionState.LOADED)).isEqualTo(StatusCodes.Action.LOAD);
        assertThat(StatusCodes.action(SessionState.LOADED, SessionState.RUNNING)).isEqualTo(StatusCodes.Action.START);
        assertThat(StatusCodes.action(SessionState.RUNNING, SessionState.LOADED)).isEqualTo(StatusCodes.Action.STOP);
        assertThat(StatusCodes.action(SessionState.LOADED, SessionState.UNLOADING))
                .isEqualTo(StatusCodes.Action.UNLOAD);
        assertThat(StatusCodes.action(SessionState.UNLOADING, SessionState.UNLOADED))
                .isEqualTo(StatusCodes.Action.UNLOAD);
        assertThat(StatusCodes.action(SessionState.RUNNING, SessionState.RUNNING))
                .isEqualTo(StatusCodes.Action.SET_DIALING_MODE);
        assertThat(StatusCodes.action(SessionState.LOADED, SessionState.LOADED))
                .isEqualTo(StatusCodes.Action.SET_DIALING_MODE);
    }

    @Test
    void actionCodesAreTheCmMessageTypes() {
        assertThat(StatusCodes.Action.LOAD.code()).isEqualTo(7);
        assertThat(StatusCodes.Action.UNLOAD.code()).isEqualTo(8);
        assertThat(StatusCodes.Action.START.code()).isEqualTo(9);
        assertThat(StatusCodes.Action.STOP.code()).isEqualTo(10);
        assertThat(StatusCodes.Action.SET_DIALING_MODE.code()).isEqualTo(11);
    }

    @Test
    void onlyAClientIsActorOneEverythingElseIsUnknown() {
        assertThat(StatusCodes.actor(Actor.client("admin"))).isEqualTo(1);
        assertThat(StatusCodes.actor(Actor.schedule("nightly"))).isEqualTo(0);
        assertThat(StatusCodes.actor(new Actor(Actor.Kind.ENGINE, "auto"))).isEqualTo(0);
    }

    @Test
    void sessionStatesMapToGroupCampaignStates() {
        assertThat(StatusCodes.groupState(SessionState.LOADED)).isEqualTo(3);
        assertThat(StatusCodes.groupState(SessionState.RUNNING)).isEqualTo(5);
        assertThat(StatusCodes.groupState(SessionState.UNLOADING)).isEqualTo(2);
        assertThat(StatusCodes.groupState(SessionState.UNLOADED)).isEqualTo(0);
    }
}
