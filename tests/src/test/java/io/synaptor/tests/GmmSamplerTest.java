package io.synaptor.tests;

import com.typesafe.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 7 acceptance for gmm-sampler: force matching brings the energy distance to at most a third of the untrained one and the mode weights within 0.1. */
class GmmSamplerTest {

    @Test
    void forceMatchingLearnsBothModes(@TempDir Path tmp) throws Exception {
        Cli.Result r = Cli.run(tmp.resolve("gmm"), "run", "gmm-sampler", "--seed", "1");
        assertEquals(0, r.exit(), r.err());
        Config s = r.summary();
        double untrained = s.getDouble("energy_distance_untrained");
        double fm = s.getDouble("energy_distance_force_matching");
        double cd1 = s.getDouble("energy_distance_cd1");
        double modes = s.getDouble("mode_weight_error_force_matching");
        System.out.printf("[GmmSamplerTest] energy distance untrained %.4f, force matching %.4f (ratio %.3f), CD-1 %.4f (ratio %.3f); "
                + "mode-weight error force matching %.3f, CD-1 %.3f%n", untrained, fm, fm / untrained, cd1, cd1 / untrained, modes,
                s.getDouble("mode_weight_error_cd1"));
        assertTrue(fm <= untrained / 3, "force matching " + fm + " vs untrained " + untrained);
        assertTrue(modes <= 0.1, "mode-weight error " + modes);
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
