package io.synaptor.scenarios;

import io.synaptor.scenarios.report.Report;
import io.synaptor.actors.RunResult;
import io.synaptor.network.RelaxationResidual;

import java.util.List;
import java.util.Map;

/**
 * What the scenarios make of the units' relaxation check ({@link RelaxationResidual}, issue 17):
 * the time.tolerance setting, the summary keys, the one-line warning, and — for the scenarios
 * whose number is only right at the fixed point (gradient-check, gradient-bias) — the refusal
 * (exit 3) of a run whose relaxation did not converge.
 */
final class RelaxationCheck {
    private RelaxationCheck() {
    }

    static final String KEY = "time.tolerance";

    /**
     * The training scenarios' default: catches a period-2 oscillation (its residual is twice the
     * amplitude over dt: 0.35–0.46 measured in xor, 0.356 in gradient-check seed 4) and a relaxation
     * cut to a few steps, not the truncated relaxations they train with (two-moons' 30 + 10 steps end
     * at 0.045–0.09 in its first epochs; later its weights grow and its nudged phase oscillates, 0.6 by
     * epoch 30 — then it warns). metrics.csv shows the residual itself either way.
     */
    static final double TRAINING_TOLERANCE = 0.1;

    /**
     * The gradient scenarios' default: their estimate is a difference of fixed points divided by β,
     * so a state δ off its fixed point moves it by about δ/β; converged relaxations end near 1e-15,
     * and a residual of 1e-6 keeps that error below 1e-3 of the gradient at β = 0.01 (measured).
     */
    static final double GRADIENT_TOLERANCE = 1e-6;

    static Setting tolerance(double def) {
        return Setting.real(KEY, def, 1e-15, 1e6,
                "relaxation check: the largest residual |ds/dt| a unit may have at the end of a free or nudged phase "
                        + "(at T > 0 raised by 6·√(2T/dt)); above it the example counts as unconverged");
    }

    /** What to change when a relaxation did not converge. */
    static final String REMEDY = "try a smaller time.dt (explicit Euler oscillates when dt·λ_max > 2) "
            + "or more time.free-steps / time.nudge-steps";

    /** The summary keys all network scenarios share, and a warning if an example did not converge. */
    static void report(Report report, double residualMax, double freeMax, double nudgedMax, double threshold, long unconverged, long examples) {
        report(report, residualMax, freeMax, nudgedMax, threshold, unconverged, examples, true);
    }

    /** @param warn false where a cut-short relaxation is what the scenario measures (finite-relaxation): keys only */
    static void report(Report report, double residualMax, double freeMax, double nudgedMax, double threshold, long unconverged,
                       long examples, boolean warn) {
        report.metric("relaxation_residual_max", residualMax)
                .metric("relaxation_residual_free_max", freeMax)
                .metric("relaxation_residual_nudged_max", nudgedMax)
                .metric("relaxation_threshold", threshold)
                .metric("unconverged_examples", unconverged)
                .metric("checked_examples", examples);
        String warning = warn && (unconverged > 0 || Double.isNaN(residualMax))
                ? String.format("the relaxation did not converge in %d of %d examples (largest residual |ds/dt| %.3g, threshold %.3g); "
                        + "results from unconverged states are unreliable: %s", unconverged, examples, residualMax, threshold, REMEDY)
                : "";
        report.metric("relaxation_warning", warning);
        if (!warning.isEmpty()) report.warning(warning);
    }

    /** The keys and warning over several training reports' (each carrying the keys of {@link Epochs#report}). */
    static void merge(Report report, List<Report> parts) {
        parts.stream().map(p -> Totals.of(p.metrics())).reduce(Totals.NONE, Totals::plus).report(report, true);
    }

    /** The keys and warning for a set of runs (each example counted once per run). */
    static void report(Report report, List<RunResult> results) {
        report(report, results, true);
    }

    /** The keys, and with {@code warn} the warning, for a set of runs. */
    static void report(Report report, List<RunResult> results, boolean warn) {
        results.stream().map(Totals::of).reduce(Totals.NONE, Totals::plus).report(report, warn);
    }

    /** The summary figures of one run (or report), and of several together: maxima, counts summed, the last threshold. */
    private record Totals(double max, double free, double nudged, double threshold, long unconverged, long examples) {
        static final Totals NONE = new Totals(0.0, 0.0, 0.0, Double.NaN, 0, 0);

        static Totals of(RunResult r) {
            return new Totals(r.residualMax(), largest(r.relaxation().freeMax()), largest(r.relaxation().nudgedMax()),
                    r.residualThreshold(), r.unconvergedExamples(), r.episodes().stream().mapToLong(e -> e.count()).sum());
        }

        static Totals of(Map<String, Object> m) {
            return new Totals(number(m, "relaxation_residual_max"), number(m, "relaxation_residual_free_max"),
                    number(m, "relaxation_residual_nudged_max"), number(m, "relaxation_threshold"),
                    ((Number) m.get("unconverged_examples")).longValue(), ((Number) m.get("checked_examples")).longValue());
        }

        private static double number(Map<String, Object> m, String key) {
            return ((Number) m.get(key)).doubleValue();
        }

        Totals plus(Totals o) { // Math.max keeps a NaN, as a blow-up should stay visible
            return new Totals(Math.max(max, o.max), Math.max(free, o.free), Math.max(nudged, o.nudged), o.threshold,
                    unconverged + o.unconverged, examples + o.examples);
        }

