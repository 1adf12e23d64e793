package org.outdial.callback;

import java.util.List;
import java.util.Objects;

/**
 * A configured callback service: the calling list and campaign group that dial its callbacks, and its options. The
 * option names follow the GMS service options they stand for (e.g. {@code maxDialAttempts} for
 * {@code _max_dial_attempts}).
 *
 * @param id                   0 until stored
 * @param listId               calling list holding one record per callback
 * @param campaignGroupId      campaign group dialing that list
 * @param timeBucketMin        scheduling capacity bucket in minutes ({@code _request_time_bucket}): 5, 10, 15, 20, 30,
 *                             60 or 120
 * @param maxPerBucket         callbacks allowed per bucket ({@code _max_request_by_time_bucket})
 * @param maxDialAttempts      attempts before {@code FAIL_CALL_TO_CUSTOMER} ({@code _max_dial_attempts})
 * @param dialRetrySec         delay between attempts ({@code _dial_retry_timeout})
 * @param ttlSec               time to live of a callback from its desired time ({@code _ttl})
 * @param maxQueued            callbacks queued at once ({@code _max_queued_callbacks_per_service})
 * @param maxFutureDays        how far ahead a desired time may be ({@code _reject_future_desired_time})
 * @param duplicateCheck       refuse a callback for a number that already has one waiting ({@code _enable_in_queue_checking})
 * @param throttleLimit        requests per number within {@code throttleWindowSec}; 0 = no throttling
 *                             ({@code _throttle_request_parameters_limit}, {@code _throttle_ttl_1})
 * @param previewRejectsMax    agent preview rejects before {@code AGENT_PREVIEW_CANCEL_AFTER_<n>REJECTS}
 * @param reporting            whether the service writes its {@code _CB_*} reporting events ({@code _rep_userevent_enable})
 */
public record CallbackService(long id, long tenantId, String name, long listId, long campaignGroupId,
                              BusinessHours hours, ConnectOrder connectOrder, int timeBucketMin, int maxPerBucket,
                              int maxDialAttempts, int dialRetrySec, int ttlSec, int maxQueued, int maxFutureDays,
                              boolean duplicateCheck, int throttleLimit, int throttleWindowSec, int previewRejectsMax,
                              boolean reporting, long version) {

    public static final List<Integer> BUCKETS_MIN = List.of(5, 10, 15, 20, 30, 60, 120);
    /** Most dial results the reporting keys carry ({@code _CB_DIAL_1_RESULT} .. {@code _CB_DIAL_5_RESULT}). */
    public static final int REPORTED_ATTEMPTS = 5;

    public CallbackService {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(hours, "hours");
        Objects.requireNonNull(connectOrder, "connectOrder");
        if (!BUCKETS_MIN.contains(timeBucketMin)) {
            throw new IllegalArgumentException("timeBucketMin " + timeBucketMin + " must be one of " + BUCKETS_MIN);
        }
        positive("maxPerBucket", maxPerBucket);
        positive("maxDialAttempts", maxDialAttempts);
        positive("ttlSec", ttlSec);
        positive("maxQueued", maxQueued);
        positive("maxFutureDays", maxFutureDays);
        positive("previewRejectsMax", previewRejectsMax);
        if (dialRetrySec < 0 || throttleLimit < 0 || throttleWindowSec < 0) {
            throw new IllegalArgumentException("dialRetrySec, throttleLimit and throttleWindowSec must be >= 0");
        }
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, got " + value);
        }
    }

    /** The options of the GMS user-terminated template: 3 attempts 300 s apart, 24 h TTL, 5-minute buckets of 100. */
    public static CallbackService defaults(long tenantId, String name, BusinessHours hours) {
        return new CallbackService(0, tenantId, name, 0, 0, hours, ConnectOrder.CUSTOMER_FIRST, 5, 100, 3, 300, 86_400,
                1000, 30, true, 6, 300, 3, true, 0);
    }

    public CallbackService withStorage(long id, long listId, long campaignGroupId) {
        return new CallbackService(id, tenantId, name, listId, campaignGroupId, hours, connectOrder, timeBucketMin,
                maxPerBucket, maxDialAttempts, dialRetrySec, ttlSec, maxQueued, maxFutureDays, duplicateCheck,
                throttleLimit, throttleWindowSec, previewRejectsMax, reporting, version);
    }
}
