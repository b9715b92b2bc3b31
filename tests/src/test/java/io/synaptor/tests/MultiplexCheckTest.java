package io.synaptor.tests;

import com.typesafe.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 21: several tasks nudged at once in one net, each demodulated per task by every synapse, against each
 * task's exact gradient alone from the dense reference (docs/scenarios.md#multiplex-check).
 */
class MultiplexCheckTest {

    /**
     * The scenario's defaults (a 4-8-4 net, two tasks of two outputs, W = 128 phases, β = 0.01 … 0.1) at seed 4.
     * Measured at seeds 1–5: complex worst task at β = 0.1 1.2e-13 … 6.1e-8; real slope 1.98 … 2.10; the
     * rule-breaking set (m = 4, 8) at β = 0.1 0.011, 1.01, 0.037, 0.27, 0.18 — its leak is |β| times task 0's
     * second-order response over task 1's gradient, a property of the net, so the last bound is asserted at seed 4
     * and the ones that hold on every net (first-order leak, far above the rule-abiding set's) on this one too.
     */
    @Test
    void eachTaskGetsItsOwnGradientWhileTheOthersRun(@TempDir Path tmp) {
        Cli.Result r = Cli.run(tmp.resolve("mx"), "run", "multiplex-check", "--seed", "4");
        assertEquals(0, r.exit(), r.err());
        Config s = r.summary();
        double complex = s.getDouble("rel_error_complex_max");
        double slopeReal = s.getDouble("slope_real");
        double breaking = s.getDouble("rel_error_rule_breaking");
        System.out.printf("[MultiplexCheckTest] complex %.2e, real %.2e (slope %.3f), rule-breaking %.2e (slope %.3f)%n", complex,
                s.getDouble("rel_error_real_max"), slopeReal, breaking, s.getDouble("slope_rule_breaking"));
        assertEquals(0.1, s.getDouble("beta"), 0.0);
        assertEquals(-1, s.getInt("breaks_rule"));
        assertTrue(complex <= 1e-6, "complex nudges, rule-abiding harmonics: worst task " + complex);
        assertTrue(s.getDouble("rel_error_sum_complex") <= 1e-6, "the summed update");
        assertTrue(slopeReal >= 1.7 && slopeReal <= 2.3, "real nudges: slope " + slopeReal);
        assertTrue(breaking > 0.1, "rule-breaking harmonics: worst task " + breaking);
        double slopeBreaking = s.getDouble("slope_rule_breaking");
        assertTrue(slopeBreaking >= 0.9 && slopeBreaking <= 1.1, "the rule-breaking leak is first order: slope " + slopeBreaking);
        assertTrue(breaking > 1e4 * complex, "breaking the rule costs orders of magnitude");
        assertTrue(Files.exists(r.dir().resolve("multiplex_error.png")));
        // cross-talk with the nudges turning continuously: task 1's onset transient, spread over the window, so about 1/W
        // (measured slopes −0.84, −0.75, −1.01 at seeds 1–3, −0.74 here), and below the lag's own error of task 0 alone
        double slope = s.getDouble("crosstalk_window_slope");
        System.out.printf("[MultiplexCheckTest] cross-talk: max %.2e, window slope %.3f, task 0 alone %s%n", s.getDouble("crosstalk_max"), slope,
                s.getDoubleList("crosstalk_alone_error"));
        assertTrue(slope <= -0.5 && slope >= -1.3, "cross-talk against the window: slope " + slope);
        assertTrue(s.getDouble("crosstalk_max") < s.getDoubleList("crosstalk_alone_error").get(0), "cross-talk below the lag's error");
        assertTrue(Files.exists(r.dir().resolve("crosstalk.png")));

        // delay-sweep's multiplex cell at the same link delay (1) is the same run: the same worst-task error, to the bit
        Cli.Result sweep = Cli.run(tmp.resolve("sweep"), "run", "delay-sweep", "--seed", "4", "--set", "sweep.net=multiplex",
                "--set", "sweep.values=[1]");
        assertEquals(0, sweep.exit(), sweep.err());
        assertEquals(complex, sweep.summary().getDoubleList("rel_error_by_delay").get(0), 0.0);
    }

    /**
     * running-average: the demodulated update is the gradient wherever the window ends in the oscillations; the
     * talk's rule without a phase reference follows the window's end — its sign flips with it — and the mean over
     * eight ends is a small fraction of the gradient (W = 64 here for time; measured at seed 1: demodulated cosine
     * 1.0000, running-average cosines 0.87 … −0.91 over the ends, mean update 0.0026 of the gradient's norm; seeds 2, 3:
     * 0.039 and 0.012 — the even orders of the response, in no fixed direction: cosines −0.96, 0.47).
     */
    @Test
    void withoutAPhaseReferenceTheUpdateFollowsTheWindowsEnd(@TempDir Path tmp) {
        Cli.Result r = Cli.run(tmp.resolve("ra"), "run", "running-average", "--seed", "1", "--set", "multiplex.points=64",
                "--set", "multiplex.betas=[0.03]");
        assertEquals(0, r.exit(), r.err());
        Config s = r.summary();
        assertTrue(s.getDouble("cosine_demodulated") > 0.9999, "demodulated " + s.getDouble("cosine_demodulated"));
        assertEquals(1.0, s.getDouble("norm_ratio_demodulated"), 0.01);
        for (double c : s.getDoubleList("cosine_demodulated_by_shift")) assertTrue(c > 0.9999, "demodulated, shifted: " + c);
        java.util.List<Double> shifted = s.getDoubleList("cosine_running_average_by_shift");
        double lo = shifted.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double hi = shifted.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        assertTrue(lo < -0.5 && hi > 0.5, "the running average's update should turn with the window's end: " + shifted);
        assertTrue(s.getDouble("norm_ratio_running_average") < 0.01, "mean running-average update " + s.getDouble("norm_ratio_running_average"));
        assertTrue(Files.exists(r.dir().resolve("running_average.png")));
    }

    /** The same bits on 1 and 4 threads (a small net and short phases: convergence is not the point here). */
    @Test
    void theSameBitsOnOneAndFourThreads(@TempDir Path tmp) {
        String[] common = {"run", "multiplex-check", "--seed", "2", "--set", "network.layers=[3,5,3]", "--set", "multiplex.tasks=3",
                "--set", "multiplex.points=32", "--set", "time.free-steps=100", "--set", "time.nudge-steps=40",
                "--set", "multiplex.betas=[0.05]", "--set", "time.tolerance=10"};
        Cli.Result one = Cli.run(tmp.resolve("one"), concat(common, "--set", "runtime.threads=1"));
        Cli.Result four = Cli.run(tmp.resolve("four"), concat(common, "--set", "runtime.threads=4"));
        assertEquals(0, one.exit(), one.err());
        assertEquals(0, four.exit(), four.err());
        assertEquals(Cli.threadIndependent(one.summary()), Cli.threadIndependent(four.summary()));
        assertEquals(java.util.List.of(5, 6, 7), one.summary().getIntList("harmonics"));
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
