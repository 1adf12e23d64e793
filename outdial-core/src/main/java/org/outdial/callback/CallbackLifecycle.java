package org.outdial.callback;

import java.util.Objects;
import org.outdial.record.CallResult;

/**
 * The one place callback states change. Every method takes the current callback and returns a changed copy; the
 * caller persists it. Transitions: SCHEDULED → QUEUED when due; QUEUED → ROUTING when the campaign group dials;
 * ROUTING → PROCESSING when an agent gets the customer; back to QUEUED for a retry; → COMPLETED with a reason.
 */
public final class CallbackLifecycle {

    /** A scheduled callback is queued this long before its desired time ({@code _request_execution_time_buffer}). */
    public static final long QUEUE_AHEAD_MS = 120_000;

    private CallbackLifecycle() {}

    /** What to do with the callback's record after an attempt ended. */
    public sealed interface Next {
        /** Dial again at {@code dueMs} (the record goes back Ready with that dial_sched_time). */
        record Redial(long dueMs) implements Next {}

        /** The callback is done: leave the record final. */
        record Done() implements Next {}
    }

    public record AttemptOutcome(Callback callback, Next next) {}

    /** A new callback for {@code service}: SCHEDULED when its desired time is ahead, else QUEUED. */
    public static Callback create(String id, CallbackService service, CallbackRequest request, long nowMs) {
        Callback c = new Callback();
        c.id = Objects.requireNonNull(id, "id");
        c.tenantId = service.tenantId();
        c.serviceId = service.id();
        c.serviceName = service.name();
        c.customerNumber = request.customerNumber();
        c.channel = request.channel();
        c.type = request.type();
        c.direction = request.direction();
        c.connectOrder = service.connectOrder();
        c.offer.putAll(request.offer());
        c.data.putAll(request.data());
        c.offerType = request.offer().containsKey("_cb_dim_callback_offer_type")
                ? OfferType.valueOf(request.offer().get("_cb_dim_callback_offer_type"))
                : OfferType.valueOf(request.type().name());
        c.serviceStartMs = nowMs;
        String accepted = request.offer().get("_cb_t_callback_accepted");
        c.acceptedMs = accepted == null ? nowMs : Long.parseLong(accepted) * 1000;
        String timing = request.offer().get("_cb_dim_offer_timing");
        c.offerTiming = timing != null ? OfferTiming.parse(timing)
                : service.hours().isOpen(java.time.Instant.ofEpochMilli(nowMs)) ? OfferTiming.ON_HOURS : OfferTiming.OFF_HOURS;
        c.desiredMs = request.desiredTime() == null ? nowMs : request.desiredTime().toEpochMilli();
        c.expiresMs = Math.max(c.desiredMs, nowMs) + service.ttlSec() * 1000L;
        c.nextDialMs = c.desiredMs;
        if (c.desiredMs - QUEUE_AHEAD_MS > nowMs) {
            c.state = CallbackState.SCHEDULED;
        } else {
            c.state = CallbackState.QUEUED;
            c.queuedMs = nowMs;
        }
        return c;
    }

    /** A scheduled callback's time came. */
    public static Callback queue(Callback cb, long nowMs) {
        require(cb, CallbackState.SCHEDULED);
        Callback c = cb.copy();
        c.state = CallbackState.QUEUED;
        c.queuedMs = nowMs;
        return c;
    }

    /**
     * The campaign group dials the callback's record.
     *
     * @param attemptId the call attempt's GUID (reported as the outbound interaction id)
     * @param position  callbacks of the service queued ahead of this one
     */
    public static Callback dialing(Callback cb, String attemptId, int position, long nowMs) {
        Callback c = cb.copy();
        if (c.state == CallbackState.SCHEDULED) {
            c.queuedMs = nowMs;
        }
        c.state = CallbackState.ROUTING;
        if (c.readyToStartMs == 0) {
            c.readyToStartMs = nowMs;
            c.positionWhenReady = position;
        }
        c.positionWhenLastDial = position;
        c.ewtWhenLastDialSec = (int) Math.max(0, (nowMs - Math.max(c.queuedMs, c.serviceStartMs)) / 1000);
        if (c.firstOutIxn == null) {
            c.firstOutIxn = attemptId;
        }
        c.lastOutIxn = attemptId;
        return c;
    }

    /** The customer was put through to an agent the moment he answered (agent-first connect orders, a free agent). */
    public static Callback agentConnected(Callback cb, String agentId, long nowMs) {
        return agentConnected(cb, agentId, nowMs, nowMs);
    }

