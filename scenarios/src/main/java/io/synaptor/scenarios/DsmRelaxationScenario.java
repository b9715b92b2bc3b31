package io.synaptor.scenarios;

import io.synaptor.scenarios.report.Progress;
import io.synaptor.scenarios.report.Report;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Seed 000's finite-budget claim, measured (REFERENCES.md, "Thermodynamic diffusion with symmetric EP";
 * docs/scenarios.md#dsm-relaxation): "under realistic finite-relaxation budgets one-sided EqProp produces
 * anti-correlated gradients while symmetric EqProp yields well-aligned updates". On the diffusion
 * substrate ({@link DsmProbe}) the relaxation budget shrinks — the nudged phases, and with
 * relax.free-too the free phase as well — and the cosine of each estimator's DSM gradient (couplings,
 * self-energy parameters, biases) to the exact one is measured at a fixed β.
 */
public final class DsmRelaxationScenario implements Scenario {
    private static final Common.Defaults DEFAULTS = new Common.Defaults(List.of(2, 2), 800, 1, 0.05, false, 0.0, 1, 1, 0.25);

    @Override
    public String name() {
        return "dsm-relaxation";
    }

    @Override
    public String summary() {
        return "cosine of one-sided and symmetric EqProp to the exact DSM gradient on seed 000's substrate as the relaxation budget shrinks";
    }

    @Override
    public String description() {
        return """
                dsm-bias's substrate and example. For each budget of relax.budgets steps — every nudged phase,
                and with relax.free-too the free phase too — the actors run one-sided and symmetric EqProp at
                β = learning.beta, and the estimate of every parameter's DSM gradient (couplings, J₂ and J₄,
                biases) is compared with the dense reference's. Summary: budgets; cosine_one_sided and
                cosine_symmetric (lists over the budgets); cosine_one_sided_short, cosine_symmetric_short (the
                shortest budget), cosine_one_sided_long, cosine_symmetric_long (the longest). Plot:
                dsm_relaxation.png, cosine against the budget (log axis). metrics.csv: budget, rule, cosine,
                rel_error, relaxation_residual_max.""";
    }

    @Override
    public boolean runsOnCluster() {
        return false; // the substrate's units carry J₂ and J₄, which the cluster codec sends by model name only
    }

    @Override
    public List<Setting> settings() {
        List<Setting> s = new ArrayList<>(DsmProbe.settings(DEFAULTS, RelaxationCheck.GRADIENT_TOLERANCE, Set.of("time.nudge-steps")));
        s.add(Setting.intList("relax.budgets", List.of(800, 100, 30, 10), 1, 10_000_000,
                "relaxation budgets to measure, longest first (at least two)"));
        s.add(Setting.flag("relax.free-too", true,
                "the free phase gets the same budget (a finite total relaxation budget); false: the free phase is time.free-steps"));
        return s;
    }

    @Override
    public Report run(Settings s, long seed, Progress progress) {
        int[] budgets = s.getIntList("relax.budgets");
        if (budgets.length < 2) throw new BadInput("relax.budgets needs at least two budgets, got " + budgets.length);
        double beta = s.getDouble("learning.beta");
        GradientProbe probe = DsmProbe.probe(s, seed);
        double[] exact = DsmProbe.exactAll(probe);
        Report report = new Report(List.of("budget", "rule", "cosine", "rel_error", "relaxation_residual_max"));
        XYChart chart = new XYChartBuilder().width(640).height(480)
                .title("EqProp's DSM gradient under a finite relaxation budget (β = " + beta + ")")
                .xAxisTitle("steps per phase").yAxisTitle("cosine to the exact gradient").build();
        chart.getStyler().setXAxisLogarithmic(true);
        FiniteRelaxationScenario.Budgets grid = FiniteRelaxationScenario.Budgets.of(budgets);
        report.metric("budgets", grid.list()).metric("beta", beta);
        List<io.synaptor.actors.RunResult> results = grid.sweep(s, report, chart, progress, name(), DsmProbe.ESTIMATORS, (est, free, budget) -> {
            GradientProbe.Measurement m = probe.measure(s, seed, est, beta, false, free, budget, DsmProbe.monitor(probe));
            double[] estimate = DsmProbe.estimateAll(probe, m, DsmProbe.phases(est, beta, free, budget, seed), beta);
            return new FiniteRelaxationScenario.Point(GradientStats.cosine(estimate, exact), GradientStats.relativeError(estimate, exact), m.result());
        }, GradientProbe.Estimator::key, "%-10s cosine %.4f with %d steps per phase, %.6f with %d");
        report.metric("parameters", exact.length);
        // A cut-short relaxation is what this scenario measures: the residuals are reported, never refused or warned about.
        RelaxationCheck.report(report, results, false);
        report.plot("dsm_relaxation.png", chart);
        probe.export(report, name(), s, java.util.Map.of("budgets", grid.list(), "note",
                "each estimator and budget ran its own simulation from this net"));
        return report;
    }
}
