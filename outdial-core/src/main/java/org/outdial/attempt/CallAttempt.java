package org.outdial.attempt;

import java.time.Instant;
import java.util.UUID;
import org.outdial.record.CallResult;

/**
 * One dial of one record and what came of it. Timestamps are null until the step happened.
 *
 * @param guid the call attempt GUID ({@code GSW_CALL_ATTEMPT_GUID})
 */
public record CallAttempt(
        UUID guid,
        long listId,
        long recordId,
        long chainId,
        Long campaignGroupId,
        String agentId,
        String phone,
        CallResult callResult,
        Instant startProcessing,
        Instant dialing,
        Instant cpdCompleted,
        Instant agentAnswered,
        Instant released,
        Instant acwCompleted,
        Instant completeProcessing) {}
