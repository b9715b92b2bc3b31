package io.synaptor.scenarios;

import io.synaptor.actors.RunResult;
import io.synaptor.scenarios.report.Progress;
import io.synaptor.scenarios.report.Report;
import io.synaptor.synapses.FrequencyPlan;
import io.synaptor.synapses.RunningAverageHebbian;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Is the phase reference needed? (seed 003; docs/scenarios.md#running-average.) multiplex-check's tasks, nudged
 * at once by real oscillations β cos ω_kτ, learned by two synapse-local rules: the demodulated one
 * ({@link io.synaptor.synapses.MultiplexedEP}, each task's phase read from the synapse's clock) and the talk's rule
 * as stated, ρ_iρ_j minus its running average with no phase reference ({@link RunningAverageHebbian}); each
 * rule's update against the exact gradient of the tasks' summed loss.
 */
public final class RunningAverageScenario implements Scenario {
    @Override
    public String name() {
        return "running-average";
    }

    @Override
    public String summary() {
        return "seed 003's rule as stated (ρ_iρ_j minus its running average, no phase reference) vs the demodulated rule, against the exact gradient";
    }

    @Override
    public String description() {
        return """
                multiplex-check's net, tasks and example (multiplex.*), every task nudging at once with a real
                oscillation β cos 2πm_kτ/W through W phases of T2 steps after the free phase. Two rules learn from the
                same episode: demodulated (each synapse multiplies ρ_iρ_j by each task's cos ω_kτ, read from its own
                clock, and sums: −(2/(Wβ)) Σ_k Σ_τ ρ_iρ_j(τ) cos ω_kτ) and the talk's rule as stated (ρ_iρ_j minus its
                running average over the last 8 samples, starting at the free state's, summed over the window and
                scaled alike, −(2/(Wβ)) Σ_τ [ρ_iρ_j(τ) − a_τ] — no phase reference). Each update, weights and
                biases, is compared with the exact gradient of the tasks' summed loss (dense reference). The window
                ends where every task's oscillation is at phase 0 (…_locked: for every β of multiplex.betas and
                learning.beta); a synapse without a phase reference cannot know where that is, so the episode is
                run again with every nudge advanced by j·W/8 phases (j = 0 … 7) at learning.beta, and the mean of
                the eight updates is what such a synapse learns on average. Summary: cosine_demodulated,
                cosine_running_average (the mean update's cosine to the exact gradient), norm_ratio_<rule> (its norm
                over the gradient's), cosine_<rule>_by_shift, cosine_<rule>_locked, rel_error_<rule>_locked,
                norm_ratio_<rule>_locked (at learning.beta), cosine_<rule>_by_beta, rel_error_<rule>_by_beta
                (window locked), window, betas. Plot: running_average.png, each rule's cosine against β (locked).
                metrics.csv: rule (…_shift_<phases> for the shifted runs), beta, cosine, rel_error, norm_ratio.""";
    }

    @Override
    public List<Setting> settings() {
        return MultiplexProbe.scenarioSettings();
    }

    @Override
    public Report run(Settings s, long seed, Progress progress) {
        MultiplexProbe mx = new MultiplexProbe(s, seed, name());
        FrequencyPlan plan = mx.plan(mx.harmonics, false);
        double headline = s.getDouble("learning.beta");
        double[] betas = MultiplexProbe.betas(s);
        int centre = Arrays.binarySearch(betas, headline);
        double exactNorm = norm(mx.exactSum);

        Report report = new Report(List.of("rule", "beta", "cosine", "rel_error", "norm_ratio"));
        XYChart chart = new XYChartBuilder().width(640).height(460).title("Is the phase reference needed?")
                .xAxisTitle("β").yAxisTitle("cosine to the exact gradient").build();
        chart.getStyler().setXAxisLogarithmic(true).setXAxisDecimalPattern("0.###").setYAxisMin(-1.0).setYAxisMax(1.0)
                .setLegendPosition(Styler.LegendPosition.InsideSW);
        List<RunResult> results = new ArrayList<>();
        progress.start(name(), 2L * betas.length);
        try {
            for (String rule : List.of("multiplexed", "running-average")) {
                String key = rule.equals("multiplexed") ? "demodulated" : "running_average";
                double[] cos = new double[betas.length];
                double[] err = new double[betas.length];
                double[] ratio = new double[betas.length];
                for (int b = 0; b < betas.length; b++) {
                    GradientProbe.Measurement m = mx.measureTotal(s, seed, rule, plan, betas[b], rule);
                    results.add(m.result());
                    cos[b] = GradientStats.cosine(m.estimate(), mx.exactSum);
                    err[b] = GradientStats.relativeError(m.estimate(), mx.exactSum);
                    ratio[b] = norm(m.estimate()) / exactNorm;
                    report.row(key, betas[b], cos[b], err[b], ratio[b]);
                    progress.step();
                }
                report.metric("cosine_" + key + "_locked", cos[centre]).metric("rel_error_" + key + "_locked", err[centre])
                        .metric("cosine_" + key + "_by_beta", Arrays.stream(cos).boxed().toList())
                        .metric("rel_error_" + key + "_by_beta", Arrays.stream(err).boxed().toList());
                report.metric("norm_ratio_" + key + "_locked", ratio[centre]);
                chart.addSeries(rule.equals("multiplexed") ? "demodulated (phase reference)" : "running average (no phase reference)", betas, cos)
                        .setMarker(rule.equals("multiplexed") ? SeriesMarkers.CIRCLE : SeriesMarkers.SQUARE);
                report.line(String.format(Locale.ROOT, "%-16s cosine to the exact gradient %s; at β = %.3g: cosine %.4f, relative error %.3g, norm %.3g of the gradient's",
                        key.replace('_', ' ') + ":", format(cos), headline, cos[centre], err[centre], ratio[centre]));
            }
        } finally {
            progress.close();
        }
        // Where the window ends in each task's oscillation: the runs above end at every task's phase 0, which a synapse
        // without a phase reference cannot know; shifting the nudges by j·W/8 phases (j = 0 … 7) moves the end around
        // the oscillation, and the mean over the shifts is what such a synapse learns on average.
        int shifts = 8;
        double[][] mean = new double[2][mx.exactSum.length];
        double[][] shiftedCos = new double[2][shifts];
        progress.start(name() + " (phase shifts)", 2L * shifts);
        try {
            for (int j = 0; j < shifts; j++) {
                int offset = j * mx.points / shifts;
                for (int r = 0; r < 2; r++) {
                    String rule = r == 0 ? "multiplexed" : "running-average";
                    GradientProbe.Measurement m = mx.measureTotal(s, seed, rule, plan.shifted(offset), headline, rule + ", shifted by " + offset + " phases");
                    results.add(m.result());
                    shiftedCos[r][j] = GradientStats.cosine(m.estimate(), mx.exactSum);
                    for (int p = 0; p < mean[r].length; p++) mean[r][p] += m.estimate()[p] / shifts;
                    report.row((r == 0 ? "demodulated" : "running_average") + "_shift_" + offset, headline, shiftedCos[r][j],
                            GradientStats.relativeError(m.estimate(), mx.exactSum), norm(m.estimate()) / exactNorm);
                    progress.step();
                }
            }
        } finally {
            progress.close();
        }
        for (int r = 0; r < 2; r++) {
            String key = r == 0 ? "demodulated" : "running_average";
            double cosMean = GradientStats.cosine(mean[r], mx.exactSum);
            report.metric("cosine_" + key, cosMean)
                    .metric("norm_ratio_" + key, norm(mean[r]) / exactNorm)
                    .metric("cosine_" + key + "_by_shift", Arrays.stream(shiftedCos[r]).boxed().toList());
            report.line(String.format(Locale.ROOT, "%-16s with the window ending at 8 places in the oscillations: cosines %s; their mean update: cosine %.4f, norm %.3g of the gradient's",
                    key.replace('_', ' ') + ":", format(shiftedCos[r]), cosMean, norm(mean[r]) / exactNorm));
        }
        report.metric("window", RunningAverageHebbian.Provider.WINDOW).metric("beta", headline).metric("betas", Arrays.stream(betas).boxed().toList())
                .metric("harmonics", Arrays.stream(mx.harmonics).boxed().toList()).metric("tasks", mx.tasks()).metric("points", mx.points)
                .metric("parameters", mx.probe.exact.length);
        RelaxationCheck.report(report, results);
        report.plot("running_average.png", chart);
        mx.probe.export(report, name(), s, java.util.Map.of("betas", Arrays.stream(betas).boxed().toList(),
                "note", "each rule and β ran its own simulation from this net (rule-major)"));
        return report;
    }

    private static double norm(double[] v) {
        double n = 0;
        for (double x : v) n += x * x;
        return Math.sqrt(n);
    }

    private static String format(double[] v) {
        StringBuilder b = new StringBuilder();
        for (double x : v) b.append(b.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4f", x));
        return b.toString();
    }
}
