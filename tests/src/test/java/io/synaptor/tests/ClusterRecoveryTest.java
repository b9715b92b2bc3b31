package io.synaptor.tests;

import com.typesafe.config.Config;
import io.synaptor.scenarios.Synaptor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 6, node loss: three real node JVMs; a node JVM is killed (SIGKILL) in the middle of a
 * two-moons run. With checkpoints the run goes back to the last one on the two nodes left and ends
 * with the uninterrupted run's figures and {@code restarts} = 1; without one it fails in one
 * sentence and writes no result. The tests run in order: each kills one of the cluster's nodes
 * (never the seed).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterRecoveryTest {
    private static NodeJvms nodes;
    private static String seed;

    @BeforeAll
    static void startNodes() throws Exception {
        nodes = NodeJvms.start(3);
        seed = nodes.seed;
    }

    @AfterAll
    static void stopNodes() throws Exception {
        nodes.close();
    }

    @Test
    @Order(1)
    void aRunThatLosesANodeGoesOnFromItsLastCheckpoint(@TempDir Path tmp) throws Exception {
        String[] args = {"run", "two-moons", "--set", "training.checkpoint=true", "--set", "training.epochs=5",
                "--set", "training.train-size=200", "--set", "training.test-size=100"};
        Cli.Result one = Cli.run(tmp.resolve("one"), args);
        assertEquals(0, one.exit(), one.err());

        List<String> clustered = new ArrayList<>(List.of(args));
        clustered.addAll(List.of("--cluster", seed, "--nodes", "3"));
        Path out = tmp.resolve("three");
        CompletableFuture<Cli.Result> run = CompletableFuture.supplyAsync(() -> Cli.run(out, clustered.toArray(String[]::new)));
        Path checkpoint = out.resolve("checkpoint.pb");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.exists(checkpoint) && !run.isDone() && System.nanoTime() < deadline) Thread.sleep(50);
        assertTrue(Files.exists(checkpoint) && !run.isDone(), "the first checkpoint is written while the run goes on");
        kill(2);
        Cli.Result three = run.get(300, TimeUnit.SECONDS);
        assertEquals(0, three.exit(), three.err());
        assertTrue(three.out().contains("restarting from the checkpoint after epoch"), three.out());

        Config a = one.summary();
        Config b = three.summary();
        assertEquals(1, b.getInt("restarts"));
        assertEquals(0, a.getInt("restarts"));
        assertEquals(a.getDouble("test_accuracy"), b.getDouble("test_accuracy"), 0.01, "the issue's tolerance");
        // Virtual time and the checkpoint make it exact: the same epochs, bit for bit.
        assertEquals(Files.readString(tmp.resolve("one/metrics.csv")), Files.readString(out.resolve("metrics.csv")));
        assertEquals(Cli.withoutDriveClocks(a), Cli.withoutDriveClocks(b), "the lost attempt's messages are not counted");
    }

    @Test
    @Order(2)
    void aRunWithoutACheckpointFailsInOneSentence(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("lost");
        CompletableFuture<Cli.Result> run = CompletableFuture.supplyAsync(() -> Cli.run(out, "run", "two-moons",
                "--set", "training.epochs=30", "--cluster", seed, "--nodes", "2"));
        Thread.sleep(10_000); // joined and running: one simulation of 30 epochs lasts minutes
        assertFalse(run.isDone(), "the run is still going");
        kill(1);
        Cli.Result r = run.get(300, TimeUnit.SECONDS);
        assertEquals(Synaptor.RUN_FAILED, r.exit(), r.err());
        String err = r.err().strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.contains("was lost mid-run") && err.contains("no checkpoint exists to restart from"), err);
        assertFalse(Files.exists(out.resolve("summary.json")), "no half-written result");
    }

    private static void kill(int node) throws InterruptedException {
        Process p = nodes.processes.get(node);
        p.destroyForcibly(); // SIGKILL: the node vanishes without leaving the cluster
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
    }
}
