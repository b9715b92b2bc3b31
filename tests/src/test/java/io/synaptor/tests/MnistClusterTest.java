package io.synaptor.tests;

import com.typesafe.config.Config;
import io.synaptor.scenarios.LocalNodes;
import io.synaptor.scenarios.data.DataSets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 24, item 1: an image network on a cluster. mnist-ep at its defaults but for a shortened run
 * (block granularity, a 784-500-10 net of 397,000 couplings, shifted copies, centred EP) on 2 and 3
 * node JVMs ends with the one-JVM run's metrics and weights to the bit; and with one node killed after
 * a checkpoint the run resumes on the nodes left and still ends with them. The spec that carries the
 * weights to each node is 6 MB (it travels in parts), and no node reads the images.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class MnistClusterTest {
    private static final List<String> SHORT = List.of("run", "mnist-ep", "--set", "training.epochs=3",
            "--set", "training.train-size=60", "--set", "training.test-size=40", "--set", "training.checkpoint=true");
    private static LocalNodes nodes;
    private static Cli.Result oneJvm;

    @BeforeAll
    static void startNodes(@TempDir Path tmp) {
        Assumptions.assumeTrue(DataSets.installed("mnist"), "MNIST is not installed: ./synaptor data install mnist");
        nodes = new LocalNodes(3, 2);
        oneJvm = Cli.run(tmp.resolve("one"), SHORT.toArray(String[]::new));
        assertEquals(0, oneJvm.exit(), oneJvm.err());
    }

    @AfterAll
    static void stopNodes() {
        if (nodes != null) nodes.close();
    }

    @Test
    @Order(1)
    void onTwoNodesItIsTheOneJvmRun(@TempDir Path tmp) throws IOException {
        Cli.Result r = run(tmp, SHORT, "2");
        sameAsOneJvm(r);
        assertEquals(2, r.summary().getInt("nodes"), "a run on 2 of the 3 workers lands on 2");
    }

    @Test
    @Order(2)
    void onThreeNodesItIsTheOneJvmRun(@TempDir Path tmp) throws IOException {
        Cli.Result r = run(tmp, SHORT, "3");
        sameAsOneJvm(r);
        assertEquals(3, r.summary().getInt("nodes"));
    }

    /** Last: it kills a node. Epoch 3 finds it dead and starts again from the checkpoint after epoch 2 on the two left. */
    @Test
    @Order(3)
    void losingANodeAfterACheckpointResumesToTheSameMetrics(@TempDir Path tmp) throws IOException {
        Cli.Result r = Cli.runKilling(tmp.resolve("lost"), "epoch 2:", nodes.process(2), Cli.concat(SHORT, "--cluster", nodes.seed(), "--nodes", "3"));
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("restarting from the checkpoint after epoch 2"), r.out());
        assertEquals(1, r.summary().getInt("restarts"));
        sameAsOneJvm(r);
    }

    private static Cli.Result run(Path tmp, List<String> args, String workers) {
        Cli.Result r = Cli.run(tmp.resolve("cluster"), Cli.concat(args, "--cluster", nodes.seed(), "--nodes", workers).toArray(String[]::new));
        assertEquals(0, r.exit(), r.err());
        return r;
    }

    private static void sameAsOneJvm(Cli.Result r) throws IOException {
        assertEquals(Files.readString(oneJvm.dir().resolve("metrics.csv")), Files.readString(r.dir().resolve("metrics.csv")));
        assertArrayEquals(Files.readAllBytes(oneJvm.dir().resolve("network.npz")), Files.readAllBytes(r.dir().resolve("network.npz")),
                "the trained weights, to the bit");
        Config s = r.summary();
        assertTrue(s.getLong("cross_node_messages") > 0, "the slices and blocks talked across nodes");
        assertEquals(oneJvm.summary().getDouble("test_accuracy"), s.getDouble("test_accuracy"));
    }
}
