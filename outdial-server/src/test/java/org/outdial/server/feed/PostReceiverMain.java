package org.outdial.server.feed;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.Executors;

/**
 * The web server of {@link PostReceiver}, run as a process of its own so status notifications cross a real process
 * boundary. JDK classes only. It prints {@code LISTENING <port>} once, then one line per request:
 * {@code REQUEST <method> <path> <base64 content type> <base64 body>}. It reads commands on stdin — {@code delay
 * <ms>} (answer each request that late), {@code status <code>} (answer with that status) — each acknowledged with
 * {@code OK}, and exits when stdin closes (its parent is gone).
 */
public final class PostReceiverMain {

    private PostReceiverMain() {}

    private static volatile long delayMs;
    private static volatile int status = 200;

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Base64.Encoder b64 = Base64.getEncoder();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/warm-up", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            synchronized (out) {
                out.println("REQUEST " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                        + b64.encodeToString((type == null ? "" : type).getBytes(StandardCharsets.UTF_8)) + " "
                        + b64.encodeToString(body));
            }
            boolean json = "POST".equals(exchange.getRequestMethod()) && type != null
                    && type.startsWith("application/json");
            try {
                Thread.sleep(delayMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(json ? status : 405, -1);
            exchange.close();
        });
        server.start();
        warmUp(server.getAddress().getPort());
        synchronized (out) {
            out.println("LISTENING " + server.getAddress().getPort());
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String[] cmd = line.strip().split(" ");
            switch (cmd[0]) {
                case "delay" -> delayMs = Long.parseLong(cmd[1]);
                case "status" -> status = Integer.parseInt(cmd[1]);
                default -> { }
            }
            synchronized (out) {
                out.println("OK");
            }
        }
        server.stop(0);
        System.exit(0);
    }

    /** A few requests to itself, so the first real POST does not meet a cold server (and time out) on a busy machine. */
    private static void warmUp(int port) throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        for (int i = 0; i < 20; i++) {
            client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port
                    + "/warm-up")).POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
        }
    }
}
