package io.synaptor.tests;

import com.typesafe.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 23: Hamiltonian echo learning on the actors against BPTT in the dense reference (docs/scenarios.md#echo-check).
 */
class EchoScenariosTest {

    /**
     * echo-check at its defaults (6 units, dt = 0.1, T = 100, sine tracking) on three nets. Measured at seeds 1–10
     * (docs/scenarios.md#echo-check): slopes 0.998 … 1.000 and 1.99 … 2.00; symmetric at ε = 1e-3 2.3e-5 … 1.5e-4
     * (nine of ten below 1e-4; seeds 1–3: 5.0e-5, 2.8e-5, 3.3e-5); linear ≤ 3.3e-11; time reversal ≤ 1.8e-15.
     */
    @Test
    void echoesEstimateTheBpttGradientToTheOrderTheyPromise(@TempDir Path tmp) {
        for (int seed = 1; seed <= 3; seed++) {
            Cli.Result r = Cli.run(tmp.resolve("check" + seed), "run", "echo-check", "--seed", String.valueOf(seed));
            assertEquals(0, r.exit(), r.err());
            Config s = r.summary();
            double one = s.getDouble("slope_one_sided"), sym = s.getDouble("slope_symmetric");
            double at = s.getDouble("rel_error_symmetric_eps_1e-3");
            System.out.printf("[EchoScenariosTest] seed %d: slopes %.3f, %.3f; symmetric at 1e-3 %.2e; linear %.1e; reversal %.1e; actors vs dense %.1e%n",
                    seed, one, sym, at, s.getDouble("rel_error_linear"), s.getDouble("reversibility_error"), s.getDouble("actors_vs_dense_echo"));
            assertTrue(one >= 0.8 && one <= 1.2, "one-sided slope " + one);
            assertTrue(sym >= 1.7 && sym <= 2.3, "symmetric slope " + sym);
            assertTrue(at <= 1e-4, "symmetric at ε = 1e-3: " + at);
            assertTrue(s.getDouble("rel_error_linear") <= 1e-9, "linear net: " + s.getDouble("rel_error_linear"));
            assertTrue(s.getDouble("reversibility_error") <= 1e-10, "time reversal: " + s.getDouble("reversibility_error"));
            assertTrue(s.getDouble("actors_vs_dense_echo") <= 1e-9, "the actors are the dense echo: " + s.getDouble("actors_vs_dense_echo"));
            List<Double> err = s.getDoubleList("rel_error_one_sided");
            assertTrue(err.get(0) > 10 * err.get(err.size() - 1), "the error falls with ε");
            assertTrue(Files.exists(r.dir().resolve("echo_check.png")));
        }
    }

    /** Linear physics: the symmetric echo is exact, so the springs learned by echoes are BPTT's to round-off, and both find the truth. */
    @Test
    void twoMassesLearnTheirSpringsAsBpttDoes(@TempDir Path tmp) {
        Cli.Result r = Cli.run(tmp.resolve("masses"), "run", "two-masses", "--seed", "2");
        assertEquals(0, r.exit(), r.err());
        Config s = r.summary();
        assertTrue(s.getDouble("max_difference_to_bptt") <= 1e-9, "echoes vs BPTT: " + s.getDouble("max_difference_to_bptt"));
        List<Double> springs = s.getDoubleList("springs"), truth = s.getDoubleList("true_springs");
        for (int k = 0; k < 3; k++) assertEquals(truth.get(k), springs.get(k), 1e-2, "spring " + k + ": " + springs);
        assertTrue(Files.exists(r.dir().resolve("springs.png")));
    }

    /**
     * What breaks the echo: a force one grid step old (delay = the grid), a dissipative term, a unit that skips steps.
     * Below the grid the echo is as good as without delay; at it, the estimate is neither the ideal net's gradient nor its
     * own physics' (measured at seeds 1, 2, 3: cosines to the physics run −0.28, −0.36, 0.08 at delay 4, grid 4; 0.25, 0.80, 0.80
     * at γ = 0.3; 0.24, 0.00, 0.35 at r = 0.99).
     */
    @Test
    void delaysDampingAndSkippedStepsBreakTheEcho(@TempDir Path tmp) {
        Cli.Result r = Cli.run(tmp.resolve("sweep"), "run", "echo-sweep", "--seed", "1", "--set", "sweep.delays=[3,4]",
                "--set", "sweep.dampings=[0,0.3]", "--set", "sweep.update-rates=[1,0.99]");
        assertEquals(0, r.exit(), r.err());
        Config s = r.summary();
        List<Double> delay = s.getDoubleList("cosine_by_delay"), own = s.getDoubleList("cosine_own_by_delay");
        assertTrue(delay.get(0) > 0.99999 && own.get(0) > 0.99999, "delay below the grid: " + delay + ", " + own);
        assertTrue(delay.get(1) < 0.5 && own.get(1) < 0.5, "delay at the grid: " + delay + ", " + own);
        List<Double> damping = s.getDoubleList("cosine_own_by_damping");
        assertTrue(damping.get(0) > 0.99999 && damping.get(1) < 0.9, "damping: " + damping);
        List<Double> update = s.getDoubleList("cosine_own_by_update_rate");
        assertTrue(update.get(0) > 0.99999 && update.get(1) < 0.9, "Poisson updates: " + update);
        for (String plot : new String[]{"echo_sweep_delay.png", "echo_sweep_damping.png", "echo_sweep_update.png"}) {
            assertTrue(Files.exists(r.dir().resolve(plot)), plot);
        }
    }

    @Test
    void badSettingsAreRefusedInOneSentence(@TempDir Path tmp) {
        Cli.Result r = Cli.run(tmp.resolve("bad"), "run", "sequence-task", "--set", "echo.outputs=2");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("echo.outputs (2) must equal the number of task.frequencies (3)"), r.err());
        Cli.Result springs = Cli.run(tmp.resolve("bad2"), "run", "two-masses", "--set", "masses.true-springs=[1,2]");
        assertEquals(2, springs.exit(), springs.err());
        assertTrue(springs.err().contains("take three constants"), springs.err());
    }
}
