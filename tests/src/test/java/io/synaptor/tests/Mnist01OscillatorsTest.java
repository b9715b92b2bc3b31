package io.synaptor.tests;

import com.typesafe.config.Config;
import io.synaptor.scenarios.data.DataSets;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 7 acceptance for mnist01-oscillators: at least 80 % of the samples are called 0 or 1 by the
 * nearest-class-mean judge with its reject option, each class above 20 %, the samples nearer the
 * training digits than noise is, and the sample grid written. The default protocol (4,950 couplings,
 * 40 epochs) with 200 samples instead of 400, to stay within a minute.
 */
class Mnist01OscillatorsTest {

    @Test
    void generatesRecognizableZerosAndOnes(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(DataSets.installed("mnist"), "MNIST is not installed: ./synaptor data install mnist");
        Cli.Result r = Cli.run(tmp.resolve("m01"), "run", "mnist01-oscillators", "--seed", "1", "--set", "sampling.samples=200");
        assertEquals(0, r.exit(), r.err());
        Config s = r.summary();
        double recognized = s.getDouble("share_recognized");
        double zero = s.getDouble("share_zero");
        double one = s.getDouble("share_one");
        double ratio = s.getDouble("nearest_distance_ratio");
        System.out.printf("[Mnist01OscillatorsTest] recognized %.3f (0: %.3f, 1: %.3f), nearest-distance ratio %.3f (held-out digits %.3f), "
                + "noise recognized %.3f, final loss %.3f%n", recognized, zero, one, ratio, s.getDouble("nearest_distance_ratio_held_out"),
                s.getDouble("share_recognized_noise"), s.getDouble("final_loss"));
        assertTrue(recognized >= 0.8, "share recognized " + recognized);
        assertTrue(zero > 0.2 && one > 0.2, "shares 0: " + zero + ", 1: " + one);
        assertEquals(recognized, zero + one, 1e-9);
        assertTrue(ratio < 1.0, "nearest-distance ratio " + ratio);
        assertTrue(s.getDouble("share_recognized_noise") < 0.2, "the judge calls noise a digit");
        for (String f : new String[]{"samples.png", "data.png", "loss.png"}) assertTrue(Files.size(r.dir().resolve(f)) > 0, f);
        assertEquals(40 + 1, Files.readAllLines(r.dir().resolve("metrics.csv")).size());
    }

    @Test
    void missingDigitsAreBadInputWithTheCommandToRun(@TempDir Path tmp) {
        String before = System.getProperty("synaptor.data");
        System.setProperty("synaptor.data", tmp.resolve("empty").toString());
        try {
            Cli.Result r = Cli.run(tmp.resolve("out"), "run", "mnist01-oscillators");
            assertEquals(2, r.exit(), r.err());
            assertTrue(r.err().contains("./synaptor data install mnist"), r.err());
            assertFalse(Files.exists(tmp.resolve("out").resolve("summary.json")));
        } finally {
            if (before == null) System.clearProperty("synaptor.data");
            else System.setProperty("synaptor.data", before);
        }
    }
}
