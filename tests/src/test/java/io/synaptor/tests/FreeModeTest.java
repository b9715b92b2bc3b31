package io.synaptor.tests;

import com.typesafe.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 4: free-running (wall-clock) mode learns, runs every scenario, and says it is not reproducible. */
class FreeModeTest {

    /** Not reproducible by design, so a failed seed may be retried with another (the issue allows it). */
    @Test
    void freeRunningTwoMoonsLearns(@TempDir Path tmp) {
        List<Double> seen = new ArrayList<>();
        for (int seed = 1; seed <= 3; seed++) {
            Cli.Result r = Cli.run(tmp.resolve("s" + seed), "run", "two-moons", "--seed", String.valueOf(seed),
                    "--set", "time.mode=free");
            assertEquals(0, r.exit(), r.err());
            Config s = r.summary();
            assertFalse(s.getBoolean("reproducible"));
            seen.add(s.getDouble("test_accuracy"));
            if (s.getDouble("test_accuracy") >= 0.85) break;
        }
        System.out.printf("[FreeModeTest] free-running two-moons test accuracy per attempt: %s%n", seen);
        // two-moons' defaults reach 0.85–0.90 in virtual time on seeds 1–10 (docs/scenarios.md); free-running
        // measured 0.9000 on seed 1 (issue 17, after the reset hold)
        assertTrue(seen.get(seen.size() - 1) >= 0.85, "test accuracy per attempt " + seen);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "xor training.epochs=3",
            "gradient-check",
            "gradient-bias bias.points=2",
            "finite-relaxation relax.budgets=[50,5]",
            "noisy-nudge training.epochs=1 training.train-size=40 training.test-size=20",
            "delay-sweep sweep.values=[1,3]"})
    void everyScenarioRunsFree(String args, @TempDir Path tmp) {
        String[] parts = args.split(" ");
        List<String> cli = new ArrayList<>(List.of("run", parts[0], "--set", "time.mode=free"));
        for (int k = 1; k < parts.length; k++) {
            cli.add("--set");
            cli.add(parts[k]);
        }
        Cli.Result r = Cli.run(tmp.resolve("run"), cli.toArray(String[]::new));
        assertEquals(0, r.exit(), r.err());
        assertFalse(r.summary().getBoolean("reproducible"));
    }

    @Test
    void virtualRunsSayTheyAreReproducible(@TempDir Path tmp) {
        Cli.Result r = Cli.run(tmp.resolve("v"), "run", "gradient-check");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.summary().getBoolean("reproducible"));
    }
}
