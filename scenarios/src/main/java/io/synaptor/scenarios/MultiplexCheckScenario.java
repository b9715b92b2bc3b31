package io.synaptor.scenarios;

import io.synaptor.actors.RunResult;
import io.synaptor.scenarios.report.Progress;
import io.synaptor.scenarios.report.Report;
import io.synaptor.synapses.FrequencyPlan;
import io.synaptor.synapses.NudgeShape;
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
                others reach, or −1). Cross-talk (K ≥ 2), with the nudges turning continuously (one step per phase):
                task 0 at n cycles per window of n·crosstalk.period steps for each n of crosstalk.windows, task 1
                crosstalk.spacings bins above; crosstalk_grid (rows over spacings, columns over windows) of
                ‖ĝ₀(with task 1) − ĝ₀(alone)‖/‖g₀‖, crosstalk_max, crosstalk_window_slope (log-log, closest spacing),
                crosstalk_alone_error (task 0 alone against its exact gradient: the lag's error).
                Plots: multiplex_error.png, worst-task error against β, log-log; crosstalk.png, cross-talk against
                the window per spacing. metrics.csv: form, beta, task, rel_error, cosine (cross-talk rows: form
                crosstalk_spacing_<Δ>, task = the window in periods, rel_error = the cross-talk).""";
    }

    @Override
    public List<Setting> settings() {
        List<Setting> s = new ArrayList<>(MultiplexProbe.scenarioSettings());
        s.add(Setting.integer("crosstalk.period", 64, 4, 1_000_000, "cross-talk: task 0's period in steps, its nudge turning continuously (one step per phase)"));
        s.add(Setting.intValues("crosstalk.windows", List.of(1, 4, 16), 1, 100_000, "cross-talk: demodulation windows, in task 0's periods"));
        s.add(Setting.intValues("crosstalk.spacings", List.of(1, 2, 4), 1, 100_000, "cross-talk: task 1's frequency above task 0's, in the window's frequency bins (1/W)"));
        return s;
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
        if (tasks >= 2) crossTalk(report, s, seed, mx, headline);
        RelaxationCheck.report(report, results);
        report.plot("multiplex_error.png", chart);
        mx.probe.export(report, name(), s, java.util.Map.of("betas", Arrays.stream(betas).boxed().toList(),
                "note", "every form, β and reported task ran its own simulation from this net (form-major, then β, then task)"));
        return report;
    }

    /**
     * Cross-talk against frequency spacing and demodulation window, with the nudges turning continuously (one step
     * per phase, so the state lags them and task 1's onset leaves a transient in every frequency): task 0 at
     * n cycles per window of n·P steps, task 1 at n + Δ, complex nudges at |β|; task 0's demodulated estimate with
     * task 1 nudging against the same run with task 1's outputs free, over the norm of task 0's exact gradient.
     * The phases never settle, so these runs skip the relaxation check.
     */
    private static void crossTalk(Report report, Settings s, long seed, MultiplexProbe mx, double beta) {
        int period = s.getInt("crosstalk.period");
        int[] windows = s.getIntList("crosstalk.windows");
        int[] spacings = s.getIntList("crosstalk.spacings");
        int[] alone = new int[mx.taskOf.length];
        int[] pair = new int[mx.taskOf.length];
        for (int o = 0; o < alone.length; o++) {
            alone[o] = mx.taskOf[o] == 0 ? 0 : -1;
            pair[o] = mx.taskOf[o] <= 1 ? mx.taskOf[o] : -1;
        }
        double norm = Math.sqrt(Arrays.stream(mx.exact[0]).map(x -> x * x).sum());
        List<List<Double>> grid = new ArrayList<>();
        double[] lag = new double[windows.length];
        double worst = 0;
        XYChart chart = new XYChartBuilder().width(640).height(460).title("Cross-talk into task 0 (nudges turning continuously)")
                .xAxisTitle("demodulation window (task 0's periods)").yAxisTitle("‖ĝ₀(with task 1) − ĝ₀(alone)‖ / ‖g₀‖").build();
        chart.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true).setXAxisDecimalPattern("0").setYAxisDecimalPattern("0E0");
        for (int spacing : spacings) {
            double[] row = new double[windows.length];
            for (int w = 0; w < windows.length; w++) {
                int n = windows[w];
                int points = n * period;
                if (2 * (n + spacing) >= points) throw new BadInput("crosstalk: task 1 at " + (n + spacing) + " cycles needs more than " + 2 * (n + spacing)
                        + " steps per window; raise crosstalk.period");
                double[] one = continuous(s, seed, mx, new FrequencyPlan(new int[]{n}, alone, true), points, beta);
                double[] two = continuous(s, seed, mx, new FrequencyPlan(new int[]{n, n + spacing}, pair, true).reporting(0), points, beta);
                double diff = 0;
                for (int p = 0; p < one.length; p++) diff += (two[p] - one[p]) * (two[p] - one[p]);
                row[w] = Math.sqrt(diff) / norm;
                lag[w] = GradientStats.relativeError(one, mx.exact[0]);
                worst = Math.max(worst, row[w]);
                report.row("crosstalk_spacing_" + spacing, beta, n, row[w], GradientStats.cosine(two, mx.exact[0]));
            }
            grid.add(Arrays.stream(row).boxed().toList());
            chart.addSeries("spacing " + spacing + " bin" + (spacing == 1 ? "" : "s"), Arrays.stream(windows).asDoubleStream().toArray(), row);
            report.line(String.format(Locale.ROOT, "cross-talk into task 0, task 1 %d bin%s above, windows of %s periods: %s", spacing,
                    spacing == 1 ? "" : "s", Arrays.toString(windows), format(row)));
        }
        report.line(String.format(Locale.ROOT, "task 0 alone, the same windows (the lag's error): %s", format(lag)));
        report.metric("crosstalk_windows", Arrays.stream(windows).boxed().toList()).metric("crosstalk_spacings", Arrays.stream(spacings).boxed().toList())
                .metric("crosstalk_grid", grid).metric("crosstalk_max", worst).metric("crosstalk_alone_error", Arrays.stream(lag).boxed().toList())
                .metric("crosstalk_period", period);
        if (windows.length > 1) { // how the closest spacing's cross-talk falls with the window: a transient spread over W steps
            double[] w = Arrays.stream(windows).asDoubleStream().toArray();
            double[] first = grid.get(0).stream().mapToDouble(Double::doubleValue).toArray();
            report.metric("crosstalk_window_slope", GradientBiasScenario.slope(w, first));
        }
        report.plot("crosstalk.png", chart);
    }

    /** One episode with the nudges turning one phase per step; the synapses' report (task 0's demodulator). */
    private static double[] continuous(Settings s, long seed, MultiplexProbe mx, FrequencyPlan plan, int points, double beta) {
        GradientProbe.Estimator est = new GradientProbe.Estimator("multiplexed", NudgeShape.multiplex(points, plan), "crosstalk", "cross-talk");
        return mx.probe.measure(s, seed, est, beta, false, s.getInt("time.free-steps"), 1).estimate();
    }

    private static String format(double[] v) {
        StringBuilder b = new StringBuilder();
        for (double x : v) b.append(b.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2e", x));
        return b.toString();
    }
}
