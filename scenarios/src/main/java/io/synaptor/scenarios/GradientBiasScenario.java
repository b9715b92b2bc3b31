package io.synaptor.scenarios;

import io.synaptor.scenarios.report.Progress;
import io.synaptor.scenarios.report.Report;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The bias of each EP estimator as a function of β (Laborieux et al. 2021, Fig. 2; Laborieux &amp;
 * Zenke 2022): one random layered net, the exact gradient from the reference, and for β on a
 * geometric grid the relative error of the synapses' one-sided, centered and holomorphic (N points)
 * estimates, with the slopes of log error against log β fitted by least squares — about 1 for
 * one-sided (bias O(β)), about 2 for centered (O(β²)), N for holomorphic until it reaches the floor.
 * The relaxations are long (1600 steps) so that the error left by finite relaxation stays far below
 * the smallest bias measured; beyond β ≈ 0.1 higher orders take over and the slopes steepen.
 * The step is dt = 0.25, as gradient-check's ({@link GradientCheckScenario}: explicit Euler needs
 * dt·λ_max(H) &lt; 2, and λ_max reaches 4.04 on these nets); a relaxation that did not converge fails
 * the run (exit 3, {@link RelaxationCheck}).
 */
public final class GradientBiasScenario implements Scenario {
    private static final Common.Defaults DEFAULTS =
            new Common.Defaults(List.of(4, 8, 6, 3), 1600, 1600, 0.01, false, 0.0, 1, 1, 0.25);

    @Override
    public String name() {
        return "gradient-bias";
    }

    @Override
    public String summary() {
        return "relative error of one-sided, centered and holomorphic EP (N = 2, 4, 8) against β, log-log, with fitted slopes";
    }

    @Override
    public String description() {
        return """
                The gradient-check net and example (a random layered net, biases in ±0.5, one example). For
                each β of a geometric grid from bias.beta-min to bias.beta-max the actors run one training
                episode per estimator — one-sided EP (+β), centered EP (+β, then −β from the free state) and
                holomorphic EP with N = 2, 4, 8 complex nudges β·e^{2πik/N} — and the synapses' estimates are
                compared with the exact gradient of the dense reference. Summary: betas; rel_error_one_sided,
                rel_error_centered, rel_error_holo_n2/_n4/_n8 (lists over the grid); slope_* of each
                (least-squares slope of log error against log β); round_off_* (every error below 1e-10: no slope);
                holo_rel_error_n2/_n4/_n8 at the largest β.
                Plot: gradient_bias.png, log-log error against β. metrics.csv: beta, rule, rel_error, cosine.""";
    }

    @Override
    public List<Setting> settings() {
        Set<String> unused = Set.of("learning.beta", "learning.rule", "learning.random-sign");
        List<Setting> s = new ArrayList<>(Common.networkSettings(DEFAULTS, RelaxationCheck.GRADIENT_TOLERANCE).stream()
                .filter(x -> !unused.contains(x.path()) && !Common.HOLOMORPHIC_KEYS.contains(x.path())).toList());
        s.add(Setting.real("bias.beta-min", 0.002, 1e-6, 10.0, "smallest β of the grid"));
        s.add(Setting.real("bias.beta-max", 0.05, 1e-6, 10.0, "largest β of the grid"));
        s.add(Setting.integer("bias.points", 6, 2, 100, "points of the geometric β grid"));
        return s;
    }

