package org.outdial.server.config;

import org.outdial.server.OutdialException;

/** The configuration cannot be used; the message names the key, the value, its origin and what is allowed. */
public final class ConfigException extends OutdialException {

    public ConfigException(String message) {
        super(message);
    }
}
