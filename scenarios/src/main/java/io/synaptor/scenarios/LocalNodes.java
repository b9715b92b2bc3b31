package io.synaptor.scenarios;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code synaptor run --local-nodes N}: N worker JVMs ({@code synaptor node}) on 127.0.0.1 for a
 * quick try of cluster mode, the first one the seed; stopped again by {@link #close}.
 */
final class LocalNodes implements AutoCloseable {
    private final List<Process> processes = new ArrayList<>();
    private final String seed;

    LocalNodes(int n, int threads) {
        if (n < 1 || n > 16) throw new BadInput("--local-nodes must be in 1 … 16, got " + n);
        List<Integer> ports = freePorts(n);
        this.seed = "127.0.0.1:" + ports.get(0);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try {
            List<CompletableFuture<Void>> up = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                ProcessBuilder pb = new ProcessBuilder(java, "-Xss2m", "-cp", System.getProperty("java.class.path"),
                        "-Dsynaptor.version=" + NodeCommand.version(),
                        Synaptor.class.getName(), "node", "--port", String.valueOf(ports.get(k)), "--seed", seed,
                        "--threads", String.valueOf(threads)).redirectErrorStream(true);
                Process p = pb.start();
                processes.add(p);
                up.add(CompletableFuture.runAsync(() -> awaitUp(p)));
            }
            CompletableFuture.allOf(up.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        } catch (Exception e) {
            close();
            throw new RunFailed("could not start " + n + " local nodes: " + e.getMessage(), e);
        }
    }

    String seed() {
        return seed;
    }

    /** Reads a node's output until it says it is up; the rest of its output is drained and dropped. */
    private static void awaitUp(Process p) {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        try {
            StringBuilder seen = new StringBuilder();
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("synaptor node up")) {
                    Thread drain = new Thread(() -> {
                        try {
                            while (r.readLine() != null) { /* keep the pipe from filling */ }
                        } catch (IOException ignored) {
                            // the node has gone
                        }
                    }, "node-output");
                    drain.setDaemon(true);
                    drain.start();
                    return;
                }
                seen.append(line).append('\n');
            }
            throw new IllegalStateException("a node exited before it was up:\n" + seen);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Integer> freePorts(int n) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            List<Integer> ports = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                ServerSocket s = new ServerSocket(0);
                held.add(s);
                ports.add(s.getLocalPort());
            }
            return ports;
        } catch (IOException e) {
            throw new RunFailed("no free local ports: " + e.getMessage(), e);
        } finally {
            for (ServerSocket s : held) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing a probe socket
                }
            }
        }
    }

    @Override
    public void close() {
        for (Process p : processes) p.destroy();
        for (Process p : processes) {
            try {
                if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
    }
}
