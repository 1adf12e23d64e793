package org.outdial.feed.oz;

import java.util.Map;
import java.util.Objects;

/** What an outcome-feed client may ask: start an outcome enumeration, or end one. */
public sealed interface ClientRequest {

    String transactionId();

    /**
     * Enumerate Outcomes [EO]: stream an OZ per finished call of the chosen tenant and campaign (null = all) until EE
     * or disconnect.
     *
     * @param successes SO: calls that reached a live party (dialing-cycle outcome 10)
     * @param failures  FO: every other outcome
     */
    record EnumerateOutcomes(String transactionId, String tenant, String campaign, boolean successes, boolean failures)
            implements ClientRequest {
        public EnumerateOutcomes {
            Objects.requireNonNull(transactionId, "transactionId");
        }

        /** Whether a finished call belongs to this enumeration. */
        public boolean wants(String tenantName, String campaignName, boolean success) {
            return (tenant == null || tenant.equals(tenantName)) && (campaign == null || campaign.equals(campaignName))
                    && (success ? successes : failures);
        }
    }

    /** Enumerate End [EE]: end the enumeration with this transaction id; answered by Enumerate Finished [EF]. */
    record EnumerateEnd(String transactionId, String tenant) implements ClientRequest {
        public EnumerateEnd {
            Objects.requireNonNull(transactionId, "transactionId");
        }
    }

    /**
     * Parses and validates one client message. Any fault rejects the whole message (vendor rule) with a
     * {@link SoftdialException} whose code and text go into the Error Report.
     */
    static ClientRequest parse(String text) {
        SoftdialMessage m = SoftdialCodec.parse(text);
        String code = m.code();
        if (code.contains(":") && !code.startsWith("CG:MA:")) {
            throw new SoftdialException(SoftdialErrors.NOT_UNDERSTOOD, "message " + code
                    + " is not for the management interface; outcome requests are CG:MA:EO and CG:MA:EE");
        }
        return switch (m.shortCode()) {
            case "EO" -> enumerateOutcomes(m);
            case "EE" -> enumerateEnd(m);
            default -> throw new SoftdialException(SoftdialErrors.NOT_UNDERSTOOD, "message " + m.shortCode()
                    + " is not supported here; this feed takes EO (Enumerate Outcomes) and EE (Enumerate End)");
        };
    }

    private static EnumerateOutcomes enumerateOutcomes(SoftdialMessage m) {
        validate(m, ParamSpec.ENUMERATE_OUTCOMES);
        if (m.has("PS")) {
            throw new SoftdialException(SoftdialErrors.NOT_SUPPORTED, "PS (PersistToken) is not supported: an "
                    + "enumeration ends with its connection");
        }
        if (m.has("MO")) {
            throw new SoftdialException(SoftdialErrors.NOT_SUPPORTED, "MO (ManagementOutcomes) is not supported");
        }
        String tx = m.get("TX").orElseThrow(() -> new SoftdialException(SoftdialErrors.TX_MISSING,
                "TX (TransactionIdentifier) is missing"));
        boolean so = m.has("SO");
        boolean fo = m.has("FO");
        if (!so && !fo) {
            throw new SoftdialException(SoftdialErrors.NO_OUTCOME_KIND, "EO needs FO (FailureOutcomes), SO "
                    + "(SuccessOutcomes) or both");
        }
        return new EnumerateOutcomes(tx, m.get("TD").orElse(null), m.get("CN").orElse(null), so, fo);
    }

    private static EnumerateEnd enumerateEnd(SoftdialMessage m) {
        validate(m, ParamSpec.ENUMERATE_END);
        String tx = m.get("TX").orElseThrow(() -> new SoftdialException(SoftdialErrors.TX_MISSING,
                "TX (TransactionIdentifier) is missing"));
        return new EnumerateEnd(tx, m.get("TD").orElse(null));
    }

    private static void validate(SoftdialMessage m, Map<String, ParamSpec> specs) {
        for (SoftdialMessage.Param p : m.params()) {
            ParamSpec spec = specs.get(p.code());
            if (spec == null) {
                throw new SoftdialException(SoftdialErrors.UNKNOWN_PARAMETER, m.shortCode() + " takes no parameter "
                        + p.code() + "; it takes " + String.join(", ", new java.util.TreeSet<>(specs.keySet())));
            }
            spec.check(p.value());
        }
    }
}
