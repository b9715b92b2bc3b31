package io.synaptor.scenarios;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code synaptor run --local-nodes N}: N worker JVMs ({@code synaptor node}) on 127.0.0.1 for a
 * quick try of cluster mode, stopped again by {@link #close}. Every node binds a port of its own
 * choosing (port 0) and names it in its "up" line: the first, the seed, starts alone, and the others
 * join through the address it reported — no port is picked here and released before a node binds it.
 * Public for the cluster tests, which kill nodes of it.
 */
public final class LocalNodes implements AutoCloseable {
    private static final String UP = "synaptor node up at ";
    private static final int PATIENCE_SECONDS = 120;
    private final List<Process> processes = new ArrayList<>();
    private final List<String> addresses = new ArrayList<>();
    private final List<String> cpus;

    public LocalNodes(int n, int threads) {
        this(n, threads, null);
    }

    /**
     * @param cpus null, or for each node the CPUs it may run on ({@code taskset -c} lists such as "0" or "0-1"):
     *             the cluster benchmark pins node JVMs to cores so that N nodes on N cores compare with 1 on 1
     */
    public LocalNodes(int n, int threads, List<String> cpus) {
        if (n < 1 || n > 16) throw new BadInput("--local-nodes must be in 1 … 16, got " + n);
        if (cpus != null && cpus.size() != n) throw new IllegalArgumentException(cpus.size() + " CPU lists for " + n + " nodes");
        this.cpus = cpus;
        try {
            addresses.add(start(0, threads, List.of()).get(PATIENCE_SECONDS, TimeUnit.SECONDS));
            List<CompletableFuture<String>> up = new ArrayList<>();
            for (int k = 1; k < n; k++) up.add(start(k, threads, List.of("--seed", seed())));
            CompletableFuture.allOf(up.toArray(CompletableFuture[]::new)).get(PATIENCE_SECONDS, TimeUnit.SECONDS);
            for (CompletableFuture<String> a : up) addresses.add(a.join());
        } catch (TimeoutException e) {
            close();
            throw new RunFailed("could not start " + n + " local nodes: not all were up within " + PATIENCE_SECONDS + " s", e);
        } catch (Exception e) {
            close();
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new RunFailed("could not start " + n + " local nodes: " + cause.getMessage(), e);
        }
    }

    /** Starts node k on a free port; completes with its address once it says it is up. */
    private CompletableFuture<String> start(int k, int threads, List<String> seed) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xss2m", "-cp", System.getProperty("java.class.path"), "-Dsynaptor.version=" + ClusterNodes.version(),
                io.synaptor.scenarios.cli.Synaptor.class.getName(), "node", "--port", "0", "--threads", String.valueOf(threads),
                // the node's own limit no tighter than ours
                "--join-timeout", String.valueOf(PATIENCE_SECONDS)));
        String queue = System.getProperty("synaptor.outbound-queue"); // a test's tiny transport queue reaches its nodes too
        if (queue != null) cmd.add(1, "-Dsynaptor.outbound-queue=" + queue);
        cmd.addAll(seed);
        if (cpus != null) cmd.addAll(0, List.of("taskset", "-c", cpus.get(k)));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        processes.add(p);
        return CompletableFuture.supplyAsync(() -> awaitUp(p));
    }

    /** The seed node's host:port. */
    public String seed() {
        return address(0);
    }

    /** Node k's host:port (0: the seed), as it reported it. */
    public String address(int k) {
        return addresses.get(k);
    }

    /** Node k's JVM (0: the seed). */
    public Process process(int k) {
        return processes.get(k);
    }

    /**
     * Reads a node's output until it says it is up and returns the address it names; the rest of its
     * output is drained and dropped.
     */
    private static String awaitUp(Process p) {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        try {
            StringBuilder seen = new StringBuilder();
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith(UP)) {
                    Thread drain = new Thread(() -> {
                        try {
                            while (r.readLine() != null) { /* keep the pipe from filling */ }
                        } catch (IOException ignored) {
                            // the node has gone
                        }
                    }, "node-output");
                    drain.setDaemon(true);
                    drain.start();
                    return line.substring(UP.length(), line.indexOf(' ', UP.length()));
                }
                seen.append(line).append('\n');
            }
            throw new IllegalStateException("a node exited before it was up:\n" + seen);
        } catch (IOException e) {
            throw new IllegalStateException(e);
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
