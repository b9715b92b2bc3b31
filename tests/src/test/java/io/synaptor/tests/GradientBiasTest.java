package io.synaptor.tests;

import com.typesafe.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 3 (first part): the orders of the one-sided and centered EP biases, measured through the actors. */
class GradientBiasTest {

    @Test
    void oneSidedIsFirstOrderCenteredIsSecondOrder(@TempDir Path tmp) throws Exception {
        Cli.Result r = Cli.run(tmp.resolve("gb"), "run", "gradient-bias", "--set", "network.layers=[3,5,2]",
                "--set", "bias.points=4");
        assertEquals(0, r.exit(), r.err());
        Config s = r.summary();
        double one = s.getDouble("slope_one_sided");
        double centered = s.getDouble("slope_centered");
        assertTrue(one >= 0.8 && one <= 1.2, "one-sided slope " + one);
        assertTrue(centered >= 1.7 && centered <= 2.3, "centered slope " + centered);
        assertEquals(4, s.getList("betas").size());
        // At every β the centered estimate is the closer one.
        for (int k = 0; k < 4; k++) {
            assertTrue(s.getDoubleList("rel_error_centered").get(k) < s.getDoubleList("rel_error_one_sided").get(k));
        }
        assertTrue(Files.size(r.dir().resolve("gradient_bias.png")) > 0);
    }
}
