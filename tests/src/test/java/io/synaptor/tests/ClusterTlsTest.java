package io.synaptor.tests;

import io.synaptor.scenarios.cli.Synaptor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 24, security: a cluster whose members speak TLS with mutual authentication lets in the holders of its
 * credentials only — a node or a submitter with another certificate, or with none, is refused in one sentence —
 * and plain TCP is refused on an address other machines can reach unless asked for. The stores are made here by
 * the JDK's keytool, as docs/cluster.md tells a user to.
 */
class ClusterTlsTest {
    @TempDir
    static Path keys;
    private static Process node;
    private static String seed;

    /** A key pair in {@code name}.p12 and a trust store holding its certificate in trust-{@code name}.p12. */
    static void credentials(String name) throws Exception {
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Path store = keys.resolve(name + ".p12"), cert = keys.resolve(name + ".crt"), trust = keys.resolve("trust-" + name + ".p12");
        run(keytool, "-genkeypair", "-alias", "member", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=synaptor-" + name,
                "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "secret123", "-keypass", "secret123");
        run(keytool, "-exportcert", "-alias", "member", "-keystore", store.toString(), "-storepass", "secret123", "-file", cert.toString());
        run(keytool, "-importcert", "-noprompt", "-alias", "cluster", "-file", cert.toString(), "-storetype", "PKCS12", "-keystore",
                trust.toString(), "-storepass", "secret123");
    }

    private static void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
    }

    static List<String> tls(String name) {
        return List.of("--key-store", keys.resolve(name + ".p12").toString(), "--trust-store", keys.resolve("trust-" + name + ".p12").toString(),
                "--store-password-file", keys.resolve("password").toString());
    }

    @BeforeAll
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    static void startNode() throws Exception {
        credentials("cluster");
        credentials("intruder");
        Files.writeString(keys.resolve("password"), "secret123\n");
        List<String> args = new ArrayList<>(List.of("--port", "0"));
        args.addAll(tls("cluster"));
        node = NodeJvms.node(args.toArray(String[]::new));
        String line = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8)).readLine();
        assertTrue(line != null && line.startsWith("synaptor node up at "), "the TLS node did not come up: " + line);
        seed = line.substring("synaptor node up at ".length()).split(" ")[0];
    }

    @AfterAll
    static void stopNode() {
        if (node != null) node.destroy();
    }

    /** A node started with {@code args} against the TLS node: its exit code and what it printed. */
    private static String[] join(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--port", "0", "--seed", seed, "--join-timeout", "8"));
        all.addAll(List.of(args));
        Process p = NodeJvms.node(all.toArray(String[]::new));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return new String[]{String.valueOf(p.waitFor()), out};
    }

    @Test
    void aNodeWithAnotherCertificateOrNoneIsRefused() throws Exception {
        for (List<String> credentials : List.of(tls("intruder"), List.<String>of())) {
            String[] r = join(credentials.toArray(String[]::new));
            assertEquals(String.valueOf(Synaptor.BAD_INPUT), r[0], r[1]);
            List<String> lines = r[1].lines().filter(l -> l.startsWith("synaptor:")).toList();
            assertEquals(1, lines.size(), r[1]);
            assertTrue(lines.get(0).contains("does this node hold the cluster's credentials"), r[1]);
            assertFalse(r[1].contains("Exception"), r[1]);
        }
    }

    @Test
    void aSubmitterWithTheCredentialsRunsExactlyOneWithoutIsRefused(@TempDir Path tmp) throws Exception {
        String[] xor = {"run", "xor", "--set", "training.epochs=3"};
        Cli.Result alone = Cli.run(tmp.resolve("alone"), xor);
        assertEquals(0, alone.exit(), alone.err());
        List<String> args = new ArrayList<>(List.of(xor));
        args.addAll(List.of("--cluster", seed, "--join-timeout", "30"));
        args.addAll(tls("cluster"));
        Cli.Result tls = Cli.run(tmp.resolve("tls"), args.toArray(String[]::new));
        assertEquals(0, tls.exit(), tls.err());
        assertEquals(1, tls.summary().getInt("nodes"));
        assertEquals(alone.summary().getDouble("final_loss"), tls.summary().getDouble("final_loss"), 0.0, "the same bits through TLS");
        assertEquals(alone.summary().getDouble("train_loss"), tls.summary().getDouble("train_loss"), 0.0, "the same bits through TLS");

        for (List<String> credentials : List.of(tls("intruder"), List.<String>of())) {
            List<String> bad = new ArrayList<>(List.of(xor));
            bad.addAll(List.of("--cluster", seed, "--join-timeout", "6"));
            bad.addAll(credentials);
            Cli.Result r = Cli.run(tmp.resolve("refused" + credentials.size()), bad.toArray(String[]::new));
            assertEquals(Synaptor.BAD_INPUT, r.exit(), r.err());
            assertTrue(r.err().contains("could not join the cluster at " + seed), r.err());
            assertFalse(Files.exists(tmp.resolve("refused" + credentials.size()).resolve("summary.json")), "no result written");
        }
    }

    @Test
    void plainTcpOffLoopbackAndBadStoresAreRefusedBeforeAnythingStarts(@TempDir Path tmp) throws Exception {
        Process p = NodeJvms.node("--host", "10.255.255.1", "--port", "0");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(Synaptor.BAD_INPUT, p.waitFor(), out);
        assertTrue(out.contains("is reachable from other machines: give it the cluster's TLS credentials"), out);

        Files.writeString(tmp.resolve("wrong"), "not-the-password\n");
        Process q = NodeJvms.node("--port", "0", "--key-store", keys.resolve("cluster.p12").toString(), "--trust-store",
                keys.resolve("trust-cluster.p12").toString(), "--store-password-file", tmp.resolve("wrong").toString());
        String why = new String(q.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(Synaptor.BAD_INPUT, q.waitFor(), why);
        assertTrue(why.contains("cannot open --key-store"), why);

        Cli.Result half = Cli.run(tmp.resolve("half"), "run", "xor", "--cluster", seed, "--key-store", keys.resolve("cluster.p12").toString());
        assertEquals(Synaptor.BAD_INPUT, half.exit());
        assertTrue(half.err().contains("TLS needs both --key-store"), half.err());
    }
}
