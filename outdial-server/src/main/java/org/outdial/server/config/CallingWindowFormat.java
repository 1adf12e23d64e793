package org.outdial.server.config;

import org.outdial.record.CallingWindow;

/** The {@code HH:mm-HH:mm} text form of a calling window, used in settings and on the command line. */
public final class CallingWindowFormat {

    private CallingWindowFormat() {}

    /** @throws IllegalArgumentException naming the text and the expected form */
    public static CallingWindow parse(String text) {
        String[] parts = text.trim().split("-");
        if (parts.length != 2) {
            throw new IllegalArgumentException("calling window '" + text + "' must be HH:mm-HH:mm, e.g. 08:00-21:00");
        }
        return new CallingWindow(CallingWindow.parseTimeOfDay(parts[0]), CallingWindow.parseTimeOfDay(parts[1]));
    }

    public static String format(CallingWindow window) {
        return CallingWindow.formatTimeOfDay(window.dailyFromSec()) + "-" + CallingWindow.formatTimeOfDay(window.dailyTillSec());
    }
}