    /**
     * The customer, who answered at {@code answeredMs}, was put through to an agent at {@code nowMs}: the gap is
     * {@code _CB_D_CUSTOMER_CONNECTED_WAITING_FOR_AGENT}. {@code _CB_T_CUSTOMER_CONNECTED} is this attempt's answer.
     */
    public static Callback agentConnected(Callback cb, String agentId, long answeredMs, long nowMs) {
        Callback c = cb.copy();
        c.state = CallbackState.PROCESSING;
        c.agentId = agentId;
        c.customerConnectedMs = answeredMs > 0 && answeredMs <= nowMs ? answeredMs : nowMs;
        c.agentConnectedMs = nowMs;
        return c;
    }

    /** The customer answered this attempt ({@code _CB_T_CUSTOMER_CONNECTED}), before any agent is connected. */
    public static Callback customerAnswered(Callback cb, long answeredMs) {
        Callback c = cb.copy();
        if (!c.state.isFinal()) {
            c.customerConnectedMs = answeredMs;
        }
        return c;
    }

    /**
     * The agent on the call rescheduled it from his desktop (the record was written back Ready with a new
     * dial_sched_time): the callback takes that time when the attempt ends ({@code SCHEDULED.AGENT}).
     */
    public static Callback agentRescheduled(Callback cb, long dueMs) {
        Callback c = notFinal(cb);
        c.rescheduleToMs = dueMs;
        return c;
    }

    /**
     * A desktop preview of the callback's record ended without a call (the agent declined it): the callback waits
     * again, due at {@code dueMs}; no attempt is counted.
     */
    public static Callback previewDeclined(Callback cb, long dueMs) {
        Callback c = notFinal(cb);
        c.state = CallbackState.QUEUED;
        c.nextDialMs = dueMs;
        return c;
    }

    /**
     * An agent handed the callback's preview back without a result (RecordReject, CTI Reject/Skip/Cancel Reservation):
     * counted; at the service's {@code previewRejectsMax} the callback completes as
     * {@code AGENT_PREVIEW_CANCEL_AFTER_<n>REJECTS} ({@code COMPLETED.REJECTED}), else it waits again, due at
     * {@code dueMs}.
     */
    public static Callback previewRejected(Callback cb, CallbackService service, long dueMs, long nowMs) {
        Callback c = previewDeclined(cb, dueMs);
        c.previewRejects++;
        if (c.previewRejects >= service.previewRejectsMax()) {
            complete(c, CompletionReason.AGENT_PREVIEW_CANCEL_AFTER_REJECTS.text(c.previewRejects), SubState.REJECTED,
                    null, nowMs);
        }
        return c;
    }

    /**
     * An outbound attempt ended with {@code result}. Decides between another attempt and completion, by the
     * service's attempt limit, retry delay and the callback's time to live.
     *
     * @param dialedAtMs     when the attempt was dialed
     * @param agentConnected whether the customer talked to an agent on this attempt
     * @param amd            whether answers were classified by call-progress detection
     */
    public static AttemptOutcome attemptEnded(Callback cb, CallbackService service, CallResult result,
                                              boolean agentConnected, boolean amd, long dialedAtMs, long nowMs) {
        Callback c = cb.copy();
        if (c.state.isFinal()) {
            return new AttemptOutcome(c, new Next.Done());
        }
        if (!agentConnected && c.state == CallbackState.PROCESSING) {
            // the agent found no customer on the line (a machine, a fax): nobody was connected on this attempt
            c.agentConnectedMs = 0;
        }
        DialResult dial = DialResult.of(result, agentConnected, amd);
        c.attempts.add(new DialAttempt(dialedAtMs, dial));
        c.finalDialResult = dial;
        if (c.cancelRequested && !agentConnected) {
            c.finalDialResult = DialResult.CANCEL;
            return done(c, CompletionReason.CANCELLED, SubState.CANCELLED, DialogResult.CANCELLED, nowMs);
        }
        if (c.rescheduleToMs != 0) {
            return rescheduled(c, agentConnected);
        }
        if (agentConnected) {
            if (result == CallResult.WRONG_PARTY) {
                return done(c, CompletionReason.NOT_AVAILABLE, SubState.FAILED, null, nowMs);
            }
            return done(c, CompletionReason.AGENT_CONNECTED, SubState.CONNECTED, DialogResult.RIGHT_PERSON, nowMs);
        }
        if (result == CallResult.TRANSFERRED) {
            // handed to a route point / IVR: routing there connects the customer; outdial's part is done
            return done(c, CompletionReason.AGENT_CONNECTED, SubState.TRANSFERRED_TO_RP, DialogResult.TRANSFERRED_TO_RP,
                    nowMs);
        }
        if (isBadNumber(result)) {
            return done(c, CompletionReason.FAIL_NO_CUSTOMER_NUMBER, SubState.FAILED, null, nowMs);
        }
        long dueMs = nowMs + service.dialRetrySec() * 1000L;
        if (c.attempts.size() >= service.maxDialAttempts()) {
            return switch (result) {
                case ABANDONED -> done(c, CompletionReason.FAIL_AGENT_CONNECT, SubState.FAILED, null, nowMs);
                case DROPPED -> done(c, CompletionReason.FAIL_INTERACTION_DELETED, SubState.ABANDONED_IN_QUEUE, null,
                        nowMs);
                case SWITCH_ERROR, GENERAL_ERROR, SYSTEM_ERROR, DIAL_ERROR, NO_PORT_AVAILABLE, CALL_DROP_ERROR ->
                        done(c, CompletionReason.FAIL_ERROR, SubState.FAILED, null, nowMs);
                default -> done(c, CompletionReason.FAIL_CALL_TO_CUSTOMER, SubState.REDIAL_LIMIT_REACHED, null, nowMs);
            };
        }
        if (dueMs >= c.expiresMs) {
            return done(c, CompletionReason.FAIL_TIMEOUT_TTL, SubState.FAILED, null, nowMs);
        }
        c.state = CallbackState.QUEUED;
        c.nextDialMs = dueMs;
        return new AttemptOutcome(c, new Next.Redial(dueMs));
    }

