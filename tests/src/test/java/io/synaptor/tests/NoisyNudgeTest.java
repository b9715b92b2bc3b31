package io.synaptor.tests;

import com.typesafe.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 3 acceptance (Laborieux &amp; Zenke 2022, Table 1, in small): with neuron noise, classic EP at small
 * β stays at chance while EP at large β and holomorphic EP learn; with the noise off the same small-β EP
 * learns — so the noise is what makes it fail.
 *
 * <p>Both runs relax 100 free steps instead of the scenario's 30: with 30 the free phase is still moving
 * when the nudge starts, and that drift divided by β = 0.05 sinks small-β EP at T = 0 as well (seed 1,
 * 15 epochs, T = 0: final test accuracy 0.50), so the default settings could not tell noise from truncation.
 */
class NoisyNudgeTest {
    private static final String[] SETTINGS = {"--seed", "1", "--set", "training.epochs=2", "--set", "time.free-steps=100"};

    @Test
    void noiseSinksSmallBetaEPButNotLargeBetaEPOrHolomorphicEP(@TempDir Path tmp) throws Exception {
        Config noisy = run(tmp.resolve("noisy"), "0.005");
        double small = noisy.getDouble("acc_ep_small_beta");
        double large = noisy.getDouble("acc_ep_large_beta");
        double holo = noisy.getDouble("acc_holomorphic");
        double quiet = run(tmp.resolve("quiet"), "0").getDouble("acc_ep_small_beta");
        System.out.printf("[NoisyNudgeTest] test accuracy at T = 0.005: EP small β %.4f, EP large β %.4f, hEP %.4f; EP small β at T = 0: %.4f%n",
                small, large, holo, quiet);
        // Measured (seed 1, 2 epochs, T1 = 100): T = 0.005: 0.5000 / 0.8225 / 0.8250; T = 0: small β 0.8800
        // (two classes of equal size: chance is 0.5; after 10 epochs 0.53 / 0.8925 / 0.8525 and 0.89).
        assertTrue(small <= 0.55, "EP at small β stays near chance under noise: " + small);
        assertTrue(large >= 0.78, "EP at large β learns despite the noise: " + large);
        assertTrue(holo >= 0.78, "hEP learns despite the noise: " + holo);
        assertTrue(quiet >= 0.84, "without noise EP at small β learns (the control): " + quiet);
    }

    private static Config run(Path out, String temperature) throws Exception {
        String[] args = new String[SETTINGS.length + 4];
        System.arraycopy(new String[]{"run", "noisy-nudge", "--set", "units.temperature=" + temperature}, 0, args, 0, 4);
        System.arraycopy(SETTINGS, 0, args, 4, SETTINGS.length);
        Cli.Result r = Cli.run(out, args);
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.size(r.dir().resolve("accuracy.png")) > 0);
        assertEquals(3 * 2 + 1, Files.readAllLines(r.dir().resolve("metrics.csv")).size());
        return r.summary();
    }
}
