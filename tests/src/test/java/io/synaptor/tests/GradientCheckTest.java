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
        // measured: relative error 2.36e-3, cosine 0.9999978 (1 − cosine 2.2e-6); the bias is O(β), so twice the
        // error is a different estimator
        assertTrue(err1 < 3e-3, "relative error " + err1);
        double cosine = full.summary().getDouble("gradient_cosine");
        assertTrue(1 - cosine < 1e-5, "cosine " + cosine);
        assertEquals(0.01, full.summary().getDouble("beta"), 0.0);
        // The actors relaxed to the reference's free fixed point (same spec, solved independently).
        // measured 5.0e-15 (β = 0.01), 3.3e-15 (β = 0.005)
        assertTrue(full.summary().getDouble("fixed_point_error") < 5e-14, "fixed point error " + full.summary().getDouble("fixed_point_error"));

        Cli.Result half = Cli.run(tmp.resolve("b2"), "run", "gradient-check", "--set", "learning.beta=0.005");
        assertEquals(0, half.exit(), half.err());
        double err2 = half.summary().getDouble("gradient_rel_error");
        double ratio = err1 / err2; // measured 2.36e-3 / 1.18e-3 = 2.001
        assertTrue(ratio >= 1.9 && ratio <= 2.1, "halving β should halve the error: " + err1 + " / " + err2 + " = " + ratio);
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
            // measured 1 − cosine 9.3e-9 (β = 0.05), 5.8e-10 (β = 0.025)
            double cosine = r.summary().getDouble("gradient_cosine");
            assertTrue(1 - cosine < 3e-8, "cosine " + cosine);
        }
        double ratio = err[0] / err[1]; // measured 3.11e-4 / 7.77e-5 = 4.002
        assertTrue(ratio >= 3.8 && ratio <= 4.2, "halving β should quarter the error: " + err[0] + " / " + err[1] + " = " + ratio);
        assertTrue(err[0] < 5e-4, "centered error at β = 0.05: " + err[0]);
    }
}