        void report(Report report, boolean warn) {
            RelaxationCheck.report(report, max, free, nudged, threshold, unconverged, examples, warn);
        }
    }

    private static double largest(double[] v) {
        double m = 0.0;
        for (double x : v) m = Math.max(m, x);
        return m;
    }

    /**
     * A gradient scenario's refusal: an estimate from states that are not at their fixed points is a
     * wrong number that looks right, so the run fails (exit 3) and says what to change.
     *
     * @param lambdaMax the largest eigenvalue of the energy's Hessian at the reference's free fixed point
     * @param dt        the run's time.dt
     */
    static void require(RunResult r, String what, double lambdaMax, double dt) {
        if (r.unconvergedExamples() == 0 && !Double.isNaN(r.residualMax())) return;
        var stats = r.relaxation();
        double free = largest(stats.freeMax());
        double nudged = largest(stats.nudgedMax());
        String cause = lambdaMax * dt > 2
                ? String.format("λ_max of the energy's Hessian at the free fixed point is %.3f, above 2/time.dt = %.3f, so explicit Euler "
                        + "oscillates about the fixed point instead of settling: use time.dt below %.3g (with proportionally more steps)",
                lambdaMax, 2 / dt, 2 / lambdaMax)
                : String.format("dt·λ_max = %.3f is stable, so the phases are too short to settle: raise time.free-steps / time.nudge-steps "
                        + "(or time.dt, up to %.3g)", lambdaMax * dt, 2 / lambdaMax);
        throw new RunFailed(String.format("the relaxation did not converge (%s): residual |ds/dt| %.3g at the end of the free phase, "
                        + "%.3g at the end of the nudged phase(s), threshold time.tolerance %.3g; the EP estimate would be wrong. %s",
                what, free, nudged, stats.threshold(), cause), null);
    }

    /**
     * Per-epoch relaxation statistics of a training run (one simulation, or one per epoch with
     * checkpoints): metrics.csv's relaxation_residual_max and unconverged_fraction columns. An epoch
     * done before a --resume has none (NaN).
     */
    static final class Epochs {
        private final double[] max;
        private final double[] free;
        private final double[] nudged;
        private final long[] unconverged;
        private final long[] examples;
        private double threshold = Double.NaN;

        Epochs(int epochs) {
            max = new double[epochs];
            java.util.Arrays.fill(max, Double.NaN);
            free = new double[epochs];
            nudged = new double[epochs];
            unconverged = new long[epochs];
            examples = new long[epochs];
        }

        /** A simulation's epochs (absolute indices, as its episodes say). */
        void add(RunResult r) {
            threshold = r.residualThreshold();
            java.util.Map<Integer, Integer> failed = r.unconvergedByEpoch();
            for (var e : r.episodes()) {
                if (e.epoch() >= max.length) continue;
                max[e.epoch()] = r.residualMax(e.epoch());
                int k = e.epoch() - r.relaxation().firstEpoch();
                if (k >= 0 && k < r.relaxation().freeMax().length) {
                    free[e.epoch()] = r.relaxation().freeMax()[k];
                    nudged[e.epoch()] = r.relaxation().nudgedMax()[k];
                }
                examples[e.epoch()] += e.count();
            }
            failed.forEach((epoch, n) -> {
                if (epoch < unconverged.length) unconverged[epoch] += n;
            });
        }

        /** An epoch done before a --resume: its figures from the checkpoint. */
        void restore(int e, io.synaptor.proto.EpochMetrics m) {
            max[e] = m.getRelaxationResidualMax();
            free[e] = m.getRelaxationResidualFreeMax();
            nudged[e] = m.getRelaxationResidualNudgedMax();
            unconverged[e] = m.getUnconverged();
            examples[e] = m.getChecked();
        }

        /** An epoch's figures for the checkpoint. */
        void save(int e, io.synaptor.proto.EpochMetrics.Builder m) {
            m.setRelaxationResidualMax(max[e]).setRelaxationResidualFreeMax(free[e]).setRelaxationResidualNudgedMax(nudged[e])
                    .setUnconverged(unconverged[e]).setChecked(examples[e]);
        }

        /** Forgets an epoch (the run goes back to a checkpoint before it). */
        void clear(int e) {
            max[e] = Double.NaN;
            free[e] = 0;
            nudged[e] = 0;
            unconverged[e] = 0;
            examples[e] = 0;
        }

        double max(int e) {
            return max[e];
        }

        /** The fraction of the epoch's examples (training and test) whose relaxation did not converge. */
        double unconvergedFraction(int e) {
            return examples[e] == 0 ? Double.NaN : (double) unconverged[e] / examples[e];
        }

        /** The summary keys and the warning, over the epochs measured. */
        void report(Report report) {
            double m = 0.0;
            double f = 0.0;
            double g = 0.0;
            long u = 0;
            long n = 0;
            for (int e = 0; e < max.length; e++) {
                if (examples[e] == 0) continue;
                m = Math.max(m, max[e]);
                f = Math.max(f, free[e]);
                g = Math.max(g, nudged[e]);
                u += unconverged[e];
                n += examples[e];
            }
            RelaxationCheck.report(report, m, f, g, threshold, u, n);
        }
    }
}
