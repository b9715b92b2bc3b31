package io.synaptor.scenarios;

import io.synaptor.network.PhaseSchedule;
import io.synaptor.scenarios.report.Progress;
import io.synaptor.scenarios.report.Report;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Seed 000's bias claims, measured (REFERENCES.md, "Thermodynamic diffusion with symmetric EP";
 * docs/scenarios.md#dsm-bias): on the diffusion substrate ({@link DsmProbe}), the EqProp estimate of
 * the denoising-score-matching gradient by one-sided and by symmetric nudging, against the exact gradient
 * of the dense reference, over a geometric grid of β — the slopes of log relative error against log β
 * (one-sided O(β), symmetric O(β²)), separately for the coupling parameters and for the self-energy
 * parameters, and the ratio of their errors at the middle β (the bilinear corollary: one bias term
 * vanishes for couplings). The actors run one training episode per estimator and β; the relaxations are
 * long, and one that did not converge fails the run.
 */
public final class DsmBiasScenario implements Scenario {
    private static final Common.Defaults DEFAULTS = new Common.Defaults(List.of(2, 2), 800, 800, 0.01, false, 0.0, 1, 1, 0.25);

    @Override
    public String name() {
        return "dsm-bias";
    }

    @Override
    public String summary() {
        return "bias of one-sided and symmetric EqProp against the exact denoising-score-matching gradient on seed 000's substrate, vs β";
    }

    @Override
    public String description() {
        return """
                Seed 000's substrate (anharmonic units ½J₂s² + ¼J₄s⁴, bilinear couplings, encoder → transfer →
                decoder with a rank-k skip through bottleneck units), one example of the 2-D ring mixture noised
                at σ = dsm.sigma, loss ½‖x̂ − x₀‖² on the decoder. For each β of a geometric grid the actors run
                one-sided and symmetric (centered) EqProp; the estimates are compared with the dense reference's
                exact gradient, for all parameters and by group: the couplings W, the self-energy parameters (each
                free unit's J₂ and J₄, estimated from the unit's own states at the phases' ends) and the biases b.
                Summary: betas; rel_error_{one_sided,symmetric} and their _coupling, _self and _bias lists;
                slope_one_sided, slope_symmetric (all parameters) and slope_*_coupling, slope_*_self, slope_*_bias;
                bias_ratio_coupling_to_self (one-sided: the couplings' relative error over the self-energy
                parameters' at the middle β), bias_ratio_coupling_to_self_symmetric, bias_ratio_coupling_to_bias(_symmetric);
                cosine_* at the smallest β; bias_reading_check (the biases' estimate read back from the recorded
                states against the units' own: the phase ends are read right). Plot: dsm_bias.png, log-log relative
                error against β per group. metrics.csv: beta, rule, group, rel_error, cosine.""";
    }

    @Override
    public boolean runsOnCluster() {
        return false; // the substrate's units carry J₂ and J₄, which the cluster codec sends by model name only
    }

    @Override
    public List<Setting> settings() {
        List<Setting> s = new ArrayList<>(DsmProbe.settings(DEFAULTS, RelaxationCheck.GRADIENT_TOLERANCE, Set.of("learning.beta")));
        s.add(Setting.real("bias.beta-min", 0.002, 1e-6, 10.0, "smallest β of the grid"));
        s.add(Setting.real("bias.beta-max", 0.05, 1e-6, 10.0, "largest β of the grid"));
        s.add(Setting.integer("bias.points", 5, 2, 100, "points of the geometric β grid (odd: the middle β is a grid point)"));
        return s;
    }

