package org.outdial.feed.status;

import org.outdial.engine.Actor;
import org.outdial.engine.SessionState;

/**
 * The integer enumerations of campaign-group status notifications, kept in this one place (docs/feeds.md lists them).
 * The vendor documents the names; where its integers are unconfirmed the values below are outdial's choice, taken from
 * the ordinal positions the reference tables give.
 */
public final class StatusCodes {

    private StatusCodes() {}

    /** {@code GSW_CAMPAIGN_GROUP_STATE}: GrpCampState values (inferred integers). */
    public static final int STATE_NOT_LOADED = 0;
    public static final int STATE_WAITING_UNLOAD = 1;
    public static final int STATE_UNLOAD_IN_PROGRESS = 2;
    public static final int STATE_INACTIVE = 3;
    public static final int STATE_ACTIVE = 4;
    public static final int STATE_RUNNING = 5;

    /** {@code GSW_CAMPAIGN_GROUP_ACTOR}: the spec defines 0 (unknown) and 1 (OCS client). */
    public static final int ACTOR_UNKNOWN = 0;
    public static final int ACTOR_CLIENT = 1;

    /** {@code GSW_CAMPAIGN_GROUP_ACTION}: the CMMessageType of the request that caused the notification. */
    public enum Action {
        LOAD(7, "CM_ReqLoadCampaign"),
        UNLOAD(8, "CM_ReqUnloadCampaign"),
        START(9, "CM_ReqStartDialing"),
        STOP(10, "CM_ReqStopDialing"),
        SET_DIALING_MODE(11, "CM_ReqSetDialingMode");

        private final int code;
        private final String vendorName;

        Action(int code, String vendorName) {
            this.code = code;
            this.vendorName = vendorName;
        }

        public int code() {
            return code;
        }

        public String vendorName() {
            return vendorName;
        }
    }

    /**
     * A session state as a GrpCampState: loaded and not dialing is InActive, dialing is Running, an unload waiting for
     * calls is UnloadInProgress, gone is NotLoaded.
     */
    public static int groupState(SessionState state) {
        return switch (state) {
            case LOADED -> STATE_INACTIVE;
            case RUNNING -> STATE_RUNNING;
            case UNLOADING -> STATE_UNLOAD_IN_PROGRESS;
            case UNLOADED -> STATE_NOT_LOADED;
        };
    }

    /**
     * An actor as the spec's two values: a client is 1; a schedule or the engine itself (automatic) is 0, because the
     * spec names no other value and a receiver written to it accepts only 0 and 1.
     */
    public static int actor(Actor actor) {
        return actor != null && actor.kind() == Actor.Kind.CLIENT ? ACTOR_CLIENT : ACTOR_UNKNOWN;
    }

    /**
     * Which request a published state change answers, from the state before and after: a first report or a report
     * after unload is a load; Loaded → Running a start; Running → Loaded a stop; Unloading/Unloaded an unload; an
     * unchanged state (with a new dial mode) a dial-mode change.
     *
     * @param before the previous state reported for the group, null if none
     */
    public static Action action(SessionState before, SessionState after) {
        if (after == SessionState.UNLOADING || after == SessionState.UNLOADED) {
            return Action.UNLOAD;
        }
        if (before == null || before == SessionState.UNLOADED || before == SessionState.UNLOADING) {
            return after == SessionState.RUNNING ? Action.START : Action.LOAD;
        }
        if (before == SessionState.LOADED && after == SessionState.RUNNING) {
            return Action.START;
        }
        if (before == SessionState.RUNNING && after == SessionState.LOADED) {
            return Action.STOP;
        }
        return Action.SET_DIALING_MODE;
    }
}
