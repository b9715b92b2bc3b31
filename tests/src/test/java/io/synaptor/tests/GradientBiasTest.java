package io.synaptor.tests;

import com.typesafe.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 3: the orders of the one-sided, centered and holomorphic EP biases, measured through the actors. */
class GradientBiasTest {

    @Test
    void oneSidedIsFirstOrderCenteredSecondHolomorphicExact(@TempDir Path tmp) throws Exception {
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
        // N = 2 points on the circle are centered EP's ±β (relaxing on instead of restarting): O(β²) too.
        double n2 = s.getDouble("slope_holo_n2");
        assertTrue(n2 >= 1.7 && n2 <= 2.3, "holomorphic N=2 slope " + n2);
        // N = 8: bias O(β⁸), so at the largest β only the relaxation's residue is left.
        double n8 = s.getDouble("holo_rel_error_n8");
        assertTrue(n8 <= 1e-4, "holomorphic N=8 relative error at the largest β " + n8);
        assertTrue(n8 < s.getDoubleList("rel_error_centered").get(3) / 100, "N=8 beats centered by far");
        assertTrue(Files.size(r.dir().resolve("gradient_bias.png")) > 0);
    }
}
