package org.outdial.server.feed;

import org.outdial.engine.Command;
import org.outdial.feed.FinishedCall;

/**
 * A feed as the hub sees it. Both methods run on the hub's thread, in engine emission order, and must return at once:
 * a feed that does I/O hands the work to its own bounded queue.
 */
public interface FeedListener {

    /** A command the engine emitted, stamped with the time of the event that caused it. */
    default void command(long atMs, Command command) {}

    /** A call attempt (or a preview record) finished and its write is durable. */
    default void finished(FinishedCall call) {}

    /**
     * The hub has handed over a batch of publications: a feed that gathers what it sends per batch (one shared
     * message for many subscribers) hands it to its subscribers now.
     */
    default void flush() {}
}
