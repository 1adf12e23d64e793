package org.outdial.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The subscribers of {@link FeedsBenchmark}'s {@code engine} run, in a JVM of their own so that their decoding is not
 * charged to the server's JVM: OZ clients over TCP, CTI clients over WebSocket and an HTTP receiver of the status
 * posts. Each counts what it receives. Driven line by line on standard input, answering on standard output:
 *
 * <pre>
 *   (at start)                                    → status-port &lt;port&gt;
 *   connect &lt;ozPort&gt; &lt;ctiPort&gt; &lt;token&gt; &lt;oz&gt; &lt;cti&gt;  → connected        (every subscription confirmed)
 *   count                                         → counts &lt;oz messages&gt; &lt;cti events&gt; &lt;status posts&gt;
 *                                                   (once nothing more has arrived for a second)
 *   close                                         → closed           (all subscribers disconnected, counts reset)
 * </pre>
 *
 * End of input ends the process.
 */
public final class FeedsSubscribers {

    private final AtomicLong oz = new AtomicLong();
    private final AtomicLong cti = new AtomicLong();
    private final AtomicLong status = new AtomicLong();
    private final List<Socket> ozClients = new ArrayList<>();
    private final List<WebSocket> ctiClients = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        FeedsSubscribers s = new FeedsSubscribers();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        receiver.createContext("/status", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
            }
            s.status.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        receiver.start();
        System.out.println("status-port " + receiver.getAddress().getPort());
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String[] w = line.trim().split(" ");
            switch (w[0]) {
                case "connect" -> {
                    s.connect(Integer.parseInt(w[1]), Integer.parseInt(w[2]), w[3], Integer.parseInt(w[4]),
                            Integer.parseInt(w[5]));
                    System.out.println("connected");
                }
                case "count" -> {
                    s.settle();
                    System.out.println("counts " + s.oz.get() + " " + s.cti.get() + " " + s.status.get());
                }
                case "close" -> {
                    s.close();
                    System.out.println("closed");
                }
                default -> System.out.println("error unknown command '" + w[0] + "'");
            }
            System.out.flush();
        }
        receiver.stop(0);
        System.exit(0);
    }

    private void connect(int ozPort, int ctiPort, String token, int ozN, int ctiN) throws Exception {
        for (int i = 0; i < ozN; i++) {
            Socket socket = new Socket("127.0.0.1", ozPort);
            ozClients.add(socket);
            OutputStream out = socket.getOutputStream();
            // enumerate outcomes of every tenant, then ZZ: its ER answer confirms the subscription came first
            out.write("EO\\TXbench\\FO\\SO\0ZZ\0".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            while (in.read() > 0) {
                // the ER answering ZZ
            }
            Thread.ofVirtual().start(() -> countOz(in));
        }
        List<CompletableFuture<WebSocket>> pending = new ArrayList<>();
        WebSocket.Listener listener = new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                long lines = 0;
                for (int k = 0; k < data.length(); k++) {
                    if (data.charAt(k) == '\n') {
                        lines++;
                    }
                }
                cti.addAndGet(lines + (last ? 1 : 0)); // events are joined by '\n' within a frame
                ws.request(1);
                return null;
            }
        };
        for (int i = 0; i < ctiN; i++) {
            pending.add(http.newWebSocketBuilder().header("Authorization", "Bearer " + token)
                    .connectTimeout(Duration.ofSeconds(120))
                    .buildAsync(URI.create("ws://127.0.0.1:" + ctiPort + "/cti"), listener));
        }
        pending.forEach(p -> ctiClients.add(p.join()));
    }

    /** Until nothing more arrives for a second (at most a minute): what was sent is read before it is counted. */
    private void settle() throws InterruptedException {
        long last = -1;
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            long now = oz.get() + cti.get() + status.get();
            if (now == last) {
                return;
            }
            last = now;
            Thread.sleep(1_000);
        }
    }

    private void countOz(InputStream in) {
        byte[] buf = new byte[64 * 1024];
        try {
            int n;
            while ((n = in.read(buf)) >= 0) {
                long messages = 0;
                for (int i = 0; i < n; i++) {
                    if (buf[i] == 0) {
                        messages++;
                    }
                }
                oz.addAndGet(messages);
            }
        } catch (IOException e) {
            // closed
        }
    }

    private void close() throws IOException {
        ctiClients.forEach(WebSocket::abort);
        ctiClients.clear();
        for (Socket s : ozClients) {
            s.close();
        }
        ozClients.clear();
        oz.set(0);
        cti.set(0);
        status.set(0);
    }
}
