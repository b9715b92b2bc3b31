package io.synaptor.scenarios;

import io.synaptor.scenarios.report.Progress;
import io.synaptor.scenarios.report.Report;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a finite relaxation budget does to the EP estimators (seed 000: "under a finite relaxation
 * budget one-sided EP gives anti-correlated gradients, symmetric gives aligned ones"): the free
 * phase is converged, the nudged phase(s) get shorter and shorter, and the cosine between each
 * rule's estimate and the exact gradient is measured at a fixed, moderate β.
 */
public final class FiniteRelaxationScenario implements Scenario {
    private static final Common.Defaults DEFAULTS =
            new Common.Defaults(List.of(4, 8, 6, 3), 1600, 1, 0.1, false, 0.0, 1, 1);

    @Override
    public String name() {
        return "finite-relaxation";
    }

    @Override
    public String summary() {
        return "cosine of one-sided, centered and holomorphic EP to the exact gradient as the relaxation budget shrinks";
    }

    @Override
    public String description() {
        return """
                The gradient-check net and example. The free phase relaxes to convergence (time.free-steps);
                the nudged phase — for centered EP each of the +β and −β phases, for holomorphic EP each of
                its N points — lasts each budget of relax.budgets steps, from converged down to a few, at
                β = learning.beta. For each budget and estimator the actors' estimate is compared with the
                exact gradient. Summary: budgets; cosine_one_sided, cosine_centered, cosine_holo_n2/_n4/_n8
                (lists over the budgets); cosine_*_short (the shortest budget) and cosine_*_long (the
                longest). Plot: finite_relaxation.png, cosine against nudge steps (log axis).
                metrics.csv: nudge_steps, rule, cosine, rel_error.""";
    }

    @Override
    public List<Setting> settings() {
        Set<String> unused = Set.of("learning.rule", "time.nudge-steps");
        List<Setting> s = new ArrayList<>(Common.networkSettings(DEFAULTS, RelaxationCheck.GRADIENT_TOLERANCE).stream()
                .filter(x -> !unused.contains(x.path()) && !Common.HOLOMORPHIC_KEYS.contains(x.path())).toList());
        s.add(Setting.intList("relax.budgets", List.of(1600, 200, 50, 20, 10, 5, 2), 1, 10_000_000,
                "nudged-phase lengths to measure, longest first (at least two)"));
        s.add(Setting.flag("relax.free-too", true,
                "the free phase gets the same budget (a finite total relaxation budget); false: the free phase is time.free-steps"));
        return s;
    }

    @Override
    public Report run(Settings s, long seed, Progress progress) {
        int[] budgets = s.getIntList("relax.budgets");
        double beta = s.getDouble("learning.beta");
        GradientProbe probe = new GradientProbe(s, seed, name());
        Report report = new Report(List.of("nudge_steps", "rule", "cosine", "rel_error", "relaxation_residual_max"));
        XYChart chart = new XYChartBuilder().width(640).height(480)
                .title("EP estimate vs exact gradient under a finite nudge budget (β = " + beta + ")")
                .xAxisTitle("steps per nudged phase").yAxisTitle("cosine to the exact gradient").build();
        chart.getStyler().setXAxisLogarithmic(true);
        Budgets grid = Budgets.of(budgets);
        report.metric("budgets", grid.list()).metric("beta", beta);
        boolean randomSign = s.getBoolean("learning.random-sign");
        List<io.synaptor.actors.RunResult> results = grid.sweep(s, report, chart, progress, name(), GradientProbe.ESTIMATORS, (est, free, budget) -> {
            GradientProbe.Measurement m = probe.measure(s, seed, est, beta, randomSign, free, budget);
            return new Point(m.cosine(), m.relError(), m.result());
        }, GradientProbe.Estimator::label, "%-15s cosine %.4f with %d nudge steps, %.6f with %d");
        long messages = results.stream().mapToLong(io.synaptor.actors.RunResult::messages).sum();
        report.metric("parameters", probe.exact.length).metric("messages", messages);
        // A cut-short relaxation is what this scenario measures: the residuals are reported, never refused or warned about.
        RelaxationCheck.report(report, results, false);
        report.plot("finite_relaxation.png", chart);
        probe.export(report, name(), s, java.util.Map.of("nudge_steps", grid.list(), "note",
                "every estimator and budget ran its own simulation from this net (monitor.npz's simulation: estimator-major, budget-minor)"));
        return report;
    }

    /** One estimator at one budget: its cosine and relative error to the exact gradient, and the run. */
    record Point(double cosine, double relError, io.synaptor.actors.RunResult result) {
    }

    /** How a scenario measures one estimator with {@code free} free-phase and {@code budget} nudged-phase steps. */
    @FunctionalInterface
    interface Measure {
        Point at(GradientProbe.Estimator estimator, int free, int budget);
    }

    /** A list of relaxation budgets: as a plot axis, as a summary list, and where its shortest and longest are. */
    record Budgets(int[] budgets, double[] axis, List<Integer> list, int shortest, int longest) {
        static Budgets of(int[] budgets) {
            double[] x = new double[budgets.length];
            List<Integer> list = new ArrayList<>();
            int shortest = 0;
            int longest = 0;
            for (int k = 0; k < budgets.length; k++) {
                x[k] = budgets[k];
                list.add(budgets[k]);
                if (budgets[k] < budgets[shortest]) shortest = k;
                if (budgets[k] > budgets[longest]) longest = k;
            }
            return new Budgets(budgets.clone(), x, List.copyOf(list), shortest, longest);
        }

        /**
         * Every estimator at every budget, in order (the free phase as long as the nudged one with relax.free-too,
         * else time.free-steps): a metrics row each (the estimator named by {@code label}), the metrics cosine_KEY,
         * cosine_KEY_short and cosine_KEY_long, a series each on the chart, and a line each ({@code line} takes the
         * estimator's label, then the cosine and budget at the shortest and at the longest); returns the runs.
         */
        List<io.synaptor.actors.RunResult> sweep(Settings s, Report report, XYChart chart, Progress progress, String name,
                                                 List<GradientProbe.Estimator> estimators, Measure measure,
                                                 java.util.function.Function<GradientProbe.Estimator, String> label, String line) {
            List<io.synaptor.actors.RunResult> results = new ArrayList<>();
            progress.start(name, (long) budgets.length * estimators.size());
            try {
                for (GradientProbe.Estimator est : estimators) {
                    double[] cos = new double[budgets.length];
                    for (int k = 0; k < budgets.length; k++) {
                        int free = s.getBoolean("relax.free-too") ? budgets[k] : s.getInt("time.free-steps");
                        Point p = measure.at(est, free, budgets[k]);
                        cos[k] = p.cosine();
                        report.row(budgets[k], label.apply(est), cos[k], p.relError(), p.result().residualMax());
                        results.add(p.result());
                        progress.step();
                    }
                    report.metric("cosine_" + est.key(), java.util.Arrays.stream(cos).boxed().toList())
                            .metric("cosine_" + est.key() + "_short", cos[shortest])
                            .metric("cosine_" + est.key() + "_long", cos[longest]);
                    chart.addSeries(est.label(), axis, cos).setMarker(SeriesMarkers.CIRCLE);
                    report.line(String.format(line, est.label(), cos[shortest], budgets[shortest], cos[longest], budgets[longest]));
                }
            } finally {
                progress.close();
            }
            return results;
        }
    }
}
