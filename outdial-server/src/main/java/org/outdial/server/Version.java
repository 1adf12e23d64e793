package org.outdial.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of this build, filled in by Maven at build time. */
public final class Version {

    private static final String VERSION = read();

    private Version() {}

    public static String get() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