    /** A new time was asked for while the call was in progress (by the agent on the call, or through the API). */
    private static AttemptOutcome rescheduled(Callback c, boolean byAgent) {
        c.state = CallbackState.SCHEDULED;
        c.expiresMs += Math.max(0, c.rescheduleToMs - c.desiredMs);
        c.desiredMs = c.rescheduleToMs;
        c.nextDialMs = c.rescheduleToMs;
        c.rescheduleToMs = 0;
        c.dialogResult = DialogResult.RESCHEDULED;
        if (byAgent) {
            c.disposition = new Disposition(CallbackState.SCHEDULED, SubState.AGENT);
        }
        return new AttemptOutcome(c, new Next.Redial(c.nextDialMs));
    }

    private static boolean isBadNumber(CallResult r) {
        return r == CallResult.DO_NOT_CALL || r == CallResult.SIT_INVALID_NUM || r == CallResult.SIT_VACANT
                || r == CallResult.WRONG_NUMBER;
    }

    private static AttemptOutcome done(Callback c, CompletionReason reason, SubState sub, DialogResult dialog, long nowMs) {
        complete(c, reason.text(0), sub, dialog, nowMs);
        return new AttemptOutcome(c, new Next.Done());
    }

    private static void complete(Callback c, String reason, SubState sub, DialogResult dialog, long nowMs) {
        c.state = CallbackState.COMPLETED;
        c.reason = reason;
        // an agent's own completion disposition wins over the one outdial derives
        if (c.disposition == null || c.disposition.state() != CallbackState.COMPLETED) {
            c.disposition = new Disposition(CallbackState.COMPLETED, sub);
        }
        if (dialog != null) {
            c.dialogResult = dialog;
        }
        c.completedMs = nowMs;
        c.nextDialMs = 0;
    }

    /**
     * Cancel through the API. A callback whose record is claimed for dialing or whose call is in progress completes
     * CANCELLED when that attempt ends (unless the customer reaches an agent first).
     *
     * @return the changed callback; {@link Callback#state()} tells whether it completed now
     * @throws IllegalStateException when it already completed
     */
    public static Callback cancel(Callback cb, boolean recordClaimed, long nowMs) {
        Callback c = notFinal(cb);
        if (recordClaimed || c.state == CallbackState.ROUTING || c.state == CallbackState.PROCESSING) {
            c.cancelRequested = true;
            return c;
        }
        complete(c, CompletionReason.CANCELLED.name(), SubState.CANCELLED, DialogResult.CANCELLED, nowMs);
        return c;
    }

    /**
     * A new desired time, through the API or by the agent handling the call. While a call is in progress the new
     * time applies when it ends.
     */
    public static Callback reschedule(Callback cb, long desiredMs, boolean recordClaimed, CallbackService service,
                                      long nowMs) {
        Callback c = notFinal(cb);
        if (recordClaimed || c.state == CallbackState.ROUTING || c.state == CallbackState.PROCESSING) {
            c.rescheduleToMs = desiredMs;
            return c;
        }
        c.desiredMs = desiredMs;
        c.nextDialMs = desiredMs;
        c.expiresMs = Math.max(desiredMs, nowMs) + service.ttlSec() * 1000L;
        c.dialogResult = DialogResult.RESCHEDULED;
        if (desiredMs - QUEUE_AHEAD_MS > nowMs) {
            c.state = CallbackState.SCHEDULED;
        } else {
            c.state = CallbackState.QUEUED;
            c.queuedMs = nowMs;
        }
        return c;
    }

