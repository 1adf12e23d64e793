package org.outdial.engine;

import java.util.Objects;

/**
 * Who asked for a session change: an admin client (REST, web UI, Communication DN) or a schedule.
 *
 * @param name the client's name or token label, or the schedule's name
 */
public record Actor(Kind kind, String name) {

    public enum Kind { CLIENT, SCHEDULE, ENGINE }

    public Actor {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    public static Actor client(String name) {
        return new Actor(Kind.CLIENT, name);
    }

    public static Actor schedule(String name) {
        return new Actor(Kind.SCHEDULE, name);
    }
}
