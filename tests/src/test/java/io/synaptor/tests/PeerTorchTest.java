package io.synaptor.tests;

import com.typesafe.config.Config;
import io.synaptor.bench.Peer;
import io.synaptor.bench.PeerExport;
import io.synaptor.scenarios.data.DataSets;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 22, item 4: bench/peers/ep_torch.py, the PyTorch peer of {@code bench epoch}, computes what the
 * simulator computes for fashion-ep. 200 training and 100 test images, one epoch, seed 1: the actors' run
 * ({@code synaptor run fashion-ep}, block granularity) beside the peer on PeerExport's file, in float64.
 * Measured: train loss within 1.6e-16, test loss within 2.0e-15 (relative), the same accuracies, every weight
 * and bias within 3.3e-16 (2.2e-15 of the largest weight). Not to the bit: HotSpot's Math.exp and torch's
 * vectorised exp differ by an ulp on about 3 % of arguments, and the products and fields are summed in other
 * orders (whole layers in torch; 100-unit blocks and a running sum of drives in the actors). Tolerances 1e-13:
 * round-off, with room. Skipped where Fashion-MNIST or a python3 with torch is missing.
 */
class PeerTorchTest {

    @Test
    void thePeerComputesTheSimulatorsRun(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(DataSets.installed("fashion-mnist"), "Fashion-MNIST is not installed: " + DataSets.howToInstall("fashion-mnist"));
        Peer torch = Peer.find("ep_torch.py", "torch", "python3-torch");
        Assumptions.assumeTrue(torch.missing() == null, torch.missing());
        String[] sets = {"training.train-size=200", "training.test-size=100", "training.epochs=1"};

        Path init = tmp.resolve("init.npz");
        PeerExport.write(init, PeerExport.settings(Map.of("training.train-size", 200, "training.test-size", 100, "training.epochs", 1)), 1);
        List<String> args = new ArrayList<>(List.of("run", "fashion-ep", "--seed", "1"));
        for (String kv : sets) args.addAll(List.of("--set", kv));
        Cli.Result sim = Cli.run(tmp.resolve("sim"), args.toArray(String[]::new));
        assertEquals(0, sim.exit(), sim.err());

        Path saved = tmp.resolve("peer.npz");
        Map<String, Double> peer = torch.run(List.of("--init", init.toString(), "--save", saved.toString()));

        Config summary = sim.summary();
        double trainLoss = relative(summary.getDouble("train_loss"), peer.get("train_loss"));
        double testLoss = relative(summary.getDouble("final_loss"), peer.get("test_loss"));
        assertTrue(trainLoss < 1e-13, "train loss: " + summary.getDouble("train_loss") + " vs " + peer.get("train_loss"));
        assertTrue(testLoss < 1e-13, "test loss: " + summary.getDouble("final_loss") + " vs " + peer.get("test_loss"));
        assertEquals(summary.getDouble("train_accuracy"), peer.get("train_accuracy"));
        assertEquals(summary.getDouble("test_accuracy"), peer.get("test_accuracy"));

        NpzFile trained = new NpzFile(sim.dir().resolve("network.npz"));
        NpzFile mine = new NpzFile(saved);
        double scale = 0.0;
        double worst = 0.0;
        for (String key : List.of("weights", "biases")) {
            double[] a = trained.get(key).values();
            double[] b = mine.get(key).values();
            assertEquals(a.length, b.length, key);
            for (int k = 0; k < a.length; k++) {
                scale = Math.max(scale, Math.abs(a[k]));
                worst = Math.max(worst, Math.abs(a[k] - b[k]));
            }
        }
        assertTrue(worst < 1e-13 * scale, "largest weight or bias difference " + worst + " (largest |weight| " + scale + ")");
        System.out.printf("PeerTorchTest: losses within %.1e and %.1e, parameters within %.1e (largest |w| %.3f)%n", trainLoss, testLoss, worst, scale);
    }

    private static double relative(double a, double b) {
        return Math.abs(a - b) / Math.abs(a);
    }
}