    /**
     * The callback could not be queued when it came due: the service's queue is full ({@code FAIL_QUEUEING}) or its
     * campaign group is gone ({@code FAIL_TARGET_NOT_FOUND}).
     */
    public static Callback failQueueing(Callback cb, CompletionReason reason, long nowMs) {
        if (reason != CompletionReason.FAIL_QUEUEING && reason != CompletionReason.FAIL_TARGET_NOT_FOUND) {
            throw new IllegalArgumentException("not a queueing failure: " + reason);
        }
        Callback c = notFinal(cb);
        complete(c, reason.name(), SubState.FAILED, null, nowMs);
        return c;
    }

    /** The time to live ran out before the callback completed. */
    public static Callback expire(Callback cb, long nowMs) {
        Callback c = notFinal(cb);
        complete(c, CompletionReason.FAIL_TIMEOUT_TTL.name(), SubState.FAILED, null, nowMs);
        return c;
    }

    /**
     * The agent's completion disposition ({@code <state>.<sub state>}); sets {@code _CB_DISPOSITION}. Allowed while
     * the callback is being processed and after it completed (agents disposition after the call).
     */
    public static Callback agentDisposition(Callback cb, Disposition disposition) {
        Callback c = cb.copy();
        if (c.state != CallbackState.PROCESSING && c.state != CallbackState.COMPLETED) {
            throw new IllegalStateException("callback " + c.id + " is " + c.state
                    + "; an agent disposition needs PROCESSING or COMPLETED");
        }
        c.disposition = disposition;
        return c;
    }

    /**
     * A result reported by the application of a callback outdial does not dial itself (user-originated, push to a
     * mobile app): recorded as an attempt; with a reason, the callback completes.
     */
    public static Callback applicationResult(Callback cb, DialResult result, CompletionReason reason, int rejects,
                                             long nowMs) {
        Callback c = notFinal(cb);
        if (!result.isAttemptResult()) {
            c.finalDialResult = result;
        } else {
            c.attempts.add(new DialAttempt(nowMs, result));
            c.finalDialResult = result;
        }
        if (c.readyToStartMs == 0) {
            c.readyToStartMs = nowMs;
        }
        if (result == DialResult.USERORIGINATED_CONNECTED || result == DialResult.CONNECTED) {
            c.customerConnectedMs = c.customerConnectedMs == 0 ? nowMs : c.customerConnectedMs;
        }
        if (reason == null) {
            if (c.state == CallbackState.SCHEDULED) {
                c.state = CallbackState.QUEUED;
                c.queuedMs = nowMs;
            }
            return c;
        }
        SubState sub = switch (reason) {
            case AGENT_CONNECTED -> switch (result) {
                case PUSH_DELIVERY_CONFIRMED -> SubState.PUSH_DELIVERY_CONFIRMED;
                default -> SubState.CONNECTED;
            };
            case CANCELLED -> SubState.CANCELLED;
            case AGENT_PREVIEW_CANCEL_AFTER_REJECTS -> SubState.REJECTED;
            case FAIL_CALL_TO_CUSTOMER -> SubState.REDIAL_LIMIT_REACHED;
            case FAIL_INTERACTION_DELETED -> SubState.ABANDONED_IN_QUEUE;
            case FAIL_LOAD_MESSAGE_FILE -> SubState.PUSH_SEND_ERROR;
            default -> result == DialResult.PUSH_SEND_ERROR ? SubState.PUSH_SEND_ERROR : SubState.FAILED;
        };
        DialogResult dialog = reason == CompletionReason.AGENT_CONNECTED ? DialogResult.RIGHT_PERSON
                : reason == CompletionReason.CANCELLED ? DialogResult.CANCELLED : null;
        complete(c, reason.text(rejects), sub, dialog, nowMs);
        return c;
    }

    /** After a restart: a callback whose call was cut short waits again (its record was returned to Ready). */
    public static Callback recover(Callback cb) {
        Callback c = cb.copy();
        if (c.state == CallbackState.ROUTING || c.state == CallbackState.PROCESSING) {
            c.state = CallbackState.QUEUED;
        }
        return c;
    }

    /** Push sent to the customer's app (mobile channel): records {@code PUSH_SEND} as the disposition so far. */
    public static Callback pushSent(Callback cb, long nowMs) {
        Callback c = notFinal(cb);
        c.disposition = new Disposition(c.state, SubState.PUSH_SEND);
        if (c.readyToStartMs == 0) {
            c.readyToStartMs = nowMs;
        }
        return c;
    }

    private static Callback notFinal(Callback cb) {
        if (cb.state.isFinal()) {
            throw new IllegalStateException("callback " + cb.id + " already completed (" + cb.reason + ")");
        }
        return cb.copy();
    }

    private static void require(Callback cb, CallbackState state) {
        if (cb.state != state) {
            throw new IllegalStateException("callback " + cb.id + " is " + cb.state + ", not " + state);
        }
    }
}
