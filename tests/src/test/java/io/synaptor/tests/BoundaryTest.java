package io.synaptor.tests;

import com.typesafe.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Acceptance (issue 17): two-moons' boundary.png agrees with the accuracy it is shown beside. The
 * plot's classifier (the synchronous simulation of a test episode's relaxation from rest, over
 * the grid and the test points) puts exactly as many test points on the wrong side as the actors
 * get wrong when they evaluate the test set from rest — two independent computations of the same
 * relaxation (the old plot, drawn at the settled fixed point, disagreed by dozens of points).
 */
class BoundaryTest {

    @Test
    void testPointsOnTheWrongSideOfThePlottedClassifierAreTheReportedErrors(@TempDir Path tmp) {
        int informative = 0; // seeds whose classifier is better than a coin, so that the agreement says something
        for (int seed : new int[]{2, 3}) {
            Path out = tmp.resolve("seed" + seed);
            Cli.Result r = Cli.run(out, "run", "two-moons", "--seed", Integer.toString(seed), "--set", "training.epochs=4");
            assertEquals(0, r.exit(), r.err());
            Config s = r.summary();
            int n = s.getInt("\"training.test-size\"");
            int reported = s.getInt("test_errors_from_rest");
            assertEquals(reported, Math.round((1.0 - s.getDouble("test_accuracy_from_rest")) * n));
            assertEquals(reported, s.getInt("boundary_wrong_side"), "seed " + seed + ": the plot's classifier and the actors' evaluation");
            if (reported < n * 0.4) informative++;
            assertTrue(r.out().contains("boundary.png: " + reported + " test points on the wrong side"), r.out());
            assertTrue(Files.isRegularFile(out.resolve("boundary.png")));
        }
        assertTrue(informative > 0, "no seed trained beyond a coin in 4 epochs: the check would say little");
    }

    /** The same agreement when the relaxation is not a plain Euler loop: delays of 3, asynchronous updates, noise. */
    @Test
    void itHoldsUnderDelaysAsynchronyAndNoise(@TempDir Path tmp) {
        Cli.Result r = Cli.run(tmp.resolve("out"), "run", "two-moons", "--seed", "5", "--set", "training.epochs=3",
                "--set", "network.delay=3", "--set", "units.update=poisson", "--set", "units.update-rate=0.7",
                "--set", "units.temperature=0.001");
        assertEquals(0, r.exit(), r.err());
        Config s = r.summary();
        assertEquals(s.getInt("test_errors_from_rest"), s.getInt("boundary_wrong_side"));
    }
}
