package io.synaptor.tests;

import io.synaptor.network.LabeledData;
import io.synaptor.scenarios.data.DataSets;
import io.synaptor.scenarios.data.Idx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 5: the IDX reader, where data sets live, and what a scenario says when its data is missing. */
class DataSetsTest {

    @AfterEach
    void forget() {
        System.clearProperty("synaptor.data");
        System.clearProperty("synaptor.fashion-mnist");
    }

    @Test
    void idxFilesRoundTrip(@TempDir Path tmp) throws Exception {
        byte[][] pixels = {{0, (byte) 255, (byte) 128, 7}, {1, 2, 3, 4}, {(byte) 200, 0, 0, 0}};
        byte[] labels = {3, 0, 9};
        Path images = tmp.resolve("images-idx3-ubyte.gz");
        Path lab = tmp.resolve("labels-idx1-ubyte.gz");
        Idx.write(images, lab, pixels, 2, 2, labels);
        LabeledData d = Idx.read(images, lab, 10);
        assertEquals(3, d.size());
        assertEquals(4, d.x()[0].length);
        assertEquals(1.0, d.x()[0][1], 0.0);
        assertEquals(128 / 255.0, d.x()[0][2], 1e-15);
        assertEquals(200 / 255.0, d.x()[2][0], 1e-15);
        assertEquals(3, d.label(0));
        assertEquals(9, d.label(2));
        assertEquals(1.0, d.y()[1][0], 0.0);
    }

    @Test
    void aMissingDataSetIsBadInputWithTheCommandToRun(@TempDir Path tmp) {
        System.setProperty("synaptor.data", tmp.toString());
        System.setProperty("synaptor.fashion-mnist", tmp.resolve("none").toString());
        assertFalse(DataSets.installed("mnist"));
        Cli.Result r = Cli.run(tmp.resolve("out"), "run", "mnist-ep");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("./synaptor data install mnist"), r.err());
        assertFalse(Files.exists(tmp.resolve("out").resolve("summary.json")));
        Cli.Result f = Cli.run(null, "run", "fashion-ep");
        assertEquals(2, f.exit());
        assertTrue(f.err().contains("apt-get install dataset-fashion-mnist"), f.err());
        Cli.Result list = Cli.run(null, "data", "list");
        assertEquals(0, list.exit());
        assertTrue(list.out().contains("mnist") && list.out().contains("not installed"), list.out());
    }

    /** Without a way to install Debian packages, {@code data install fashion-mnist} prints the exact command, exit 2. */
    @Test
    void fashionMnistInstallNamesTheDebianCommandWhenItCannotRunIt(@TempDir Path tmp) {
        System.setProperty("synaptor.fashion-mnist", tmp.resolve("none").toString());
        System.setProperty("synaptor.apt-get", tmp.resolve("no-apt-get").toString());
        try {
            Cli.Result r = Cli.run(null, "data", "install", "fashion-mnist");
            assertEquals(2, r.exit(), r.err());
            assertEquals("synaptor: fashion-mnist comes from Debian's package dataset-fashion-mnist; install it with: "
                    + "sudo apt-get install dataset-fashion-mnist", r.err().strip());
        } finally {
            System.clearProperty("synaptor.apt-get");
        }
    }

    /** A small digits set in the cache: the scenario trains on it at block granularity and draws its confusion matrix. */
    @Test
    void mnistEpRunsOnWhatIsInstalled(@TempDir Path tmp) throws Exception {
        System.setProperty("synaptor.data", tmp.toString());
        Path dir = tmp.resolve("mnist");
        Files.createDirectories(dir);
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        int n = 10_000;
        byte[][] pixels = new byte[n][784];
        byte[] labels = new byte[n];
        for (int k = 0; k < n; k++) { // class c lights up pixel block c: separable, as a smoke test of the pipeline
            labels[k] = (byte) (k % 10);
            for (int p = 0; p < 784; p++) pixels[k][p] = (byte) (p / 78 == labels[k] ? 200 + r.nextInt(55) : r.nextInt(30));
        }
        Idx.write(dir.resolve("images-idx3-ubyte.gz"), dir.resolve("labels-idx1-ubyte.gz"), pixels, 28, 28, labels);
        Cli.Result run = Cli.run(tmp.resolve("out"), "run", "mnist-ep", "--set", "training.epochs=1", "--set",
                "training.train-size=400", "--set", "training.test-size=200", "--set", "network.layers=[784,40,10]",
                "--set", "network.block-size=20");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.summary().getDouble("test_accuracy") > 0.5, "accuracy " + run.summary().getDouble("test_accuracy"));
        assertTrue(Files.size(run.dir().resolve("confusion.png")) > 0);
    }
}
