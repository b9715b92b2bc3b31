package io.synaptor.tests;

import com.typesafe.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 7 acceptance for gmm-sampler, and the README's row: energy distance 0.398 untrained → 0.099 force
 * matching, 0.141 CD-1; mode-weight error 0.051 / 0.044 (since issue 19 the couplings' forces travel the
 * one-step link delay while sampling, as every drive on the common actors does: 0.093 and 0.140 before). The run is deterministic (seed 1), so every
 * figure is held to its measured value; the acceptance's own bounds (a third of the untrained distance,
 * mode weights within 0.1) and the ranking (force matching beats CD-1, both learn) are checked beside.
 */
class GmmSamplerTest {
    /** The figures are exact to the bit run to run; this leaves room for the last digits of a changed summation order only. */
    private static final double TIGHT = 1e-4;

    @Test
    void forceMatchingLearnsBothModesAndBeatsCD1(@TempDir Path tmp) throws Exception {
        Cli.Result r = Cli.run(tmp.resolve("gmm"), "run", "gmm-sampler", "--seed", "1");
        assertEquals(0, r.exit(), r.err());
        Config s = r.summary();
        double untrained = s.getDouble("energy_distance_untrained");
        double fm = s.getDouble("energy_distance_force_matching");
        double cd1 = s.getDouble("energy_distance_cd1");
        double modes = s.getDouble("mode_weight_error_force_matching");
        double modesCd1 = s.getDouble("mode_weight_error_cd1");
        System.out.printf("[GmmSamplerTest] energy distance untrained %.5f, force matching %.5f (ratio %.3f), CD-1 %.5f (ratio %.3f); "
                + "mode-weight error force matching %.4f, CD-1 %.4f%n", untrained, fm, fm / untrained, cd1, cd1 / untrained, modes, modesCd1);
        // measured (seed 1): 0.39802, 0.09881, 0.14134; mode-weight errors 0.0515 and 0.0435 (README: 0.398, 0.099, 0.141, 0.051, 0.044)
        assertEquals(0.39802, untrained, TIGHT, "untrained energy distance");
        assertEquals(0.09881, fm, TIGHT, "force matching's energy distance");
        assertEquals(0.14134, cd1, TIGHT, "CD-1's energy distance");
        assertEquals(0.0515, modes, TIGHT, "force matching's mode-weight error");
        assertEquals(0.0435, modesCd1, TIGHT, "CD-1's mode-weight error");
        assertTrue(fm <= untrained / 3, "force matching " + fm + " vs untrained " + untrained);
        assertTrue(modes <= 0.1 && modesCd1 <= 0.1, "mode-weight errors " + modes + ", " + modesCd1);
        assertTrue(fm < cd1 && cd1 < untrained / 2, "force matching " + fm + " beats CD-1 " + cd1 + ", which learns too");
        for (String f : new String[]{"samples_untrained.png", "samples_force_matching.png", "samples_cd1.png", "loss.png"}) {
            assertTrue(Files.size(r.dir().resolve(f)) > 0, f);
        }
        assertEquals(2 * 150 + 1, Files.readAllLines(r.dir().resolve("metrics.csv")).size());
    }

    @Test
    void badSettingsStopInOneSentence(@TempDir Path tmp) {
        Cli.Result r = Cli.run(tmp.resolve("bad"), "run", "gmm-sampler", "--set", "protocol.t-min=5");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("protocol.t-min"), r.err());
        Cli.Result d = Cli.run(tmp.resolve("div"), "run", "gmm-sampler", "--set", "learning.rate-force-matching=500", "--set", "training.epochs=3");
        assertEquals(3, d.exit(), d.err());
        assertTrue(d.err().contains("diverged"), d.err());
    }
}
