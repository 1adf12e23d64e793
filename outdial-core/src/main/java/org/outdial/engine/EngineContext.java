package org.outdial.engine;

import java.util.Objects;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.outdial.compliance.DncGuard;
import org.outdial.pacing.LookAheadPacer;
import org.outdial.pacing.Pacer;

/**
 * Every source of nondeterminism and every limit the engine uses, set once and frozen by {@link Builder#build()}.
 *
 * @param applicationId  this server's id, the owner of claimed records ({@code app_id})
 * @param random         seeded by the caller; the engine draws call-attempt GUIDs from it
 * @param dnc            the Do-Not-Call check made at the moment of dialing
 * @param predictivePacer the pacer for predictive modes, one per session
 * @param maxAllowance   largest per-call abandon probability the abandon guard ever allows
 * @param budgetScale    saved-up abandons at which the guard allows {@code maxAllowance}
 * @param abandonNoiseZ  standard deviations of a day's abandon-rate noise kept below the cap (small teams aim lower)
 * @param checkInvariants check the global invariants after every event (tests, simulation); the per-handler
 *                        preconditions are always checked
 * @param dialGuardMarginMs a dial the switch has not answered or failed within its no-answer timeout plus this margin
 *                        is ended by the engine as No Progress (default 30 s: covers answer-machine detection and
 *                        event latency after the ring timeout)
 * @param staleCleanTimeoutMs a record held on an agent's desktop longer than this is taken back and written Stale
 *                        (default 30 min, chosen as a generous preview/wrap-up time; the vendor's default for
 *                        {@code stale_clean_timeout} is unconfirmed)
 * @param transferGuardMs a call transferred away (answering machine to a destination, IVR port) whose release the
 *                        switch has not reported within this time is hung up and its attempt ended, so a lost release
 *                        never keeps a record Retrieved or a session from unloading (default 4 h: longer than any
 *                        IVR or message playback a campaign runs)
 * @param phones          normalizes phone numbers desktops send (AddRecord, record changes) to E.164; default as given
 */
