package org.outdial.callback;

import java.util.Objects;

/** A {@code _CB_DISPOSITION} value: {@code <state>.<sub state>}, e.g. {@code COMPLETED.CONNECTED}. */
public record Disposition(CallbackState state, SubState subState) {

    public Disposition {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(subState, "subState");
    }

    public String text() {
        return state.name() + "." + subState.name();
    }

    /**
     * Parses {@code STATE.SUB_STATE}.
     *
     * @throws IllegalArgumentException naming the allowed values
     */
    public static Disposition parse(String text) {
        String[] parts = text == null ? new String[0] : text.split("\\.", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("disposition '" + text + "' must be <state>.<sub state>, e.g. COMPLETED.AGENT");
        }
        try {
            return new Disposition(CallbackState.valueOf(parts[0]), SubState.valueOf(parts[1]));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("disposition '" + text + "': state one of "
                    + java.util.Arrays.toString(CallbackState.values()) + ", sub state one of "
                    + java.util.Arrays.toString(SubState.values()));
        }
    }

    @Override
    public String toString() {
        return text();
    }
}
