package org.outdial.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outdial.server.OutdialException;
import org.outdial.server.OutdialServer;
import org.outdial.server.config.Settings;
import org.outdial.server.config.SettingsLoader;
import org.outdial.tenant.Role;
import org.slf4j.LoggerFactory;

/** The HTTP adapter's own behaviour — lifecycle, errors, logs — on a real server over a stub store. */
class HttpServerTest {

    @TempDir
    Path dir;

    private final HttpClient client = HttpClient.newHttpClient();

    private Settings settings(int port) {
        return new SettingsLoader(Map.of("http.port", String.valueOf(port), "http.host", "127.0.0.1"), Map.of(), null, dir)
                .load();
    }

    private static StubStore store() {
        return new StubStore(Map.of("admin", Role.ADMIN, "reader", Role.READ_ONLY), () -> "Stub 1.0");
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void portInUseIsReportedWithThePortAndTheFlagToChangeIt() {
        try (OutdialServer first = OutdialServer.start(settings(0), store())) {
            StubStore second = store();

            assertThatThrownBy(() -> OutdialServer.start(settings(first.port()), second))
                    .isInstanceOf(OutdialException.class)
                    .hasMessageContaining("port " + first.port())
                    .hasMessageContaining("already in use")
                    .hasMessageContaining("--port");
            assertThat(second.closed).as("the store of a server that could not start is closed").isTrue();
        }
    }

    @Test
    void closingStopsHttpBeforeTheStore() {
        AtomicReference<Boolean> httpOpenWhenStoreClosed = new AtomicReference<>();
        AtomicReference<Integer> port = new AtomicReference<>();
        StubStore store = store().onClose(() -> httpOpenWhenStoreClosed.set(accepts(port.get())));
        OutdialServer server = OutdialServer.start(settings(0), store);
        port.set(server.port());

        server.close();

        assertThat(store.closed).isTrue();
        assertThat(httpOpenWhenStoreClosed.get()).isFalse();
    }

    private static boolean accepts(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (ConnectException e) {
            return false;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void healthIsDownWhenTheDatabaseDoesNotAnswer() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean down = new java.util.concurrent.atomic.AtomicBoolean();
        StubStore broken = new StubStore(Map.of(), () -> {
            if (down.get()) {
                throw new IllegalStateException("connection refused");
            }
            return "Stub 1.0";
        });
        try (OutdialServer server = OutdialServer.start(settings(0), broken)) {
            down.set(true);
            HttpResponse<String> response = get(server.port(), "/health");

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.body()).contains("\"status\":\"DOWN\"");
        }
    }

    @Test
    void everyRequestIsLoggedOnceWithMethodPathStatusAndDuration() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger("outdial.http");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        ch.qos.logback.classic.Level before = logger.getLevel();
        logger.setLevel(ch.qos.logback.classic.Level.INFO);
        try (OutdialServer server = OutdialServer.start(settings(0), store())) {
            get(server.port(), "/api/v1/lists");
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(before);
        }

        assertThat(appender.list).hasSize(1);
        assertThat(appender.list.getFirst().getKeyValuePairs())
                .extracting(kv -> kv.key + "=" + kv.value)
                .contains("method=GET", "path=/api/v1/lists", "status=401")
                .anySatisfy(kv -> assertThat(kv).startsWith("ms="));
    }

    @Test
    void errorsAreJsonWithTheStatus() throws Exception {
        try (OutdialServer server = OutdialServer.start(settings(0), store())) {
            HttpResponse<String> response = get(server.port(), "/no/such/thing");

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
            assertThat(response.body()).contains("\"status\":404").contains("\"error\":");
        }
    }
}
