package org.outdial.server.feed.oz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.outdial.feed.FinishedCall;
import org.outdial.record.CallResult;
import org.outdial.server.feed.FeedMetrics;
import org.outdial.server.feed.OzClient;

/** The outcome feed over a real TCP socket, driven with finished calls; one rule per test. */
class OutcomeServerTest {

    private final FeedMetrics metrics = new FeedMetrics(new SimpleMeterRegistry());
    private final OutcomeServer server = OutcomeServer.start("127.0.0.1", 0, 50, metrics);

    @AfterEach
    void close() {
        server.close();
    }

    private static FinishedCall call(long n, String tenant, String campaign, CallResult result, boolean dontDial) {
        return new FinishedCall(dontDial ? null : new UUID(0, n), 1, tenant, 2, "G", 3, campaign, 4, "L", n, n, 1,
                "555" + n, "agent1", result, false, dontDial, 1_000, null, 2_000, 2_100, Map.of());
    }

    @Test
    void aRegisteredClientGetsOneOzPerFinishedCallTaggedWithItsTransaction() throws IOException {
        try (OzClient c = new OzClient(server.port()).subscribe("EO\\TXtx1\\FO\\SO")) {
            server.finished(call(1, "Acme", "Sales", CallResult.ANSWER, false));
            server.finished(call(2, "Acme", "Sales", CallResult.BUSY, false));
            List<String> oz = c.read(2);
            assertThat(oz.get(0)).startsWith("OZ\\TXtx1\\TDAcme\\CNSales").contains("\\SI00000000-0000-0000-0000-"
                    + "000000000001").contains("\\RE10");
            assertThat(oz.get(1)).startsWith("OZ\\TXtx1").contains("\\RE1\\");
        }
    }

    @Test
    void clientsChooseTenantsCampaignsAndOutcomeKinds() throws IOException {
        try (OzClient c = new OzClient(server.port()).subscribe("EO\\TXs\\TDAcme\\CNSales\\SO")) {
            server.finished(call(1, "Other", "Sales", CallResult.ANSWER, false));
            server.finished(call(2, "Acme", "Service", CallResult.ANSWER, false));
            server.finished(call(3, "Acme", "Sales", CallResult.BUSY, false));
            server.finished(call(4, "Acme", "Sales", CallResult.ANSWER, false));
            assertThat(c.read()).contains("\\SI00000000-0000-0000-0000-000000000004");
        }
    }

    @Test
    void eachEnumerationOfAConnectionGetsItsOwnCopy() throws IOException {
        try (OzClient c = new OzClient(server.port()).subscribe("EO\\TXa\\FO").subscribe("EO\\TXb\\FO")) {
            server.finished(call(1, "Acme", "Sales", CallResult.BUSY, false));
            assertThat(c.read(2)).extracting(m -> m.substring(0, 7)).containsExactly("OZ\\TXa\\", "OZ\\TXb\\");
        }
    }

    @Test
    void enumerateEndIsConfirmedWithEnumerateFinishedAndStopsTheStream() throws IOException {
        try (OzClient c = new OzClient(server.port()).subscribe("EO\\TXtx1\\FO\\SO")) {
            c.send("EE\\TXtx1");
            assertThat(c.read()).isEqualTo("EF\\TXtx1");
            server.finished(call(1, "Acme", "Sales", CallResult.ANSWER, false));
            c.send("ZZ");
            assertThat(c.read()).as("nothing but the answer to the next request").startsWith("ER\\EC800");
        }
    }

    @Test
    void aDeclinedPreviewComesAsOzAndNumberBackWithDontDial() throws IOException {
        try (OzClient c = new OzClient(server.port()).subscribe("EO\\TXp\\FO")) {
            server.finished(call(9, "Acme", "Sales", CallResult.CANCEL_RECORD, true));
            List<String> m = c.read(2);
            assertThat(m.get(0)).startsWith("OZ\\TXp").contains("\\RE0\\DD\\");
            assertThat(m.get(1)).startsWith("NB\\").endsWith("\\RE0\\DD");
        }
    }

    @Test
    void badMessagesAreAnsweredWithAnErrorReportAndTheConnectionStays() throws IOException {
        try (OzClient c = new OzClient(server.port())) {
            c.send("EO\\FO");
            assertThat(c.read()).isEqualTo("ER\\EC803\\MSTX (TransactionIdentifier) is missing\\FM\"EO\\FO\"");
            c.send("EE\\TXnope");
            assertThat(c.read()).startsWith("ER\\EC806\\");
            c.subscribe("EO\\TXok\\FO");
            c.send("EO\\TXok\\SO");
            assertThat(c.read()).startsWith("ER\\EC805\\");
            c.send("\u00ff\u0001garbage");
            assertThat(c.read()).startsWith("ER\\EC800\\");
            server.finished(call(1, "Acme", "Sales", CallResult.BUSY, false));
            assertThat(c.read()).startsWith("OZ\\TXok");
        }
        assertThat(metrics.count("outdial.feed.failed", "outcome-request")).isEqualTo(5);
    }

    @Test
    void anOverlongMessageIsRefusedWithoutKillingTheConnection() throws IOException {
        try (OzClient c = new OzClient(server.port())) {
            c.send("EO\\TX" + "x".repeat(20_000));
            assertThat(c.read()).startsWith("ER\\EC808\\");
            c.subscribe("EO\\TXok\\FO");
        }
    }

    @Test
    void aSlowClientLosesMessagesBeyondItsQueueWhileOthersGetEverything() throws Exception {
        try (Socket slow = new Socket("127.0.0.1", server.port());
             OzClient fast = new OzClient(server.port()).subscribe("EO\\TXf\\FO")) {
            slow.setReceiveBufferSize(1024);
            slow.getOutputStream().write("EO\\TXs\\FO\0ZZ\0".getBytes(StandardCharsets.US_ASCII));
            while (slow.getInputStream().read() > 0) {
                // the ER answering ZZ: the EO before it is registered; from now on the slow client reads nothing
            }
            int n = 20_000;
            String dt = "x".repeat(200);
            for (int i = 0; i < n; i++) {
                server.finished(new FinishedCall(new UUID(0, i), 1, "Acme", 2, "G", 3, "Sales", 4, "L", i, i, 1,
                        "555", null, CallResult.BUSY, false, false, 1_000, null, 2_000, 2_100,
                        Map.of("pad", dt)));
                if (i % 40 == 0) {
                    fast.read(i == 0 ? 1 : 40);
                }
            }
            fast.read(n - 1 - (n - 1) / 40 * 40);
            assertThat(metrics.count("outdial.feed.dropped", "outcome")).isPositive();
        }
    }

    @Test
    void aClientThatDisconnectsIsForgotten() throws IOException {
        OzClient c = new OzClient(server.port()).subscribe("EO\\TXa\\FO");
        assertThat(server.clients()).isEqualTo(1);
        c.close();
        await().atMost(Duration.ofSeconds(10)).until(() -> server.clients() == 0);
        server.finished(call(1, "Acme", "Sales", CallResult.BUSY, false));
    }
}
