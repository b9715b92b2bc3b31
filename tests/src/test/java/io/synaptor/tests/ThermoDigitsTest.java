package io.synaptor.tests;

import com.typesafe.config.Config;
import io.synaptor.scenarios.data.DataSets;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 20 acceptance for thermo-diffusion on MNIST 0/1 ({@code data.set=mnist01}): the substrate trained by
 * symmetric EqProp and sampled by annealed Langevin dynamics on the actors generates digits that
 * mnist01-oscillators' judge recognises — at least 80 %, each class above 20 % — where its untrained twin
 * generates none; the data set's presets apply below the user's own values; a small run gives the same
 * summary on 1 and 4 threads at block granularity; and without the digits the run says how to get them.
 */
class ThermoDigitsTest {

    @Test
    void generatesRecognizableZerosAndOnes(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(DataSets.installed("mnist"), "MNIST is not installed: ./synaptor data install mnist");
        Cli.Result r = Cli.run(tmp.resolve("digits"), "run", "thermo-diffusion", "--seed", "1", "--set", "data.set=mnist01");
        assertEquals(0, r.exit(), r.err());
        Config s = r.summary();
        double recognized = s.getDouble("share_recognized");
        double zero = s.getDouble("share_zero");
        double one = s.getDouble("share_one");
        System.out.printf("[ThermoDigitsTest] recognized %.3f (0: %.3f, 1: %.3f); untrained %.3f; energy distance %.3f (untrained %.3f); "
                        + "nearest-distance ratio %.3f (held-out digits %.3f)%n", recognized, zero, one, s.getDouble("share_recognized_untrained"),
                s.getDouble("energy_distance_trained"), s.getDouble("energy_distance_untrained"), s.getDouble("nearest_distance_ratio"),
                s.getDouble("nearest_distance_ratio_held_out"));
        assertTrue(recognized >= 0.8, "share recognized " + recognized);
        assertTrue(zero > 0.2 && one > 0.2, "shares 0: " + zero + ", 1: " + one);
        assertEquals(recognized, zero + one, 1e-12);
        assertTrue(s.getDouble("share_recognized_untrained") < 0.2, "the untrained substrate's samples are not digits");
        assertTrue(s.getDouble("energy_distance_trained") < s.getDouble("energy_distance_untrained") / 3);
        for (String f : new String[]{"samples_trained.png", "samples_untrained.png", "data.png", "loss.png"}) {
            assertTrue(Files.size(r.dir().resolve(f)) > 0, f);
        }
    }

    @Test
    void missingDigitsAreBadInputWithTheCommandToRun(@TempDir Path tmp) {
        String before = System.getProperty("synaptor.data");
        System.setProperty("synaptor.data", tmp.resolve("empty").toString());
        try {
            Cli.Result r = Cli.run(tmp.resolve("out"), "run", "thermo-diffusion", "--set", "data.set=mnist01");
            assertEquals(2, r.exit(), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains("./synaptor data install mnist"), r.err());
            assertFalse(Files.exists(tmp.resolve("out").resolve("summary.json")));
        } finally {
            if (before == null) System.clearProperty("synaptor.data");
            else System.setProperty("synaptor.data", before);
        }
    }

    @Test
    void presetsYieldToTheUserAndTheRunIsTheSameOnOneAndFourThreads(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(DataSets.installed("mnist"), "MNIST is not installed: ./synaptor data install mnist");
        Map<String, Object> first = null;
        String csv = null;
        for (int threads : new int[]{1, 4}) {
            Cli.Result r = Cli.run(tmp.resolve("t" + threads), "run", "thermo-diffusion", "--set", "data.set=mnist01",
                    "--set", "training.epochs=1", "--set", "training.train-size=200", "--set", "training.test-size=50",
                    "--set", "substrate.encoder=8", "--set", "substrate.transfer=8", "--set", "network.block-size=5",
                    "--set", "sampling.samples=30", "--set", "sampling.steps=3", "--set", "sigma.levels=3",
                    "--set", "runtime.threads=" + threads);
            assertEquals(0, r.exit(), r.err());
            Config s = r.summary();
            // the user's sizes, the data set's presets for the rest
            Map<String, Object> settings = s.root().unwrapped(); // settings keys are flat, dots and all
            assertEquals(8, settings.get("substrate.encoder"));
            assertEquals(8, settings.get("substrate.rank"));
            assertEquals(1.0, ((Number) settings.get("substrate.data-std")).doubleValue());
            assertEquals("block", settings.get("network.granularity"));
            assertEquals(s.getDouble("share_recognized"), s.getDouble("share_zero") + s.getDouble("share_one"), 1e-12);
            // the judge calls its own held-out digits at its 5th percentile: 95 % of them, up to one digit of rounding
            assertEquals(0.95, s.getDouble("share_recognized_held_out"), 1.0 / s.getInt("held_out_digits"));
            Map<String, Object> m = Cli.threadIndependent(s);
            String rows = Files.readString(r.dir().resolve("metrics.csv"));
            if (first == null) {
                first = m;
                csv = rows;
            } else {
                assertEquals(first, m, "the same summary on 1 and 4 threads");
                assertEquals(csv, rows);
            }
        }
    }
}
