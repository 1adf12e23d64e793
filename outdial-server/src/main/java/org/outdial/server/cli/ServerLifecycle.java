package org.outdial.server.cli;

import java.util.concurrent.CountDownLatch;
import org.outdial.server.OutdialServer;

/** Keeps a started server running until the JVM is asked to stop (Ctrl-C, SIGTERM), then closes it in order. */
final class ServerLifecycle {

    private ServerLifecycle() {}

    static void runUntilStopped(OutdialServer server) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "outdial-shutdown"));
        stopped.await();
    }
}
