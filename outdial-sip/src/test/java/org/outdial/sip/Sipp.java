package org.outdial.sip;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One sipp process playing a scenario from {@code src/test/resources/sipp} as a UAS on 127.0.0.1. Templates are filled
 * before the run ({@code ${name}} placeholders), since sipp cannot take keywords in some places. Always closed:
 * {@link #close} kills the process if it still runs.
 */
public final class Sipp implements AutoCloseable {

    private static final java.util.Set<Integer> HANDED_OUT = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final Process process;
    private final Path dir;
    private final String name;
    public final int port;

    private Sipp(Process process, Path dir, String name, int port) {
        this.process = process;
        this.dir = dir;
        this.name = name;
        this.port = port;
    }

    /** Starts sipp as a UAS on a free port. */
    public static Sipp uas(String scenario, Map<String, String> vars, Path dir) {
        return uas(scenario, vars, dir, List.of("-m", "1"));
    }

    public static Sipp uas(String scenario, Map<String, String> vars, Path dir, List<String> extra) {
        return start(scenario, vars, dir, extra, true, null);
    }

    /** Starts sipp as a UAC sending its scenario (once) to {@code remote} ({@code host:port}). */
    public static Sipp uac(String scenario, Map<String, String> vars, Path dir, String remote) {
        return start(scenario, vars, dir, List.of("-m", "1"), true, remote);
    }

    /** For load: no message trace (it would slow sipp down), only errors; {@code extra} sets -m and -timeout. */
    public static Sipp load(String scenario, Map<String, String> vars, Path dir, List<String> extra) {
        return start(scenario, vars, dir, extra, false, null);
    }

    private static Sipp start(String scenario, Map<String, String> vars, Path dir, List<String> extra,
                              boolean trace, String remote) {
        try {
            String text = resource(scenario + ".xml");
            for (int pass = 0; pass < 2; pass++) { // a value may hold placeholders of its own
                for (Map.Entry<String, String> v : vars.entrySet()) {
                    text = text.replace("${" + v.getKey() + "}", v.getValue());
                }
            }
            if (text.contains("${")) {
                throw new IllegalArgumentException("scenario " + scenario + " has unfilled placeholders: "
                        + text.substring(text.indexOf("${"), Math.min(text.length(), text.indexOf("${") + 20)));
            }
            for (int attempt = 1; ; attempt++) {
                try {
                    return launch(scenario, text, dir, extra, trace, remote);
                } catch (PortTaken e) {
                    if (attempt == 3) {
                        throw new IllegalStateException(e.getMessage());
                    }
                    // another process on this shared machine bound the port between our probe and sipp: next port
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** sipp could not bind the port handed to it. */
    private static final class PortTaken extends Exception {
        PortTaken(String message) {
            super(message);
        }
    }

    private static Sipp launch(String scenario, String text, Path dir, List<String> extra, boolean trace,
                               String remote) throws IOException, PortTaken {
        int port = freePort();
        Path file = dir.resolve(scenario + "-" + port + ".xml");
        Files.writeString(file, text, StandardCharsets.ISO_8859_1);
        List<String> cmd = new java.util.ArrayList<>(List.of("/usr/bin/sipp", "-sf", file.toString(),
                "-i", "127.0.0.1", "-p", Integer.toString(port), "-nostdin",
                "-trace_err", "-error_file", dir.resolve(scenario + "-" + port + ".err").toString()));
        if (trace) {
            cmd.addAll(List.of("-timeout", "20s", "-trace_msg",
                    "-message_file", dir.resolve(scenario + "-" + port + ".msg").toString()));
        }
        cmd.addAll(extra);
        if (remote != null) {
            cmd.add(remote);
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve(scenario + "-" + port + ".out").toFile()).start();
        Sipp sipp = new Sipp(p, dir, scenario + "-" + port, port);
        if (remote == null) { // a UAC may be done before its socket could be probed
            try {
                sipp.awaitListening(extra.contains("t1"));
                // the probe cannot tell sipp's socket from another process's: a sipp that lost the port exits at once
                p.waitFor(30, TimeUnit.MILLISECONDS);
                if (!p.isAlive()) {
                    throw new IllegalStateException("sipp " + sipp.name + " exited at start:\n" + sipp.log());
                }
            } catch (IllegalStateException e) {
                if (e.getMessage().contains("Unable to bind main socket")) {
                    throw new PortTaken(e.getMessage());
                }
                throw e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting sipp", e);
            }
        }
        return sipp;
    }

    public static String resource(String name) throws IOException {
        try (InputStream in = Sipp.class.getResourceAsStream("/sipp/" + name)) {
            if (in == null) {
                throw new IOException("test resource /sipp/" + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    /** Waits until sipp's UDP socket is bound (a bind test fails once it is). */
    private void awaitListening(boolean tcp) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (tcp && System.nanoTime() < deadline && process.isAlive()) {
            try {
                Process ss = new ProcessBuilder("ss", "-ltnH", "sport = :" + port).redirectErrorStream(true).start();
                if (!new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8).isBlank()) {
                    return;
                }
                ss.waitFor();
                Thread.sleep(20);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        while (!tcp && System.nanoTime() < deadline && process.isAlive()) {
            try (DatagramSocket probe = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
                Thread.onSpinWait();
            } catch (IOException bound) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (!process.isAlive()) {
            throw new IllegalStateException("sipp " + name + " exited at start:\n" + log());
        }
    }

    /** sipp's exit code (0 = every call of the scenario passed, its checks included). */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("sipp " + name + " did not finish in " + timeout + ":\n" + log());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Output, errors and traced messages, for failure reports. */
    public String log() {
        StringBuilder sb = new StringBuilder();
        for (String suffix : List.of(".out", ".err", ".msg")) {
            Path f = dir.resolve(name + suffix);
            try {
                if (Files.exists(f)) {
                    String s = Files.readString(f, StandardCharsets.ISO_8859_1);
                    sb.append("---- ").append(f.getFileName()).append('\n')
                            .append(s.length() > 20_000 ? s.substring(s.length() - 20_000) : s).append('\n');
                }
            } catch (IOException e) {
                sb.append(e).append('\n');
            }
        }
        return sb.toString();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(2, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A port free for both UDP and TCP on 127.0.0.1. */
    public static int freePort() {
        for (int i = 0; i < 50; i++) {
            int port;
            try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                 DatagramSocket udp = new DatagramSocket(tcp.getLocalPort(), InetAddress.getLoopbackAddress())) {
                port = tcp.getLocalPort();
            } catch (IOException e) {
                continue; // taken for UDP: try another
            }
            if (HANDED_OUT.add(port)) { // never twice in one JVM: a port handed out may not be bound yet
                return port;
            }
        }
        throw new IllegalStateException("no free port for UDP and TCP on 127.0.0.1");
    }
}
