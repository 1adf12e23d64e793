package org.outdial.engine;

import org.outdial.agent.AgentState;

/**
 * Watches a session's {@link GroupCondition}s and emits {@link Command.PublishGroupCondition} on each change only.
 * Evaluated on every session tick, at start and dial-mode change, when the store's answer flips the system-error
 * state, and on stop and unload (every active condition is then over). Sampling at ticks keeps the events to at most
 * two per condition per tick however fast dials come and go; it allocates nothing.
 */
final class GroupConditions {

    private static final GroupCondition[] ALL = GroupCondition.values();

    private GroupConditions() {}

    /** Re-evaluates every condition of the session and reports the ones that changed, in enum order. */
    static void update(Runtime rt, Session s) {
        boolean live = rt.sessions.get(s.groupId) == s && s.isRunning();
        for (GroupCondition c : ALL) {
            set(rt, s, c, live && holds(rt, s, c));
        }
    }

    /** The session stops or unloads: every active condition is over. */
    static void endAll(Runtime rt, Session s) {
        for (GroupCondition c : ALL) {
            set(rt, s, c, false);
        }
        s.storeFailing = false;
        s.switchFailing = false;
    }

    private static void set(Runtime rt, Session s, GroupCondition c, boolean active) {
        int bit = 1 << c.ordinal();
        if (((s.activeConditions & bit) != 0) == active) {
            return;
        }
        s.activeConditions ^= bit;
        rt.emit(new Command.PublishGroupCondition(s.groupId, c, active, s.mode));
    }

    private static boolean holds(Runtime rt, Session s, GroupCondition c) {
        return switch (c) {
            case WAITING_AGENTS -> needsAgents(s) && !anyMemberAvailable(s);
            case WAITING_PORTS -> linesExhausted(s);
            case WAITING_RECORDS -> recordsExhausted(rt, s);
            case SYSTEM_ERROR -> s.storeFailing || s.switchFailing;
        };
    }

    /** Dialing modes that connect answered calls to agents (IVR-port and preview modes do not wait for agents). */
    private static boolean needsAgents(Session s) {
        return s.dialsAutomatically() && !s.usesPorts();
    }

    /** A member who is logged in and not Not Ready takes calls now or after the call he is on. */
    private static boolean anyMemberAvailable(Session s) {
        for (int i = 0; i < s.members.size(); i++) {
            AgentState st = s.members.get(i).state;
            if (st != AgentState.LOGGED_OUT && st != AgentState.NOT_READY) {
                return true;
            }
        }
        return false;
    }

    /**
     * Records are buffered and the line limit holds dialing back: every IVR port busy (port modes), or every line
     * (max lines per agent × logged-in agents) in use while an agent is Ready — in progressive modes only while the
     * Ready agents are owed more calls (calls per ready agent) than are in flight, since otherwise the pacer would
     * not dial anyway. Seizing modes dial one line per free agent: no line limit.
     */
    private static boolean linesExhausted(Session s) {
        if (!s.dialsAutomatically() || s.buffer.isEmpty() || s.seizes()) {
            return false;
        }
        DialingOptions o = s.config.options();
        if (s.usesPorts()) {
            return s.activeCalls >= o.ivrPorts();
        }
        int committed = s.dialsInFlight + s.waiting.size();
        int lines = (int) Math.round(o.maxLinesPerAgent() * s.loggedInMembers());
        if (s.idle.isEmpty() || committed < lines) {
            return false;
        }
        return s.isPredictive() || (int) Math.floor(o.callsPerReadyAgent() * s.idle.size() + 1e-9) > committed;
    }

    /**
     * Nothing buffered and the last claim of every list came back short: the store has nothing due. While the store
     * fails this is a SystemError instead.
     */
    private static boolean recordsExhausted(Runtime rt, Session s) {
        if (!s.buffer.isEmpty() || !s.claimOutstanding.isEmpty() || s.lists.isEmpty() || s.storeFailing) {
            return false;
        }
        for (Long listId : s.lists.keySet()) {
            if (!s.listExhaustedUntil.containsKey(listId)) {
                return false;
            }
        }
        return true;
    }
}
