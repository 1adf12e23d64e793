package org.outdial.server.config;

/**
 * Turns the text of one setting (from a flag, an environment variable or the YAML file) into its typed value.
 *
 * @param <T> the value type
 */
interface Parser<T> {

    /**
     * @throws IllegalArgumentException when the text is not allowed; the message is ignored, {@link #allowed()} is shown
     */
    T parse(String text);

    /** The allowed values in words, e.g. "an integer 0..65535" — shown in errors and in the reference. */
    String allowed();
}
