package org.outdial.feed.oz;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One Softdial message: a two-letter code (optionally with the SDMP2 service and interface prefix, {@code CG:MA:OZ})
 * and its parameters in order. A boolean parameter has a null value.
 */
public record SoftdialMessage(String code, List<Param> params) {

    public SoftdialMessage {
        Objects.requireNonNull(code, "code");
        params = List.copyOf(params);
    }

    /** @param value null for a boolean parameter (code only) */
    public record Param(String code, String value) {
        public Param {
            Objects.requireNonNull(code, "code");
        }
    }

    /** The value of a parameter; an empty Optional when absent. A boolean present yields "". */
    public Optional<String> get(String paramCode) {
        for (Param p : params) {
            if (p.code.equals(paramCode)) {
                return Optional.of(p.value == null ? "" : p.value);
            }
        }
        return Optional.empty();
    }

    public boolean has(String paramCode) {
        return get(paramCode).isPresent();
    }

    /** The message code without an SDMP2 prefix: {@code CG:MA:EO} → {@code EO}. */
    public String shortCode() {
        int colon = code.lastIndexOf(':');
        return colon < 0 ? code : code.substring(colon + 1);
    }

    public static Builder builder(String code) {
        return new Builder(code);
    }

    /** Collects parameters in order; {@link #encode} renders the wire text without the terminator. */
    public static final class Builder {
        private final String code;
        private final List<Param> params = new ArrayList<>();

        private Builder(String code) {
            this.code = code;
        }

        public Builder add(String paramCode, String value) {
            params.add(new Param(paramCode, Objects.requireNonNull(value, paramCode)));
            return this;
        }

        public Builder flag(String paramCode) {
            params.add(new Param(paramCode, null));
            return this;
        }

        public SoftdialMessage build() {
            return new SoftdialMessage(code, params);
        }
    }
}
