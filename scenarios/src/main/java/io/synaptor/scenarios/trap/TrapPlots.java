package io.synaptor.scenarios.trap;

import io.synaptor.network.TrapParticles;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;

/** The harmonic-trap scenario's charts (XChart). */
public final class TrapPlots {
    private TrapPlots() {
    }

    private static final Color SAMPLES = new Color(31, 119, 180);
    private static final Color MODEL = new Color(214, 39, 40);

    /** One protocol's path: times and values, jumps drawn as vertical steps. */
    public record Path(String label, double[] t, double[] y) {
    }

    private static XYSeries line(XYChart chart, String name, double[] x, double[] y, Color color, BasicStroke stroke, boolean legend) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.NONE);
        if (color != null) s.setLineColor(color);
        if (stroke != null) s.setLineStyle(stroke);
        s.setShowInLegend(legend);
        return s;
    }

    /**
     * The paper's ridge plot (its Figs. 1–5): the particles' density p_s(x) at several times (blue, a
     * Gaussian kernel estimate from one repetition's particles), the model's p_m = N(θ, 1/β) at the
     * same times (red, dashed), θ(t) (red) and θ* (dotted). Time runs upwards; each ridge stands on
     * its time.
     */
    public static XYChart ridge(String title, List<TrapParticles.Snapshot> snapshots, double dt, double beta, Path theta,
                                double thetaStar) {
        XYChart chart = new XYChartBuilder().width(640).height(720).title(title).xAxisTitle("x").yAxisTitle("t").build();
        chart.getStyler().setPlotGridLinesVisible(false);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        double lo = Math.min(thetaStar, min(theta.y()));
        double hi = Math.max(thetaStar, max(theta.y()));
        for (TrapParticles.Snapshot s : snapshots) {
            lo = Math.min(lo, min(s.positions()));
            hi = Math.max(hi, max(s.positions()));
        }
        double pad = 0.05 * (hi - lo);
        lo -= pad;
        hi += pad;
        int points = 240;
        double[] grid = new double[points];
        for (int k = 0; k < points; k++) grid[k] = lo + (hi - lo) * k / (points - 1);
        double tau = theta.t()[theta.t().length - 1];
        double spacing = snapshots.size() > 1 ? tau / (snapshots.size() - 1) : tau;
        double peak = Math.sqrt(beta / (2 * Math.PI));    // p_m's height
        double scale = 1.6 * spacing / peak;
        boolean first = true;
        for (TrapParticles.Snapshot s : snapshots) {
            double t = s.step() * dt;
            double[] ps = density(s.positions(), grid);
            double th = valueAt(theta, t);
            double[] pm = new double[points];
            double[] ys = new double[points];
            for (int k = 0; k < points; k++) {
                double d = grid[k] - th;
                pm[k] = t + scale * peak * Math.exp(-0.5 * beta * d * d);
                ys[k] = t + scale * ps[k];
            }
            line(chart, "p_s (particles)" + (first ? "" : " " + s.step()), grid, ys, SAMPLES, new BasicStroke(1.6f), first);
            line(chart, "p_m (model)" + (first ? "" : " " + s.step()), grid, pm, MODEL, SeriesLines.DASH_DASH, first);
            first = false;
        }
        line(chart, "θ(t)", theta.y(), theta.t(), MODEL, new BasicStroke(2.4f), true);
        line(chart, "θ*", new double[] {thetaStar, thetaStar}, new double[] {0, tau + 1.6 * spacing}, Color.DARK_GRAY,
                SeriesLines.DOT_DOT, true);
        return chart;
    }

    /** θ(t), the mean over repetitions, for every protocol, with θ* dotted. */
    public static XYChart theta(List<Path> paths, double thetaStar) {
        XYChart chart = new XYChartBuilder().width(720).height(460).title("θ(t), mean over repetitions")
                .xAxisTitle("t").yAxisTitle("θ").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        for (Path p : paths) line(chart, p.label(), p.t(), p.y(), null, new BasicStroke(2f), true);
        double[] ends = {paths.get(0).t()[0], paths.get(0).t()[paths.get(0).t().length - 1]};
        line(chart, "θ*", ends, new double[] {thetaStar, thetaStar}, Color.DARK_GRAY, SeriesLines.DOT_DOT, true);
        return chart;
    }

    /** Cumulative excess work: measured (solid, mean over repetitions) and the closed form (dashed, same colour). */
    public static XYChart work(List<Path> measured, List<Path> theory) {
        XYChart chart = new XYChartBuilder().width(720).height(460).title("Excess work W(t): measured (solid) and closed form (dashed)")
                .xAxisTitle("t").yAxisTitle("W (energy units)").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        Color[] colors = chart.getStyler().getSeriesColors();
        for (int k = 0; k < measured.size(); k++) {
            Color c = colors[k % colors.length];
            line(chart, measured.get(k).label(), measured.get(k).t(), measured.get(k).y(), c, new BasicStroke(2f), true);
            line(chart, theory.get(k).label() + " (closed form)", theory.get(k).t(), theory.get(k).y(), c, SeriesLines.DASH_DASH, false);
        }
        return chart;
    }

    /** Total excess work per protocol: measured ± 3 standard errors beside the closed form. */
    public static CategoryChart totals(List<String> protocols, double[] measured, double[] stderr, double[] theory) {
        CategoryChart chart = new CategoryChartBuilder().width(720).height(460)
                .title("Total excess work: measured (± 3 standard errors) and closed form").xAxisTitle("protocol")
                .yAxisTitle("W (energy units)").build();
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        double[] bars = new double[stderr.length];
        for (int k = 0; k < bars.length; k++) bars[k] = 3 * stderr[k];
        List<String> labels = protocols.stream().map(p -> p.replace("continuous", "cont.").replace("discontinuous", "disc.")
                .replace('_', ' ')).toList();
        chart.addSeries("measured", labels, toList(measured), toList(bars));
        chart.addSeries("closed form", labels, toList(theory));
        return chart;
    }

    private static List<Double> toList(double[] v) {
        return java.util.Arrays.stream(v).boxed().toList();
    }

    /** A Gaussian kernel density estimate (Silverman's bandwidth) on a grid. */
    static double[] density(double[] x, double[] grid) {
        int n = x.length;
        double mean = 0;
        for (double v : x) mean += v;
        mean /= n;
        double var = 0;
        for (double v : x) var += (v - mean) * (v - mean);
        double sd = Math.sqrt(var / Math.max(1, n - 1));
        double h = Math.max(1e-12, 1.06 * sd * Math.pow(n, -0.2));
        double norm = 1 / (n * h * Math.sqrt(2 * Math.PI));
        double[] out = new double[grid.length];
        for (int k = 0; k < grid.length; k++) {
            double s = 0;
            for (double v : x) {
                double z = (grid[k] - v) / h;
                if (z * z < 64) s += Math.exp(-0.5 * z * z);
            }
            out[k] = s * norm;
        }
        return out;
    }

    /** The path's value at time t (the later value at a jump). */
    static double valueAt(Path p, double t) {
        double v = p.y()[0];
        for (int k = 0; k < p.t().length && p.t()[k] <= t + 1e-12; k++) v = p.y()[k];
        return v;
    }

    private static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double d : v) m = Math.min(m, d);
        return m;
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double d : v) m = Math.max(m, d);
        return m;
    }
}
