package org.outdial.server.dialing;

import java.util.List;
import org.outdial.engine.AgentView;

/**
 * Every agent the engine tracked at {@code atMs}, copied on the engine thread and published whole (immutable), so
 * the console and the API read it without a lock and without asking the engine thread.
 */
public record AgentsSnapshot(long atMs, List<AgentView> agents) {

    public AgentsSnapshot {
        agents = List.copyOf(agents);
    }
}
