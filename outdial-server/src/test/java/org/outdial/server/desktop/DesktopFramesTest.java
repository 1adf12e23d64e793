package org.outdial.server.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outdial.campaign.DialMode;
import org.outdial.desktop.DesktopEvent;
import org.outdial.desktop.ErrorCode;
import org.outdial.desktop.Request;
import org.outdial.desktop.RequestCodec;

/**
 * The {@code /desktop} WebSocket at the frame level: a message may come in fragments, a binary frame is answered with
 * an error event and the connection stays, a ping is answered with its payload.
 */
class DesktopFramesTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    static Path dir;
    static DesktopServerFixture f;

    @BeforeAll
    static void start() {
        f = new DesktopServerFixture(dir, DialMode.PREVIEW, 3, 10, Map.of());
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    /** A bare WebSocket that keeps every text message and pong it gets. */
    private static final class Raw implements WebSocket.Listener {
        final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
        final BlockingQueue<String> pongs = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        WebSocket socket;

        static Raw open() {
            Raw raw = new Raw();
            raw.socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(f.uri(), raw).join();
            return raw;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                texts.add(partial.toString());
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket ws, ByteBuffer message) {
            pongs.add(StandardCharsets.UTF_8.decode(message).toString());
            ws.request(1);
            return null;
        }

        /** The next event with the given name (others, like campaign status, are skipped). */
        DesktopEvent await(String name) throws InterruptedException {
            long end = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < end) {
                String text = texts.poll(100, TimeUnit.MILLISECONDS);
                if (text != null) {
                    DesktopEvent e = new DesktopEvent(DesktopJson.parse(text));
                    if (e.name().equals(name)) {
                        return e;
                    }
                }
            }
            throw new AssertionError("no " + name + " within " + WAIT);
        }
    }

    private static String login(String agent) {
        return DesktopJson.write(RequestCodec.encode(new Request.Login(agent, "place-" + agent, "pw", null), null,
                7L));
    }

    @Test
    void aMessageSentInFragmentsIsOneRequest() throws Exception {
        Raw raw = Raw.open();
        String login = login("a1");
        int third = login.length() / 3;
        raw.socket.sendText(login.substring(0, third), false).join();
        raw.socket.sendText(login.substring(third, 2 * third), false).join();
        raw.socket.sendText(login.substring(2 * third), true).join();
        assertThat(raw.await(DesktopEvent.LOGIN_ACK).data().get("GSW_REFERENCE_ID")).isEqualTo(7L);
        raw.socket.abort();
    }

    @Test
    void aBinaryFrameGetsAnErrorEventAndTheConnectionStays() throws Exception {
        Raw raw = Raw.open();
        raw.socket.sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3}), true).join();
        DesktopEvent error = raw.await(DesktopEvent.ERROR);
        assertThat(error.error()).contains(ErrorCode.INVALID_REQUEST);
        raw.socket.sendText(login("a2"), true).join();
        raw.await(DesktopEvent.LOGIN_ACK);
        raw.socket.abort();
    }

    @Test
    void aPingIsAnsweredWithItsPayload() throws Exception {
        Raw raw = Raw.open();
        raw.socket.sendPing(ByteBuffer.wrap("are you there".getBytes(StandardCharsets.UTF_8))).join();
        assertThat(raw.pongs.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("are you there");
        raw.socket.abort();
    }

    @Test
    void aDesktopThatStopsReadingIsDroppedOnceTenThousandRepliesWait() throws Exception {
        // reads nothing at all: every reply stays in the socket buffers, then in the server's queue
        WebSocket deaf = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(f.uri(), new WebSocket.Listener() {
            @Override
            public void onOpen(WebSocket ws) {
                // no request(): nothing is read
            }
        }).join();
        ByteBuffer junk = ByteBuffer.wrap(new byte[] {1, 2, 3});
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        boolean dropped = false;
        // each binary frame is answered with an error event (~150 bytes): far more than the socket buffers hold
        for (int i = 0; i < 1_000_000 && System.nanoTime() < end && !dropped; i++) {
            try {
                deaf.sendBinary(junk.duplicate(), true).get(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                dropped = true;
            }
        }
        assertThat(dropped).as("the server dropped the connection").isTrue();
        deaf.abort();
    }
}
