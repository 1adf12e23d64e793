package org.outdial.feed.oz;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a parameter may hold: its type and the spec's min/max (string length, numeric range, or text length for
 * doubles). {@code name} marks user-defined names, which may not hold the forbidden characters.
 */
public record ParamSpec(String code, String title, Type type, long min, long max, boolean name) {

    public enum Type { STRING, INT, BOOLEAN, DOUBLE }

    /** Parameters of Outcome Data [OZ] (and Number Back [NB]) with the spec's bounds. */
    public static final Map<String, ParamSpec> OUTCOME = index(
            new ParamSpec("AG", "AgentAlternativeIdentifier", Type.STRING, 1, 80, true),
            new ParamSpec("AN", "AgentIdentifier", Type.STRING, 1, 80, true),
            new ParamSpec("AO", "AgentOutcome", Type.INT, 0, 9_999, false),
            new ParamSpec("CN", "CampaignName", Type.STRING, 1, 80, true),
            new ParamSpec("DD", "DontDial", Type.BOOLEAN, 0, 0, false),
            new ParamSpec("DN", "DialedNumber", Type.STRING, 0, 80, false),
            new ParamSpec("DT", "Data", Type.STRING, 1, 128_000, false),
            new ParamSpec("GA", "GroupAddress", Type.STRING, 1, 80, true),
            new ParamSpec("IB", "Inbound", Type.BOOLEAN, 0, 0, false),
            new ParamSpec("LI", "ListIdentifier", Type.STRING, 1, 80, true),
            new ParamSpec("QN", "QueueName", Type.STRING, 1, 80, true),
            new ParamSpec("RA", "RetryAdvise", Type.BOOLEAN, 0, 0, false),
            new ParamSpec("RE", "Reason", Type.INT, 0, 999, false),
            new ParamSpec("SI", "SessionIdentifier", Type.STRING, 1, 120, false),
            new ParamSpec("T1", "CallRecordingTag1", Type.STRING, 0, 80, false),
            new ParamSpec("T2", "CallRecordingTag2", Type.STRING, 0, 80, false),
            new ParamSpec("T3", "CallRecordingTag3", Type.STRING, 0, 80, false),
            new ParamSpec("T4", "CallRecordingTag4", Type.STRING, 0, 80, false),
            new ParamSpec("T5", "CallRecordingTag5", Type.STRING, 0, 80, false),
            new ParamSpec("T6", "CallRecordingTag6", Type.STRING, 0, 80, false),
            new ParamSpec("TD", "TenantDescriptor", Type.STRING, 1, 80, true),
            new ParamSpec("TN", "TelephoneNumber", Type.STRING, 0, 80, false),
            new ParamSpec("TS", "TimeStamp", Type.DOUBLE, 1, 50, false),
            new ParamSpec("TX", "TransactionIdentifier", Type.STRING, 1, 87, false),
            new ParamSpec("X1", "CallTime1", Type.DOUBLE, 1, 50, false),
            new ParamSpec("X2", "CallTime2", Type.DOUBLE, 1, 50, false),
            new ParamSpec("X3", "CallTime3", Type.DOUBLE, 1, 50, false),
            new ParamSpec("X4", "CallTime4", Type.DOUBLE, 1, 50, false));

    /** Parameters of Enumerate Outcomes [EO]. */
    public static final Map<String, ParamSpec> ENUMERATE_OUTCOMES = index(
            new ParamSpec("CN", "CampaignName", Type.STRING, 1, 80, true),
            new ParamSpec("CS", "RateControl", Type.INT, 1, 1_000_000, false),
            new ParamSpec("FO", "FailureOutcomes", Type.BOOLEAN, 0, 0, false),
            new ParamSpec("MO", "ManagementOutcomes", Type.BOOLEAN, 0, 0, false),
            new ParamSpec("PS", "PersistToken", Type.STRING, 1, 80, false),
            new ParamSpec("SO", "SuccessOutcomes", Type.BOOLEAN, 0, 0, false),
            new ParamSpec("TD", "TenantDescriptor", Type.STRING, 1, 80, true),
            new ParamSpec("TX", "TransactionIdentifier", Type.STRING, 1, 87, false));

    /** Parameters of Enumerate End [EE]. */
    public static final Map<String, ParamSpec> ENUMERATE_END = index(
            new ParamSpec("TD", "TenantDescriptor", Type.STRING, 1, 80, true),
            new ParamSpec("TK", "Token", Type.STRING, 1, 80, false),
            new ParamSpec("TX", "TransactionIdentifier", Type.STRING, 1, 87, false));

    /** Throws {@link SoftdialException} (INVALID_VALUE) naming the parameter and the rule the value breaks. */
    public void check(String value) {
        String what = code + " (" + title + ")";
        if (type == Type.BOOLEAN) {
            if (value != null && !value.isEmpty()) {
                throw new SoftdialException(SoftdialErrors.INVALID_VALUE, what + " is a flag and takes no value");
            }
            return;
        }
        if (value == null) {
            throw new SoftdialException(SoftdialErrors.INVALID_VALUE, what + " needs a value");
        }
        int bad = SoftdialValues.forbiddenChar(value, name);
        if (bad >= 0) {
            throw new SoftdialException(SoftdialErrors.INVALID_VALUE, what + " may not contain '" + (char) bad + "'");
        }
        switch (type) {
            case STRING, DOUBLE -> {
                if (value.length() < min || value.length() > max) {
                    throw new SoftdialException(SoftdialErrors.INVALID_VALUE, what + " must be " + min + " to " + max
                            + " characters long, got " + value.length());
                }
                if (type == Type.DOUBLE) {
                    try {
                        Double.parseDouble(value);
                    } catch (NumberFormatException e) {
                        throw new SoftdialException(SoftdialErrors.INVALID_VALUE, what + " must be a decimal number");
                    }
                }
            }
            case INT -> {
                long n;
                try {
                    n = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    throw new SoftdialException(SoftdialErrors.INVALID_VALUE, what + " must be a whole number");
                }
                if (n < min || n > max) {
                    throw new SoftdialException(SoftdialErrors.INVALID_VALUE, what + " must be " + min + " to " + max
                            + ", got " + n);
                }
            }
            case BOOLEAN -> { }
        }
    }

    private static Map<String, ParamSpec> index(ParamSpec... specs) {
        return Stream.of(specs).collect(Collectors.toUnmodifiableMap(ParamSpec::code, Function.identity()));
    }
}
