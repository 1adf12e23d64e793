package org.outdial.sip;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one call's work in submission order, one task at a time, on a shared executor: SIP callbacks, engine commands
 * and timers of a call never run concurrently, and a stack thread only enqueues (never blocks).
 */
final class SerialQueue implements Executor {

    private static final Logger LOG = LoggerFactory.getLogger(SerialQueue.class);

    private final Executor pool;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    SerialQueue(Executor pool) {
        this.pool = pool;
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        if (scheduled.compareAndSet(false, true)) {
            pool.execute(this::drain);
        }
    }

    private void drain() {
        Runnable task;
        int budget = 64; // bounded per turn so one busy call cannot starve the others
        while (budget-- > 0 && (task = tasks.poll()) != null) {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.atError().setCause(e).log("SIP call task failed");
            }
        }
        scheduled.set(false);
        if (!tasks.isEmpty() && scheduled.compareAndSet(false, true)) {
            pool.execute(this::drain);
        }
    }
}
