package io.synaptor.tests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Acceptance (issue 2): the synapses' one-sided EP estimate against the exact gradient of the
 * dense reference (implicit differentiation), and its O(β) bias.
 */
class GradientCheckTest {

    @Test
    void oneSidedEstimateIsCloseAndFirstOrderInBeta(@TempDir Path tmp) {
        Cli.Result full = Cli.run(tmp.resolve("b1"), "run", "gradient-check", "--set", "learning.beta=0.01");
        assertEquals(0, full.exit(), full.err());
        double err1 = full.summary().getDouble("gradient_rel_error");
        assertTrue(err1 < 0.05, "relative error " + err1);
        assertTrue(full.summary().getDouble("gradient_cosine") > 0.99, "cosine " + full.summary().getDouble("gradient_cosine"));
        assertEquals(0.01, full.summary().getDouble("beta"), 0.0);
        // The actors relaxed to the reference's free fixed point (same spec, solved independently).
        assertTrue(full.summary().getDouble("fixed_point_error") < 1e-6, "fixed point error " + full.summary().getDouble("fixed_point_error"));

        Cli.Result half = Cli.run(tmp.resolve("b2"), "run", "gradient-check", "--set", "learning.beta=0.005");
        assertEquals(0, half.exit(), half.err());
        double err2 = half.summary().getDouble("gradient_rel_error");
        double ratio = err1 / err2;
        assertTrue(ratio >= 1.6 && ratio <= 2.4, "halving β should halve the error: " + err1 + " / " + err2 + " = " + ratio);
    }

    /** Centered EP (+β, then −β from the free state) is biased by O(β²): halving β quarters the error. */
    @Test
    void centeredEstimateIsSecondOrderInBeta(@TempDir Path tmp) {
        double[] err = new double[2];
        String[] betas = {"0.05", "0.025"};
        for (int k = 0; k < 2; k++) {
            Cli.Result r = Cli.run(tmp.resolve("c" + k), "run", "gradient-check", "--set", "learning.rule=centered",
                    "--set", "learning.beta=" + betas[k]);
            assertEquals(0, r.exit(), r.err());
            err[k] = r.summary().getDouble("gradient_rel_error");
            assertTrue(r.summary().getDouble("gradient_cosine") > 0.9999, "cosine " + r.summary().getDouble("gradient_cosine"));
        }
        double ratio = err[0] / err[1];
        assertTrue(ratio >= 3.2 && ratio <= 4.8, "halving β should quarter the error: " + err[0] + " / " + err[1] + " = " + ratio);
        assertTrue(err[0] < 1e-3, "centered error at β = 0.05: " + err[0]);
    }
}
