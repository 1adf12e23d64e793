package org.outdial.switching;

import org.outdial.engine.Command;

/**
 * A telephony switch as the engine uses it. Implementations carry out call commands asynchronously and report what
 * happens through the {@link SwitchListener} given to {@link #start}: for each dial, {@code CallDialing}/{@code
 * CallRinging} (optional), then exactly one of {@code CallAnswered} or {@code CallFailed}; for an answered call later
 * {@code CallDropped} or {@code CallReleased}. Every reported event carries the switch adapter's clock.
 */
public interface Switch extends AutoCloseable {

    /** Starts reporting to {@code listener}; called once before any command. */
    void start(SwitchListener listener);

    /** Places a call; with a seized agent, engages him first and bridges him on answer. */
    void dial(Command.Dial dial);

    void connect(Command.ConnectToAgent connect);

    void transfer(Command.Transfer transfer);

    void release(Command.Release release);

    /** Carries out a switch command; returns false (and does nothing) for commands that are not the switch's. */
    default boolean execute(Command command) {
        switch (command) {
            case Command.Dial d -> dial(d);
            case Command.ConnectToAgent c -> connect(c);
            case Command.Transfer t -> transfer(t);
            case Command.Release r -> release(r);
            default -> {
                return false;
            }
        }
        return true;
    }

    @Override
    default void close() {}
}
