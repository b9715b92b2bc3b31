package io.synaptor.tests;

import com.typesafe.config.Config;
import io.synaptor.scenarios.Synaptor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 6: three real node JVMs ({@code synaptor node}) on 127.0.0.1; scenarios submitted with
 * {@code --cluster} give bit-identical summary metrics and metrics.csv to the single-JVM run, and
 * nodes started wrongly (port in use, wrong seed, another version) say so in one line and exit
 * non-zero. Node loss: {@link ClusterRecoveryTest}.
 */
class ClusterTest {
    private static final List<Process> nodes = new ArrayList<>();
    private static String seed;

    @BeforeAll
    static void startNodes() throws Exception {
        int[] ports = freePorts(3);
        seed = "127.0.0.1:" + ports[0];
        for (int port : ports) {
            Process p = node("--port", String.valueOf(port), "--seed", seed);
            nodes.add(p);
            String line = firstLine(p);
            assertTrue(line.startsWith("synaptor node up"), "node on " + port + ": " + line);
        }
    }

    @AfterAll
    static void stopNodes() throws Exception {
        for (Process p : nodes) p.destroy();
        for (Process p : nodes) if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly();
    }

    @Test
    void twoMoonsOnThreeNodesIsTheSingleJvmRun(@TempDir Path tmp) throws IOException {
        String[] args = {"run", "two-moons", "--set", "training.epochs=2", "--set", "training.train-size=60",
                "--set", "training.test-size=40"};
        sameAsOneJvm(tmp, args);
    }

    @Test
    void gradientCheckOnThreeNodesIsTheSingleJvmRun(@TempDir Path tmp) throws IOException {
        sameAsOneJvm(tmp, new String[]{"run", "gradient-check", "--set", "time.free-steps=200", "--set", "time.nudge-steps=200"});
    }

    private static void sameAsOneJvm(Path tmp, String[] args) throws IOException {
        Cli.Result one = Cli.run(tmp.resolve("one"), args);
        assertEquals(0, one.exit(), one.err());
        List<String> clustered = new ArrayList<>(List.of(args));
        clustered.addAll(List.of("--cluster", seed, "--nodes", "3"));
        Cli.Result three = Cli.run(tmp.resolve("three"), clustered.toArray(String[]::new));
        assertEquals(0, three.exit(), three.err());
        Config a = one.summary();
        Config b = three.summary();
        assertEquals(1, a.getInt("nodes"));
        assertEquals(3, b.getInt("nodes"), "every node hosted part of the run");
        assertEquals(0, b.getInt("restarts"));
        assertEquals(0, a.getLong("cross_node_messages"));
        assertTrue(b.getLong("cross_node_messages") > 0, "three nodes exchange messages");
        Set<String> differ = Set.of("nodes", "wall_seconds", "cross_node_messages");
        for (var e : a.entrySet()) {
            if (differ.contains(e.getKey())) continue;
            assertEquals(e.getValue().unwrapped(), b.getValue(e.getKey()).unwrapped(), e.getKey());
        }
        assertEquals(Files.readString(tmp.resolve("one/metrics.csv")), Files.readString(tmp.resolve("three/metrics.csv")));
    }

    @Test
    void aPortInUseIsOneLineAndExitTwo() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            Process p = node("--port", String.valueOf(taken.getLocalPort()));
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertEquals(Synaptor.BAD_INPUT, p.waitFor());
            assertEquals(1, out.lines().count(), out);
            assertTrue(out.contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()), out);
        }
    }

    @Test
    void aWrongSeedIsOneLineAndExitTwo() throws Exception {
        int[] ports = freePorts(2);
        Process p = node("--port", String.valueOf(ports[0]), "--seed", "127.0.0.1:" + ports[1], "--join-timeout", "4");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(Synaptor.BAD_INPUT, p.waitFor());
        List<String> synaptorLines = out.lines().filter(l -> l.startsWith("synaptor:")).toList();
        assertEquals(1, synaptorLines.size(), out);
        assertTrue(synaptorLines.get(0).contains("could not join the cluster through 127.0.0.1:" + ports[1]), out);
        assertFalse(out.contains("Exception"), out);
    }

    @Test
    void anotherVersionIsRefusedInOneLine() throws Exception {
        int port = freePorts(1)[0];
        Process p = node(List.of("-Dsynaptor.version=0.0.1-other"), "--port", String.valueOf(port), "--seed", seed, "--join-timeout", "30");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(Synaptor.BAD_INPUT, p.waitFor());
        assertEquals(1, out.lines().count(), out);
        assertTrue(out.contains("refused this node: it runs another Synaptor version than 0.0.1-other"), out);
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
