package io.synaptor.tests;

import io.synaptor.scenarios.Synaptor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real {@code synaptor node} JVMs on 127.0.0.1 for the cluster tests, the first one the seed. */
final class NodeJvms implements AutoCloseable {
    final List<Process> processes = new ArrayList<>();
    final String seed;

    private NodeJvms(String seed) {
        this.seed = seed;
    }

    /** Starts {@code n} nodes and waits until each says it is up. */
    static NodeJvms start(int n) throws IOException {
        int[] ports = freePorts(n);
        NodeJvms nodes = new NodeJvms("127.0.0.1:" + ports[0]);
        for (int port : ports) {
            Process p = node("--port", String.valueOf(port), "--seed", nodes.seed);
            nodes.processes.add(p);
            String line = firstLine(p);
            assertTrue(line.startsWith("synaptor node up"), "node on " + port + ": " + line);
        }
        return nodes;
    }

    @Override
    public void close() throws InterruptedException {
        for (Process p : processes) p.destroy();
        for (Process p : processes) if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly();
    }

    static Process node(String... args) throws IOException {
        return node(List.of(), args);
    }

    static Process node(List<String> jvmOptions, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Synaptor.class.getName(), "node"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    static String firstLine(Process p) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = r.readLine();
        Thread drain = new Thread(() -> {
            try {
                while (r.readLine() != null) { /* keep the pipe from filling */ }
            } catch (IOException ignored) {
                // the node has gone
            }
        });
        drain.setDaemon(true);
        drain.start();
        return line == null ? "(no output)" : line;
    }

    static int[] freePorts(int n) throws IOException {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] ports = new int[n];
            for (int k = 0; k < n; k++) {
                ServerSocket s = new ServerSocket(0);
                held.add(s);
                ports[k] = s.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket s : held) s.close();
        }
    }
}
