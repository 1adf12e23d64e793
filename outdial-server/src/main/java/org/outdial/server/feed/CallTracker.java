package org.outdial.server.feed;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.outdial.engine.Command;
import org.outdial.engine.RecordUpdate;
import org.outdial.feed.FinishedCall;
import org.outdial.record.CallResult;
import org.outdial.record.CallingRecord;
import org.outdial.record.RecordStatus;

/**
 * Joins what the engine says about one call across its commands — the dial, the connect or transfer (answer time),
 * the record's write (custom fields, whether it will be retried), the outcome — into a {@link FinishedCall}. Hub thread
 * only. Its maps are bounded: entries of calls whose outcome never comes (a write lost) are evicted oldest first.
 */
public final class CallTracker {

    static final int MAX_ENTRIES = 200_000;

    private static final class Info {
        final long callId;
        final long dialedAtMs;
        Long answeredAtMs;

        Info(long callId, long dialedAtMs) {
            this.callId = callId;
            this.dialedAtMs = dialedAtMs;
        }
    }

    private record RecordKey(long listId, long recordId) {}

    private final FeedDirectory directory;
    private final Map<UUID, Info> byGuid = bounded();
    private final Map<Long, Info> byCallId = bounded();
    private final Map<RecordKey, CallingRecord> written = bounded();

    public CallTracker(FeedDirectory directory) {
        this.directory = directory;
    }

    /** Takes one command in; returns the finished call it completes, or null. */
    public FinishedCall observe(long atMs, Command command) {
        switch (command) {
            case Command.Dial d -> {
                Info info = new Info(d.callId(), atMs);
                byGuid.put(d.attemptGuid(), info);
                byCallId.put(d.callId(), info);
            }
            case Command.ConnectToAgent c -> answered(c.callId(), atMs);
            case Command.Transfer t -> answered(t.callId(), atMs);
            case Command.Persist p -> {
                for (RecordUpdate u : p.updates()) {
                    if (u instanceof RecordUpdate.WriteRecord w) {
                        written.put(new RecordKey(w.record().listId(), w.record().recordId()), w.record());
                    }
                }
            }
            case Command.PublishOutcome o -> {
                Info info = byGuid.remove(o.attemptGuid());
                if (info != null) {
                    byCallId.remove(info.callId);
                }
                CallingRecord rec = written.remove(new RecordKey(o.listId(), o.recordId()));
                return finished(o.attemptGuid(), o.groupId(), o.listId(), o.recordId(), o.chainId(), o.phone(),
                        o.agentId(), o.result(), o.dialedAtMs(), info == null ? null : info.answeredAtMs,
                        o.endedAtMs(), atMs, rec, false);
            }
            case Command.PublishPreviewOutcome p -> {
                CallingRecord rec = written.remove(new RecordKey(p.listId(), p.recordId()));
                boolean declined = PreviewDecline.isDeclined(p.result());
                return finished(null, p.groupId(), p.listId(), p.recordId(), p.chainId(), p.phone(), p.agentId(),
                        p.result(), p.presentedAtMs(), declined ? null : p.presentedAtMs(), p.endedAtMs(), atMs, rec,
                        declined);
            }
            default -> { }
        }
        return null;
    }

    private void answered(long callId, long atMs) {
        Info info = byCallId.get(callId);
        if (info != null && info.answeredAtMs == null) {
            info.answeredAtMs = atMs;
        }
    }

    private FinishedCall finished(UUID guid, long groupId, long listId, long recordId, long chainId, String phone,
                                  String agentId, CallResult result, long dialedAtMs, Long answeredAtMs,
                                  long endedAtMs, long atMs, CallingRecord rec, boolean dontDial) {
        FeedDirectory.GroupInfo g = directory.group(groupId);
        Map<String, String> fields = new LinkedHashMap<>();
        if (rec != null) {
            rec.customFields().forEach((k, v) -> fields.put(k, v == null ? "" : v.toString()));
        }
        boolean retry = rec != null && (rec.recordStatus() == RecordStatus.READY
                || rec.recordStatus() == RecordStatus.CHAIN_READY);
        return new FinishedCall(guid, g.tenantId(), g.tenantName(), groupId, g.groupName(), g.campaignId(),
                g.campaignName(), listId, g.listName(listId), recordId, chainId, rec == null ? 0 : rec.attempt(),
                phone, agentId, result, retry, dontDial, dialedAtMs, answeredAtMs, endedAtMs, atMs, fields);
    }

    private static <K, V> Map<K, V> bounded() {
        return new LinkedHashMap<>(1024, 0.75f) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > MAX_ENTRIES;
            }
        };
    }

    /** Calls being followed now (for tests). */
    int following() {
        return byGuid.size();
    }

}
