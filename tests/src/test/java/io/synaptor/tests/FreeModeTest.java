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

    /** What every free-running two-moons run at the defaults must reach (also the full verification's bound). */
    static final double BOUND = 0.975;

    /**
     * Not reproducible by design, so one run against a fixed bound: free-running two-moons at its defaults
     * measured 1.0000, 0.9900, 0.9875 on seeds 1–3 (issue 17; in virtual time seed 1 reads 0.9975
     * through the actors, seeds 2 and 3 0.9950 and 0.9825 through the synchronous simulation), and
     * an error rate twice the worst of these still passes — a run that stays on the linear plateau (0.88) does not.
     */
    @Test
    void freeRunningTwoMoonsLearns(@TempDir Path tmp) {
        Cli.Result r = Cli.run(tmp.resolve("free"), "run", "two-moons", "--seed", "1", "--set", "time.mode=free");
        assertEquals(0, r.exit(), r.err());
        Config s = r.summary();
        assertFalse(s.getBoolean("reproducible"));
        System.out.printf("[FreeModeTest] free-running two-moons, seed 1: test accuracy %.4f%n", s.getDouble("test_accuracy"));
        assertTrue(s.getDouble("test_accuracy") >= BOUND, "test accuracy " + s.getDouble("test_accuracy"));
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

    /**
     * docs/scenarios.md, free-running mode: with lag 0 and η = 0 nothing a unit may race ahead of can
     * change (no weight ever moves), so a free run must give the virtual run's losses exactly —
     * every epoch's row of metrics.csv, wall-clock order or not.
     */
    @Test
    void withoutLearningAFreeRunGivesTheVirtualLosses(@TempDir Path tmp) throws java.io.IOException {
        String[] base = {"run", "two-moons", "--seed", "2", "--set", "learning.rate=0", "--set", "training.epochs=2",
                "--set", "training.train-size=100", "--set", "training.test-size=50"};
        List<String> free = new ArrayList<>(List.of(base));
        free.addAll(List.of("--set", "time.mode=free"));
        Cli.Result v = Cli.run(tmp.resolve("virtual"), base);
        Cli.Result f = Cli.run(tmp.resolve("free"), free.toArray(String[]::new));
        assertEquals(0, v.exit(), v.err());
        assertEquals(0, f.exit(), f.err());
        assertFalse(f.summary().getBoolean("reproducible"));
        List<String> rows = java.nio.file.Files.readAllLines(v.dir().resolve("metrics.csv"));
        assertTrue(rows.size() >= 3, "header and two epochs: " + rows);
        assertEquals(rows, java.nio.file.Files.readAllLines(f.dir().resolve("metrics.csv")));
    }

    @Test
    void virtualRunsSayTheyAreReproducible(@TempDir Path tmp) {
        Cli.Result r = Cli.run(tmp.resolve("v"), "run", "gradient-check");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.summary().getBoolean("reproducible"));
    }
}
