package org.outdial.sim;

/** A scenario file that does not follow the format; the message names the key and what is wrong. */
public final class ScenarioException extends RuntimeException {

    public ScenarioException(String message) {
        super(message);
    }
}
