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
 * plot's classifier (the synchronous simulation of a test episode's relaxation over the grid and
 * the test points) puts exactly as many test points on the wrong side as the actors got wrong in the
 * last epoch's test episodes — two independent computations of the same relaxation (the old plot,
 * drawn at the settled fixed point, disagreed by dozens of points; before a reset held the units
 * through the links' delay, the test episodes also felt the previous example in their slot).
 */
class BoundaryTest {

    @Test
    void testPointsOnTheWrongSideOfThePlottedClassifierAreTheReportedErrors(@TempDir Path tmp) {
        int informative = 0; // seeds whose classifier is better than a coin, so that the agreement says something
        for (int seed : new int[]{2, 3}) {
            if (assertAgreement(tmp.resolve("seed" + seed), seed).getDouble("test_accuracy") > 0.6) informative++;
        }
        assertTrue(informative > 0, "no seed trained beyond a coin in 4 epochs: the check would say little");
    }

    /** The same agreement when links are slower than a step: delays of 3 hold a reset for 3 steps. */
    @Test
    void itHoldsWithLongerDelays(@TempDir Path tmp) {
        assertAgreement(tmp.resolve("out"), 5, "--set", "network.delay=3");
    }

    private static Config assertAgreement(Path out, int seed, String... more) {
        String[] args = new String[]{"run", "two-moons", "--seed", Integer.toString(seed), "--set", "training.epochs=4"};
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.Arrays.stream(more)).toArray(String[]::new);
        Cli.Result r = Cli.run(out, all);
        assertEquals(0, r.exit(), r.err());
        Config s = r.summary();
        int n = s.getInt("\"training.test-size\"");
        long errors = Math.round((1.0 - s.getDouble("test_accuracy")) * n);
        assertEquals(errors, s.getInt("boundary_wrong_side"), "seed " + seed + ": the plot's classifier and the actors' last test episodes");
        assertTrue(r.out().contains("boundary.png: " + errors + " test points on the wrong side"), r.out());
        assertTrue(Files.isRegularFile(out.resolve("boundary.png")));
        return s;
    }
}