    @Override
    public Report run(Settings s, long seed, Progress progress) {
        double[] betas = betaGrid(s);
        int points = betas.length;
        double lo = s.getDouble("bias.beta-min");
        double hi = s.getDouble("bias.beta-max");

        GradientProbe probe = new GradientProbe(s, seed, name());
        Report report = new Report(List.of("beta", "rule", "rel_error", "cosine"));
        XYChart chart = new XYChartBuilder().width(680).height(640).title("Bias of the EP gradient estimate")
                .xAxisTitle("β").yAxisTitle("‖estimate − exact‖ / ‖exact‖").build();
        // Whole decades on both log axes, so each shows several labelled ticks (β spans less than two).
        chart.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true)
                .setXAxisMin(Math.pow(10, Math.floor(Math.log10(lo)))).setXAxisMax(Math.pow(10, Math.ceil(Math.log10(hi))))
                .setXAxisDecimalPattern("0.###").setYAxisDecimalPattern("0E0").setMarkerSize(9)
                .setLegendPosition(Styler.LegendPosition.OutsideS);
        report.metric("betas", toList(betas));
        long messages = 0;
        List<io.synaptor.actors.RunResult> results = new ArrayList<>();
        progress.start(name(), (long) points * GradientProbe.ESTIMATORS.size());
        try {
            for (GradientProbe.Estimator est : GradientProbe.ESTIMATORS) {
                double[] err = new double[points];
                for (int k = 0; k < points; k++) {
                    GradientProbe.Measurement m = probe.measure(s, seed, est, betas[k], false,
                            s.getInt("time.free-steps"), s.getInt("time.nudge-steps"));
                    probe.requireConverged(m, est.label() + " EP at β = " + String.format("%.3g", betas[k]));
                    results.add(m.result());
                    err[k] = m.relError();
                    messages += m.result().messages();
                    report.row(betas[k], est.label(), err[k], m.cosine());
                    progress.step();
                }
                double slope = slope(betas, err);
                boolean roundOff = Arrays.stream(err).max().orElse(0) < ROUND_OFF;
                report.metric("rel_error_" + est.key(), toList(err)).metric("slope_" + est.key(), slope)
                        .metric("round_off_" + est.key(), roundOff);
                if (est.shape().complex()) report.metric("holo_rel_error_n" + est.shape().points(), err[points - 1]); // at the largest β
                XYSeries line = chart.addSeries(roundOff
                        ? String.format("%s (at round-off, ≤ %.0e: no slope)", est.label(), Arrays.stream(err).max().orElse(0))
                        : String.format("%s (slope %.2f)", est.label(), slope), betas, err);
                style(line, chart.getSeriesMap().size() - 1);
                report.line(roundOff
                        ? String.format("%-15s relative error %.2e … %.2e over β %.3g … %.3g: at round-off (all below %.0e), no slope",
                                est.label(), err[0], err[points - 1], lo, hi, ROUND_OFF)
                        : String.format("%-15s relative error %.2e … %.2e over β %.3g … %.3g: slope %.3f",
                                est.label(), err[0], err[points - 1], lo, hi, slope));
            }
        } finally {
            progress.close();
        }
        report.metric("parameters", probe.exact.length).metric("messages", messages).metric("hessian_lambda_max", probe.lambdaMax);
        RelaxationCheck.report(report, results);
        report.plot("gradient_bias.png", chart);
        probe.export(report, name(), s, java.util.Map.of("beta", toList(betas), "note",
                "every estimator and β ran its own simulation from this net (monitor.npz's simulation: estimator-major, β-minor)"));
        return report;
    }

    /**
     * Below this relative error an estimator's error is the arithmetic's, not its bias: the exact
     * gradient and the relaxations are accurate to about 1e-12 here, so a slope through such points
     * measures round-off (holomorphic N = 8 reads "−0.67"), and the plot and the printout say so instead.
     */
    static final double ROUND_OFF = 1e-10;

    /**
     * Tells coinciding curves apart (centered and holomorphic N = 2 agree to three digits: N = 2's
     * two points are ±β): each estimator its own marker, line style and width; the wide solid lines
     * are drawn first and the thin dashed ones on top.
     */
    private static void style(XYSeries line, int k) {
        Marker[] markers = {SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE, SeriesMarkers.CROSS, SeriesMarkers.DIAMOND, SeriesMarkers.TRIANGLE_UP};
        float[][] dashes = {null, null, {8f, 5f}, {2f, 4f}, {10f, 4f, 2f, 4f}};
        float[] widths = {2f, 6f, 1.5f, 2f, 2f};
        Color[] colors = {new Color(40, 90, 220), new Color(250, 170, 40), new Color(130, 40, 160), new Color(40, 160, 60), new Color(200, 40, 40)};
        int i = k % markers.length;
        line.setMarker(markers[i]).setMarkerColor(colors[i]);
        line.setLineColor(colors[i]);
        line.setLineStyle(dashes[i] == null ? new BasicStroke(widths[i])
                : new BasicStroke(widths[i], BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, dashes[i], 0f));
    }

    /** bias.points values of β from bias.beta-min to bias.beta-max, geometrically spaced. */
    static double[] betaGrid(Settings s) {
        double lo = s.getDouble("bias.beta-min");
        double hi = s.getDouble("bias.beta-max");
        int points = s.getInt("bias.points");
        if (!(hi > lo)) throw new BadInput("bias.beta-max (" + hi + ") must be larger than bias.beta-min (" + lo + ")");
        double[] betas = new double[points];
        for (int k = 0; k < points; k++) betas[k] = lo * Math.pow(hi / lo, k / (points - 1.0));
        return betas;
    }

    /** Least-squares slope of log y against log x. */
    static double slope(double[] x, double[] y) {
        double mx = 0;
        double my = 0;
        for (int k = 0; k < x.length; k++) {
            mx += Math.log(x[k]) / x.length;
            my += Math.log(y[k]) / x.length;
        }
        double num = 0;
        double den = 0;
        for (int k = 0; k < x.length; k++) {
            double dx = Math.log(x[k]) - mx;
            num += dx * (Math.log(y[k]) - my);
            den += dx * dx;
        }
        return num / den;
    }

    private static List<Double> toList(double[] v) {
        List<Double> out = new ArrayList<>();
        for (double d : v) out.add(d);
        return out;
    }
}