public record EngineContext(int applicationId, RandomGenerator random, DncGuard dnc,
                            Function<SessionConfig, Pacer> predictivePacer, double maxAllowance, double budgetScale,
                            double abandonNoiseZ, int persistRetriesMax, boolean checkInvariants,
                            long dialGuardMarginMs, long staleCleanTimeoutMs, long transferGuardMs,
                            PhoneFormat phones) {

    public static final long DIAL_GUARD_MARGIN_MS_DEFAULT = 30_000;
    public static final long TRANSFER_GUARD_MS_DEFAULT = 4 * 3_600_000L;
    public static final long STALE_CLEAN_TIMEOUT_MS_DEFAULT = 30 * 60_000;

    public static Builder builder() {
        return new Builder();
    }

    /** Fills defaults only where unset, validates, then freezes. */
    public static final class Builder {
        private Integer applicationId;
        private RandomGenerator random;
        private DncGuard dnc = DncGuard.NONE;
        private Function<SessionConfig, Pacer> predictivePacer;
        private double maxAllowance = 0.3;
        private double budgetScale = 2.0;
        private double abandonNoiseZ = 1.0;
        private int persistRetriesMax = 5;
        private boolean checkInvariants;
        private long dialGuardMarginMs = DIAL_GUARD_MARGIN_MS_DEFAULT;
        private long staleCleanTimeoutMs = STALE_CLEAN_TIMEOUT_MS_DEFAULT;
        private long transferGuardMs = TRANSFER_GUARD_MS_DEFAULT;
        private PhoneFormat phones = PhoneFormat.AS_GIVEN;

        public Builder applicationId(int id) {
            this.applicationId = id;
            return this;
        }

        public Builder random(RandomGenerator random) {
            this.random = random;
            return this;
        }

        public Builder dnc(DncGuard dnc) {
            this.dnc = dnc;
            return this;
        }

        public Builder predictivePacer(Function<SessionConfig, Pacer> factory) {
            this.predictivePacer = factory;
            return this;
        }

        public Builder abandonAllowance(double maxAllowance, double budgetScale) {
            this.maxAllowance = maxAllowance;
            this.budgetScale = budgetScale;
            return this;
        }

        public Builder abandonNoiseZ(double z) {
            this.abandonNoiseZ = z;
            return this;
        }

        public Builder persistRetriesMax(int max) {
            this.persistRetriesMax = max;
            return this;
        }

        public Builder checkInvariants(boolean check) {
            this.checkInvariants = check;
            return this;
        }

        /** Time after a dial's no-answer timeout at which the engine gives up on a silent switch. */
        public Builder dialGuardMarginMs(long ms) {
            this.dialGuardMarginMs = ms;
            return this;
        }

        /** How long a record may stay on an agent's desktop before it is written Stale. */
        public Builder staleCleanTimeoutMs(long ms) {
            this.staleCleanTimeoutMs = ms;
            return this;
        }

        /** How long a transferred call may go without a release report before the engine ends it. */
        public Builder transferGuardMs(long ms) {
            this.transferGuardMs = ms;
            return this;
        }

        /** How phone numbers from desktops become E.164 (the importer's rule). */
        public Builder phoneFormat(PhoneFormat phones) {
            this.phones = java.util.Objects.requireNonNull(phones, "phones");
            return this;
        }

        public EngineContext build() {
            if (applicationId == null) {
                throw new IllegalArgumentException("applicationId is not set: give this server's application id "
                        + "(the owner of the records it claims)");
            }
            Objects.requireNonNull(random, "random is not set: pass a seeded RandomGenerator, e.g. "
                    + "RandomGenerator.of(\"L64X128MixRandom\") seeded by the caller");
            if (!(maxAllowance > 0 && maxAllowance < 1) || !(budgetScale > 0)) {
                throw new IllegalArgumentException("abandon allowance " + maxAllowance + " must be in (0, 1) and "
                        + "budget scale " + budgetScale + " > 0 (defaults 0.3 and 2.0)");
            }
            if (persistRetriesMax < 0) {
                throw new IllegalArgumentException("persistRetriesMax " + persistRetriesMax + " must be >= 0");
            }
            Function<SessionConfig, Pacer> pacer = predictivePacer != null ? predictivePacer
                    : cfg -> new LookAheadPacer(cfg.options().connectTimeoutMs(), cfg.options().noAnswerMs(),
                            cfg.options().handleTimePriorMs());
            if (!(abandonNoiseZ >= 0)) {
                throw new IllegalArgumentException("abandonNoiseZ " + abandonNoiseZ + " must be >= 0 (default 1.0)");
            }
            if (dialGuardMarginMs <= 0) {
                throw new IllegalArgumentException("dialGuardMarginMs " + dialGuardMarginMs + " must be > 0 "
                        + "milliseconds (default " + DIAL_GUARD_MARGIN_MS_DEFAULT + "); a dial guard cannot be disabled");
            }
            if (staleCleanTimeoutMs <= 0) {
                throw new IllegalArgumentException("staleCleanTimeoutMs " + staleCleanTimeoutMs + " must be > 0 "
                        + "milliseconds (default " + STALE_CLEAN_TIMEOUT_MS_DEFAULT + ")");
            }
            if (transferGuardMs <= 0) {
                throw new IllegalArgumentException("transferGuardMs " + transferGuardMs + " must be > 0 "
                        + "milliseconds (default " + TRANSFER_GUARD_MS_DEFAULT + ")");
            }
            return new EngineContext(applicationId, random, dnc, pacer, maxAllowance, budgetScale, abandonNoiseZ,
                    persistRetriesMax, checkInvariants, dialGuardMarginMs, staleCleanTimeoutMs, transferGuardMs, phones);
        }
    }
}
