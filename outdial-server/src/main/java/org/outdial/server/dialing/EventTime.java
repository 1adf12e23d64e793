package org.outdial.server.dialing;

import org.outdial.engine.Event;

/**
 * Moves an event to a later time. Adapters stamp events with the clock on their own threads, so two events can reach
 * the queue out of time order by a few milliseconds; the engine needs time never to go back, so the engine thread
 * moves such a late-stamped event to the time it already reached.
 */
final class EventTime {

    private EventTime() {}

    static Event notBefore(Event e, long minMs) {
        if (e.nowMs() >= minMs) {
            return e;
        }
        long t = minMs;
        return switch (e) {
            case Event.LoadSession x -> new Event.LoadSession(t, x.config(), x.actor());
            case Event.StartDialing x -> new Event.StartDialing(t, x.groupId(), x.actor());
            case Event.StopDialing x -> new Event.StopDialing(t, x.groupId(), x.actor());
            case Event.UnloadSession x -> new Event.UnloadSession(t, x.groupId(), x.actor());
            case Event.SetDialMode x -> new Event.SetDialMode(t, x.groupId(), x.mode(), x.actor());
            case Event.AgentLogin x -> new Event.AgentLogin(t, x.agentId(), x.place(), x.groupIds());
            case Event.AgentReady x -> new Event.AgentReady(t, x.agentId());
            case Event.AgentNotReady x -> new Event.AgentNotReady(t, x.agentId(), x.reasonCode());
            case Event.AgentLogout x -> new Event.AgentLogout(t, x.agentId(), x.reasonCode());
            case Event.ReadyTimeHint x -> new Event.ReadyTimeHint(t, x.agentId(), x.readyInMs());
            case Event.CallDisposition x -> new Event.CallDisposition(t, x.callId(), x.result());
            case Event.PreviewRequest x -> new Event.PreviewRequest(t, x.agentId());
            case Event.RecordProcessed x -> new Event.RecordProcessed(t, x.agentId(), x.recordHandle(), x.result());
            case Event.CallDialing x -> new Event.CallDialing(t, x.callId());
            case Event.CallRinging x -> new Event.CallRinging(t, x.callId());
            case Event.CallAnswered x -> new Event.CallAnswered(t, x.callId(), x.kind());
            case Event.CallFailed x -> new Event.CallFailed(t, x.callId(), x.result());
            case Event.CallDropped x -> new Event.CallDropped(t, x.callId());
            case Event.CallReleased x -> new Event.CallReleased(t, x.callId());
            case Event.RecordsClaimed x -> new Event.RecordsClaimed(t, x.requestId(), x.records());
            case Event.ClaimFailed x -> new Event.ClaimFailed(t, x.requestId(), x.reason());
            case Event.Persisted x -> new Event.Persisted(t, x.writeId());
            case Event.RecordsRemaining x -> new Event.RecordsRemaining(t, x.groupId(), x.listId(), x.remaining());
            case Event.PersistFailed x -> new Event.PersistFailed(t, x.writeId(), x.reason());
            case Event.TimerFired x -> new Event.TimerFired(t, x.timerId());
            case Event.DesktopRequest x -> new Event.DesktopRequest(t, x.agentId(), x.referenceId(), x.request());
            case Event.DesktopGone x -> new Event.DesktopGone(t, x.agentId());
            case Event.PreviewReturned x -> new Event.PreviewReturned(t, x.agentId(), x.recordHandle(), x.kind());

            case Event.RecordAdded x -> new Event.RecordAdded(t, x.requestId(), x.recordId(), x.chainId(), x.chainN());
            case Event.AddRecordFailed x -> new Event.AddRecordFailed(t, x.requestId(), x.failure(), x.reason());
            case Event.AgentGroupsChanged x -> new Event.AgentGroupsChanged(t, x.agentId(), x.groupIds());
        };
    }
}
