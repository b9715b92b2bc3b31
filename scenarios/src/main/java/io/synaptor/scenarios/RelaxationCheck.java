package io.synaptor.scenarios;

import io.synaptor.actors.RunResult;
import io.synaptor.network.RelaxationResidual;

import java.util.List;

/**
 * What the scenarios make of the units' relaxation check ({@link RelaxationResidual}, issue 17):
 * the time.tolerance setting, the summary keys, the one-line warning, and — for the scenarios
 * whose number is only right at the fixed point (gradient-check, gradient-bias) — the refusal
 * (exit 3) of a run whose relaxation did not converge.
 */
final class RelaxationCheck {
    private RelaxationCheck() {
    }

    static final Setting TOLERANCE = Setting.real("time.tolerance", RelaxationResidual.DEFAULT_TOLERANCE, 1e-15, 1e6,
            "relaxation check: the largest residual |ds/dt| a unit may have at the end of a free or nudged phase "
                    + "(at T > 0 raised by 6·√(2T/dt)); above it the example counts as unconverged");

    /** What to change when a relaxation did not converge. */
    static final String REMEDY = "try a smaller time.dt (explicit Euler oscillates when dt·λ_max > 2) "
            + "or more time.free-steps / time.nudge-steps";

    /** The summary keys all network scenarios share, and a warning if an example did not converge. */
    static void report(Report report, double residualMax, double threshold, long unconverged, long examples) {
        report.metric("relaxation_residual_max", residualMax)
                .metric("relaxation_threshold", threshold)
                .metric("unconverged_examples", unconverged)
                .metric("checked_examples", examples);
        String warning = unconverged > 0 || Double.isNaN(residualMax)
                ? String.format("the relaxation did not converge in %d of %d examples (largest residual |ds/dt| %.3g, threshold %.3g); "
                        + "results from unconverged states are unreliable: %s", unconverged, examples, residualMax, threshold, REMEDY)
                : "";
        report.metric("relaxation_warning", warning);
        if (!warning.isEmpty()) report.warning(warning);
    }

    /** The keys and warning for a set of runs (each example counted once per run). */
    static void report(Report report, List<RunResult> results) {
        double max = 0.0;
        double threshold = Double.NaN;
        long unconverged = 0;
        long examples = 0;
        for (RunResult r : results) {
            max = Math.max(max, r.residualMax());
            threshold = r.residualThreshold();
            unconverged += r.unconvergedExamples();
            examples += r.episodes().stream().mapToLong(e -> e.count()).sum();
        }
        report(report, max, threshold, unconverged, examples);
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
        double free = 0;
        double nudged = 0;
        for (double v : stats.freeMax()) free = Math.max(free, v);
        for (double v : stats.nudgedMax()) nudged = Math.max(nudged, v);
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
}
