package io.synaptor.tests;

import com.typesafe.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Acceptance (issue 2): the classification scenarios learn, and the output contract holds. */
class TrainingTest {
    static final List<String> KEYS = List.of("scenario", "seed", "train_accuracy", "test_accuracy", "final_loss",
            "epochs", "messages", "wall_seconds");

    @Test
    void twoMoonsSkipsTheBoundaryPlotWhenAsked(@TempDir Path tmp) throws Exception {
        Cli.Result r = Cli.run(tmp.resolve("tm"), "run", "two-moons", "--seed", "1", "--set", "training.epochs=1",
                "--set", "training.train-size=20", "--set", "training.test-size=10", "--set", "plot.boundary=false");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.summary().hasPath("test_accuracy"));
        assertTrue(!r.summary().hasPath("boundary_wrong_side"), "no boundary metric without the plot");
        assertTrue(Files.exists(r.dir().resolve("accuracy.png")));
        assertTrue(!Files.exists(r.dir().resolve("boundary.png")), "no boundary.png");
    }

    @Test
    void twoMoonsLearnsTheBoundary(@TempDir Path tmp) throws Exception {
        Cli.Result r = Cli.run(tmp.resolve("tm"), "run", "two-moons", "--seed", "1");
        assertEquals(0, r.exit(), r.err());
        Config s = r.summary();
        for (String k : KEYS) assertTrue(s.hasPath(k), "summary.json lacks " + k);
        assertEquals("two-moons", s.getString("scenario"));
        assertEquals(1, s.getLong("seed"));
        // Issue 17: ≥ 0.97 (measured through the actors: 0.9975, one test point wrong; seeds 1–10: TwoMoonsSeedsTest)
        assertTrue(s.getDouble("test_accuracy") >= 0.97, "test accuracy " + s.getDouble("test_accuracy"));
        assertEquals(0, s.getLong("unconverged_examples"), "the defaults settle every relaxation (largest residual 0.051)");
        // the boundary's classifier is a test episode's relaxation: it gets exactly the last epoch's test errors wrong
        assertEquals(Math.round((1.0 - s.getDouble("test_accuracy")) * s.getInt("\"training.test-size\"")), s.getInt("boundary_wrong_side"));
        assertTrue(s.getLong("messages") > 1_000_000, "messages " + s.getLong("messages"));
        for (String f : List.of("metrics.csv", "config.conf", "accuracy.png", "loss.png", "boundary.png")) {
            assertTrue(Files.size(r.dir().resolve(f)) > 0, f);
        }
        List<String> csv = Files.readAllLines(r.dir().resolve("metrics.csv"));
        assertEquals("epoch,train_loss,train_accuracy,test_loss,test_accuracy,relaxation_residual_max,unconverged_fraction", csv.get(0));
        assertEquals(s.getInt("epochs") + 1, csv.size());
        // Issue 17: the per-epoch residuals add up to the summary's, and a warning is on stderr exactly when one was counted.
        double largest = 0;
        for (String row : csv.subList(1, csv.size())) largest = Math.max(largest, Double.parseDouble(row.split(",")[5]));
        assertEquals(s.getDouble("relaxation_residual_max"), largest, 0.0);
        assertEquals(s.getLong("unconverged_examples") > 0, r.err().contains("the relaxation did not converge"), r.err());
        assertEquals(s.getLong("unconverged_examples") > 0, !s.getString("relaxation_warning").isEmpty());
    }

    @Test
    void xorIsSolved(@TempDir Path tmp) {
        Cli.Result r = Cli.run(tmp.resolve("xor"), "run", "xor");
        assertEquals(0, r.exit(), r.err());
        assertEquals(1.0, r.summary().getDouble("test_accuracy"), 0.0, r.out());
    }

    /** The last epochs' mean test accuracy in summary.json is the mean of metrics.csv's last five test accuracies. */
    @Test
    void lastFiveEpochsMeanIsReported(@TempDir Path tmp) throws Exception {
        Cli.Result r = Cli.run(tmp.resolve("xor"), "run", "xor", "--seed", "2", "--set", "training.epochs=40");
        assertEquals(0, r.exit(), r.err());
        List<String> csv = Files.readAllLines(r.dir().resolve("metrics.csv"));
        int column = List.of(csv.get(0).split(",")).indexOf("test_accuracy");
        double sum = 0;
        java.util.Set<Double> seen = new java.util.HashSet<>();
        for (String row : csv.subList(csv.size() - 5, csv.size())) {
            double a = Double.parseDouble(row.split(",")[column]);
            sum += a;
            seen.add(a);
        }
        assertTrue(seen.size() > 1, "the last five epochs differ, so the mean is not the last value: " + seen);
        assertEquals(sum / 5, r.summary().getDouble("test_accuracy_last5_mean"), 1e-12);
        assertTrue(r.out().contains(String.format("(mean of the last 5 epochs %.4f)", sum / 5)), r.out());
    }

    @Test
    void configFileRepeatsARun(@TempDir Path tmp) {
        Cli.Result first = Cli.run(tmp.resolve("a"), "run", "xor", "--seed", "5", "--set", "training.epochs=5");
        assertEquals(0, first.exit(), first.err());
        Cli.Result again = Cli.run(tmp.resolve("b"), "run", "--config", first.dir().resolve("config.conf").toString());
        assertEquals(0, again.exit(), again.err());
        assertEquals(DeterminismTest.metrics(first.summary()), DeterminismTest.metrics(again.summary()));
    }
}
