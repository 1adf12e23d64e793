package org.outdial.engine;

import java.util.List;
import org.outdial.agent.AgentState;

/**
 * A logged-in agent as the engine sees him at one moment: an immutable copy for readers off the engine thread
 * (supervisor console, reports).
 *
 * @param sinceMs     when he entered {@code state}
 * @param reasonCode  his Not Ready / logout reason code (0 when none)
 * @param groupId     the campaign group of his current call or preview record, null when he has none
 * @param callId      his current call, null when none (a preview record on his desktop has no call until dialed)
 * @param listId      the calling list of his current record, null when none
 * @param recordId    his current record, null when none
 * @param contactInfo the phone number (or address) of his current record, null when none
 */
public record AgentView(String agentId, String place, List<Long> groupIds, AgentState state, int reasonCode,
                        long sinceMs, Long groupId, Long callId, Long listId, Long recordId, String contactInfo) {

    public AgentView {
        groupIds = List.copyOf(groupIds);
    }
}
