package io.synaptor.scenarios;

import io.synaptor.actors.RunResult;
import io.synaptor.scenarios.report.Progress;
import io.synaptor.scenarios.report.Report;
import io.synaptor.synapses.FrequencyPlan;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Several tasks learned at once in one substrate, each nudging its own outputs at its own frequency and
 * demodulated by every synapse (seed 003's concurrent-learning hypothesis; {@link FrequencyPlan},
 * {@link io.synaptor.synapses.MultiplexedEP}; docs/scenarios.md#multiplex-check): one random layered net, its
 * outputs split into K tasks, one example; the actors run one training episode with every task nudging at
 * once, and each task's demodulated estimate is compared with that task's exact gradient alone (the dense
 * reference at the same free fixed point, the other tasks' outputs out of the loss) — for complex nudges, for
 * real (cosine) ones, and for harmonics that break the frequency rule (m_k = (k + 1)·m_1).
 */
public final class MultiplexCheckScenario implements Scenario {
    /** The three frequency sets the check runs, by key. */
    private enum Form {
        COMPLEX("complex", "complex nudges, rule-abiding harmonics"),
        REAL("real", "real (cosine) nudges, rule-abiding harmonics"),
        RULE_BREAKING("rule_breaking", "complex nudges, m_k = (k + 1)·m_1 (breaks the rule)");

        final String key;
        final String label;

        Form(String key, String label) {
            this.key = key;
            this.label = label;
        }
    }

    @Override
    public String name() {
        return "multiplex-check";
    }

    @Override
    public String summary() {
        return "K tasks nudged at once at their own frequencies: each synapse's demodulated per-task gradient vs the exact one, complex, real and rule-breaking";
    }

    @Override
    public String description() {
        return """
                The gradient-check net (a random layered net, biases in ±0.5, one example) with its outputs split
                into multiplex.tasks groups of consecutive units: task k's targets. After the free phase (T1 steps)
                every task nudges at once through multiplex.points phases of T2 steps: in phase τ task k's outputs
                feel β·e^{2πi m_kτ/W} (complex, holomorphic units) or β·cos 2πm_kτ/W (real). Each synapse keeps one
                demodulator per task, ĝ_k = −(c/(Wβ)) Σ_τ Re[ρ_iρ_j(τ) e^{−2πi m_kτ/W}] (c = 1 complex, 2 real), and
                learns Σ_k ĝ_k. Each task's estimate is compared with its exact gradient alone (the dense reference
                at the same free fixed point, only task k's outputs in the loss). Harmonics: multiplex.harmonics, or
                by default m_k = K + 2 + k (all in (K + 1, 2K + 2): no m_k is a non-negative integer combination of
                the others); the rule-breaking set m_k = (k + 1)·m_1. β runs over multiplex.betas and learning.beta.
                Summary: rel_error_complex_max (worst task, complex, at learning.beta), rel_error_real_max,
                rel_error_rule_breaking (the same for the rule-breaking set), slope_real (least-squares slope of the
                real form's worst-task error against β), slope_rule_breaking, rel_error_<form>_by_beta (the worst task over betas),
                rel_error_sum_complex (the summed update against the sum of the exact gradients), harmonics,
                rule_breaking_harmonics, betas, breaks_rule (the first task of multiplex.harmonics whose harmonic the
                others reach, or −1). Plot: multiplex_error.png, worst-task error against β, log-log.
                metrics.csv: form, beta, task, rel_error, cosine.""";
    }

    @Override
    public List<Setting> settings() {
        return MultiplexProbe.scenarioSettings();
    }

    @Override
    public Report run(Settings s, long seed, Progress progress) {
        MultiplexProbe mx = new MultiplexProbe(s, seed, name());
        int tasks = mx.tasks();
        int[] breaking = new int[tasks];
        for (int k = 0; k < tasks; k++) breaking[k] = (k + 1) * mx.harmonics[0];
        mx.plan(breaking, true);
        double headline = s.getDouble("learning.beta");
        double[] betas = MultiplexProbe.betas(s);
        int centre = Arrays.binarySearch(betas, headline);

        Report report = new Report(List.of("form", "beta", "task", "rel_error", "cosine"));
        XYChart chart = new XYChartBuilder().width(680).height(640).title("Per-task gradient of multiplexed EP, worst task")
                .xAxisTitle("|β|").yAxisTitle("‖estimate − exact‖ / ‖exact‖ (worst task)").build();
        chart.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true).setXAxisDecimalPattern("0.###")
                .setYAxisDecimalPattern("0E0").setMarkerSize(9).setLegendPosition(Styler.LegendPosition.OutsideS);
        List<RunResult> results = new ArrayList<>();
        long messages = 0;
        progress.start(name(), (long) Form.values().length * betas.length);
        try {
            for (Form form : Form.values()) {
                FrequencyPlan plan = mx.plan(form == Form.RULE_BREAKING ? breaking : mx.harmonics, form != Form.REAL);
                double[] worst = new double[betas.length];
                double[] sumError = new double[betas.length];
                for (int b = 0; b < betas.length; b++) {
                    MultiplexProbe.PerTask m = mx.measure(s, seed, plan, betas[b], form.label);
                    double[] sum = new double[mx.exactSum.length];
                    for (int k = 0; k < tasks; k++) {
                        report.row(form.key, betas[b], k, m.relErrors()[k], m.cosines()[k]);
                        for (int p = 0; p < sum.length; p++) sum[p] += m.estimates()[k][p];
                    }
                    for (RunResult r : m.results()) messages += r.messages();
                    results.addAll(m.results());
                    worst[b] = m.worstError();
                    sumError[b] = GradientStats.relativeError(sum, mx.exactSum);
                    progress.step();
                }
                double slope = betas.length > 1 ? GradientBiasScenario.slope(betas, worst) : Double.NaN;
                report.metric("rel_error_" + form.key + "_by_beta", Arrays.stream(worst).boxed().toList())
                        .metric("rel_error_" + form.key + (form == Form.RULE_BREAKING ? "" : "_max"), worst[centre])
                        .metric("rel_error_sum_" + form.key, sumError[centre]);
                if (form != Form.COMPLEX) report.metric("slope_" + form.key, slope);
                chart.addSeries(String.format(Locale.ROOT, "%s (slope %.2f)", form.label, slope), betas, worst).setMarker(
                        form == Form.COMPLEX ? SeriesMarkers.CIRCLE : form == Form.REAL ? SeriesMarkers.SQUARE : SeriesMarkers.DIAMOND);
                report.line(String.format(Locale.ROOT, "%-52s worst task's relative error %s; at β = %.3g: %.2e (summed update %.2e)%s",
                        form.label + " " + Arrays.toString(plan.harmonics()) + ":", format(worst), headline, worst[centre], sumError[centre],
                        form == Form.COMPLEX ? "" : String.format(Locale.ROOT, "; slope %.2f", slope)));
            }
        } finally {
            progress.close();
        }
        for (XYSeries series : chart.getSeriesMap().values()) series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        int breaks = mx.plan(mx.harmonics, true).breaksRule();
        report.metric("harmonics", Arrays.stream(mx.harmonics).boxed().toList()).metric("rule_breaking_harmonics", Arrays.stream(breaking).boxed().toList())
                .metric("breaks_rule", breaks).metric("beta", headline).metric("betas", Arrays.stream(betas).boxed().toList()).metric("tasks", tasks)
                .metric("points", mx.points).metric("task_of_output", Arrays.stream(mx.taskOf).boxed().toList())
                .metric("parameters", mx.probe.exact.length).metric("messages", messages).metric("hessian_lambda_max", mx.probe.lambdaMax);
        if (breaks >= 0) {
            report.line("note: multiplex.harmonics break the frequency rule: task " + breaks
                    + "'s harmonic is a sum of the others', so its estimate picks up their higher orders");
        }
        RelaxationCheck.report(report, results);
        report.plot("multiplex_error.png", chart);
        mx.probe.export(report, name(), s, java.util.Map.of("betas", Arrays.stream(betas).boxed().toList(),
                "note", "every form, β and reported task ran its own simulation from this net (form-major, then β, then task)"));
        return report;
    }

    private static String format(double[] v) {
        StringBuilder b = new StringBuilder();
        for (double x : v) b.append(b.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2e", x));
        return b.toString();
    }
}
