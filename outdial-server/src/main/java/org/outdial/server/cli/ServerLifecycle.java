package org.outdial.server.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.outdial.server.OutdialServer;

/** Keeps a started server running until the JVM is asked to stop (Ctrl-C, SIGTERM), then closes it in order. */
final class ServerLifecycle {

    private ServerLifecycle() {}

    static void runUntilStopped(OutdialServer server) throws InterruptedException {
        runUntilStopped(server, null, Duration.ofDays(36_500), () -> { }); // 365,000 days overflowed toNanos()
    }

    /**
     * Runs until Ctrl-C or SIGTERM, or until {@code maxRun} has passed, calling {@code tick} every {@code every}
     * meanwhile; then closes the server.
     *
     * @param every how often to call {@code tick}; null = never
     */
    static void runUntilStopped(OutdialServer server, Duration every, Duration maxRun, Runnable tick)
            throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "outdial-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        long deadline = System.nanoTime() + cappedNanos(maxRun);
        long stepNs = every == null ? Long.MAX_VALUE / 4 : every.toNanos();
        while (!stopped.await(Math.min(stepNs, Math.max(0, deadline - System.nanoTime())), TimeUnit.NANOSECONDS)) {
            if (System.nanoTime() >= deadline) {
                Runtime.getRuntime().removeShutdownHook(hook);
                server.close();
                return;
            }
            tick.run();
        }
    }

    /** The duration in nanoseconds, at most a quarter of the long range (a "forever" of 1,000 years overflows). */
    static long cappedNanos(Duration d) {
        return d.compareTo(Duration.ofNanos(Long.MAX_VALUE / 4)) > 0 ? Long.MAX_VALUE / 4 : d.toNanos();
    }
}
