package io.synaptor.tests;

import com.typesafe.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 3 acceptance: with neuron noise, hEP is not worse than classic EP at small β (Laborieux &amp; Zenke, Table 1). */
class NoisyNudgeTest {

    @Test
    void holomorphicEPSurvivesTheNoiseThatSmallBetaEPDoesNot(@TempDir Path tmp) throws Exception {
        Cli.Result r = Cli.run(tmp.resolve("nn"), "run", "noisy-nudge", "--seed", "1", "--set", "training.epochs=15");
        assertEquals(0, r.exit(), r.err());
        Config s = r.summary();
        double small = s.getDouble("acc_ep_small_beta");
        double large = s.getDouble("acc_ep_large_beta");
        double holo = s.getDouble("acc_holomorphic");
        System.out.printf("[NoisyNudgeTest] test accuracy: EP small β %.4f, EP large β %.4f, hEP %.4f%n", small, large, holo);
        // Measured at 15 epochs with the reset held through the link delay (issue 17): EP small β 0.5000,
        // large β 0.8750, hEP 0.7875 (before, a leak between consecutive examples read 0.9 and more).
        assertTrue(holo >= small + 0.2, "hEP " + holo + " vs EP at small β " + small);
        assertTrue(holo >= 0.75, "hEP learns despite the noise: " + holo);
        assertTrue(large >= 0.85, "EP at large β learns despite the noise: " + large);
        assertTrue(Files.size(r.dir().resolve("accuracy.png")) > 0);
        assertEquals(3 * 15 + 1, Files.readAllLines(r.dir().resolve("metrics.csv")).size());
    }
}