    @Override
    public Report run(Settings s, long seed, Progress progress) {
        double[] betas = GradientBiasScenario.betaGrid(s);
        int points = betas.length;
        double lo = s.getDouble("bias.beta-min");
        double hi = s.getDouble("bias.beta-max");
        int middle = points / 2;

        GradientProbe probe = DsmProbe.probe(s, seed);
        int couplings = probe.weightCount();
        int biases = probe.free.length;
        double[] exact = DsmProbe.exactAll(probe); // couplings, then J₂ and J₄ of each free unit, then their biases
        int selfEnd = couplings + 2 * biases;
        Report report = new Report(List.of("beta", "rule", "group", "rel_error", "cosine"));
        XYChart chart = new XYChartBuilder().width(680).height(640).title("Bias of EqProp's DSM gradient on the bilinear substrate")
                .xAxisTitle("β").yAxisTitle("‖estimate − exact‖ / ‖exact‖").build();
        chart.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true).setXAxisDecimalPattern("0.###")
                .setYAxisDecimalPattern("0E0").setMarkerSize(8).setLegendPosition(Styler.LegendPosition.OutsideS);
        report.metric("betas", toList(betas));
        List<io.synaptor.actors.RunResult> results = new ArrayList<>();
        long messages = 0;
        double reading = 0;
        int freeSteps = s.getInt("time.free-steps");
        int nudgeSteps = s.getInt("time.nudge-steps");
        progress.start(name(), (long) points * DsmProbe.ESTIMATORS.size());
        try {
            for (GradientProbe.Estimator est : DsmProbe.ESTIMATORS) {
                double[] total = new double[points];
                double[] coupling = new double[points];
                double[] self = new double[points];
                double[] bias = new double[points];
                double[] cosine = new double[points];
                for (int k = 0; k < points; k++) {
                    GradientProbe.Measurement m = probe.measure(s, seed, est, betas[k], false, freeSteps, nudgeSteps, DsmProbe.monitor(probe));
                    probe.requireConverged(m, est.label() + " EqProp at β = " + String.format("%.3g", betas[k]));
                    results.add(m.result());
                    messages += m.result().messages();
                    PhaseSchedule phases = DsmProbe.phases(est, betas[k], freeSteps, nudgeSteps, seed);
                    double[] estimate = DsmProbe.estimateAll(probe, m, phases, betas[k]);
                    reading = Math.max(reading, maxRelativeDifference(DsmProbe.biasEstimate(probe, m.result().recording(),
                            phases.freeSampleTime(0), phases.pointSampleTime(0, 0), phases.counterNudgedSampleTime(0), betas[k]),
                            Arrays.copyOfRange(m.estimate(), couplings, probe.exact.length)));
                    total[k] = GradientStats.relativeError(estimate, exact);
                    cosine[k] = GradientStats.cosine(estimate, exact);
                    coupling[k] = DsmProbe.relError(estimate, exact, 0, couplings);
                    self[k] = DsmProbe.relError(estimate, exact, couplings, selfEnd);
                    bias[k] = DsmProbe.relError(estimate, exact, selfEnd, exact.length);
                    report.row(betas[k], est.key(), "all", total[k], cosine[k]);
                    report.row(betas[k], est.key(), "coupling", coupling[k], Double.NaN);
                    report.row(betas[k], est.key(), "self", self[k], Double.NaN);
                    report.row(betas[k], est.key(), "bias", bias[k], Double.NaN);
                    progress.step();
                }
                String key = est.key();
                double slope = GradientBiasScenario.slope(betas, total);
                report.metric("rel_error_" + key, toList(total)).metric("rel_error_" + key + "_coupling", toList(coupling))
                        .metric("rel_error_" + key + "_self", toList(self)).metric("rel_error_" + key + "_bias", toList(bias))
                        .metric("slope_" + key, slope)
                        .metric("slope_" + key + "_coupling", GradientBiasScenario.slope(betas, coupling))
                        .metric("slope_" + key + "_self", GradientBiasScenario.slope(betas, self))
                        .metric("slope_" + key + "_bias", GradientBiasScenario.slope(betas, bias))
                        .metric("cosine_" + key, cosine[0]);
                double ratio = coupling[middle] / self[middle];
                report.metric(key.equals("one_sided") ? "bias_ratio_coupling_to_self" : "bias_ratio_coupling_to_self_symmetric", ratio);
                report.metric(key.equals("one_sided") ? "bias_ratio_coupling_to_bias" : "bias_ratio_coupling_to_bias_symmetric",
                        coupling[middle] / bias[middle]);
                chart.addSeries(est.label() + ", couplings W", betas, coupling).setMarker(SeriesMarkers.CIRCLE);
                chart.addSeries(est.label() + ", self-energy J₂, J₄", betas, self).setMarker(SeriesMarkers.SQUARE);
                chart.addSeries(est.label() + ", biases b", betas, bias).setMarker(SeriesMarkers.TRIANGLE_UP);
                report.line(String.format("%-10s relative error %.2e … %.2e over β %.3g … %.3g: slope %.3f (couplings %.3f, self-energy %.3f, "
                                + "biases %.3f); at β = %.3g couplings / self-energy = %.3f, couplings / biases = %.3f",
                        est.label(), total[0], total[points - 1], lo, hi, slope, GradientBiasScenario.slope(betas, coupling),
                        GradientBiasScenario.slope(betas, self), GradientBiasScenario.slope(betas, bias), betas[middle], ratio,
                        coupling[middle] / bias[middle]));
            }
        } finally {
            progress.close();
        }
        report.metric("parameters", exact.length).metric("couplings", couplings).metric("self_energy_parameters", 2 * biases)
                .metric("biases", biases).metric("messages", messages).metric("hessian_lambda_max", probe.lambdaMax)
                .metric("loss", probe.loss).metric("bias_reading_check", reading);
        RelaxationCheck.report(report, results);
        report.plot("dsm_bias.png", chart);
        probe.export(report, name(), s, java.util.Map.of("beta", toList(betas), "note",
                "each estimator and β ran its own simulation from this net; metrics.csv's groups: coupling (W), self (J₂ then J₄ "
                        + "of each free unit), bias (b of each free unit)"));
        return report;
    }

    /** max_k |a_k − b_k| / max_k |b_k|: the states read back against the units' own estimate. */
    private static double maxRelativeDifference(double[] a, double[] b) {
        double d = 0;
        double m = 0;
        for (int k = 0; k < a.length; k++) {
            d = Math.max(d, Math.abs(a[k] - b[k]));
            m = Math.max(m, Math.abs(b[k]));
        }
        return d / m;
    }

    private static List<Double> toList(double[] v) {
        return Arrays.stream(v).boxed().toList();
    }
}
