package org.outdial.engine;

/** Always-on checks: a broken invariant is a bug in the engine, reported with what was expected. */
final class Invariants {

    private Invariants() {}

    static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException("engine invariant broken: " + message);
        }
    }
}
