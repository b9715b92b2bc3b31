package io.synaptor.scenarios;

import io.synaptor.scenarios.report.NetworkExport;
import io.synaptor.scenarios.report.Progress;
import io.synaptor.scenarios.report.Report;
import io.synaptor.network.LabeledData;
import io.synaptor.scenarios.data.TwoMoons;
import io.synaptor.scheduler.RandomStreams;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Laborieux &amp; Zenke 2022, Table 1, in small: with neuron noise, classic EP needs a large β —
 * at small β the noise in ρ_iρ_j, divided by β, drowns the gradient — while holomorphic EP keeps an
 * exact gradient at large |β| and averages the noise over its N points. The same two-moons net,
 * data, initial weights and noise streams are trained three times: one-sided EP at a small β,
 * one-sided EP at a large β, and discrete hEP with N points at |β| = the large β.
 */
public final class NoisyNudgeScenario implements Scenario {
    private static final Common.Defaults DEFAULTS =
            new Common.Defaults(List.of(2, 32, 2), 30, 10, 0.1, false, 0.05, 30, 10);

    /** What the variants set themselves, so the user does not. */
    private static final Set<String> FIXED = Set.of("learning.rule", "learning.beta", "learning.holomorphic.form");

    private record Variant(String key, String label, String rule, String betaSetting) {
    }

    private static final List<Variant> VARIANTS = List.of(
            new Variant("ep_small_beta", "one-sided EP, small β", "one-sided", "noise.beta-small"),
            new Variant("ep_large_beta", "one-sided EP, large β", "one-sided", "noise.beta-large"),
            new Variant("holomorphic", "holomorphic EP, |β| large", "holomorphic", "noise.beta-large"));

    @Override
    public String name() {
        return "noisy-nudge";
    }

    @Override
    public String summary() {
        return "neuron noise: classic EP at small and large β against holomorphic EP (Laborieux & Zenke, Table 1, in small)";
    }

    @Override
    public String description() {
        return """
                Reproduces the claim of Laborieux & Zenke 2022, Table 1 (MNIST with neuron noise: classic EP
                at β = 0.1 fails, at β = 0.4 it works, hEP with N = 10 at |β| = 0.4 is best) on two moons.
                Every unit feels Langevin noise at units.temperature (stationary spread ≈ √T about its fixed
                point). The same net, data and noise streams train three times: one-sided EP at
                β = noise.beta-small, one-sided EP at β = noise.beta-large, and discrete holomorphic EP with
                learning.holomorphic.points points at |β| = noise.beta-large. Summary: acc_ep_small_beta,
                acc_ep_large_beta, acc_holomorphic (final test accuracy of each) and best_acc_* (best epoch).
                Plot: accuracy.png, test accuracy per epoch of the three. metrics.csv: epoch, method,
                test_accuracy, test_loss.""";
    }

    @Override
    public List<Setting> settings() {
        List<Setting> s = new ArrayList<>(declared().stream().filter(x -> !FIXED.contains(x.path())).toList());
        s.add(Setting.real("noise.beta-small", 0.05, 1e-6, 100.0, "β of classic EP's small-β run"));
        s.add(Setting.real("noise.beta-large", 0.5, 1e-6, 100.0, "β of classic EP's large-β run, and |β| of hEP"));
        return s;
    }

    /** The settings each variant runs with (a two-moons classification). */
    private static List<Setting> declared() {
        List<Setting> s = new ArrayList<>(Common.networkSettings(DEFAULTS));
        s.addAll(Common.trainingSettings(DEFAULTS.epochs(), DEFAULTS.batch(), 400, 400));
        s.add(Setting.real("data.noise", 0.1, 0.0, 1.0, "standard deviation of the Gaussian noise on the moons"));
        return s.stream().map(x -> x.path().equals("units.temperature")
                ? Setting.real("units.temperature", 0.005, 0.0, 100.0,
                "Langevin temperature T of every unit (noise √(2T·dt) per step; the neuron noise of the study)")
                : x.path().equals("learning.holomorphic.points")
                ? Setting.integer("learning.holomorphic.points", 4, 2, 1000, "holomorphic EP: N points on the circle")
                : x).toList();
    }

    @Override
    public Report run(Settings s, long seed, Progress progress) {
        double noise = s.getDouble("data.noise");
        LabeledData train = TwoMoons.generate(s.getInt("training.train-size"), noise, RandomStreams.stream(seed, RandomStreams.Kind.DATA, 0));
        LabeledData test = TwoMoons.generate(s.getInt("training.test-size"), noise, RandomStreams.stream(seed, RandomStreams.Kind.DATA, 1));
        int epochs = s.getInt("training.epochs");
        Report report = new Report(List.of("epoch", "method", "test_accuracy", "test_loss", "relaxation_residual_max", "unconverged_fraction"));
        XYChart chart = new XYChartBuilder().width(720).height(460)
                .title("Test accuracy with neuron noise, T = " + plain(s.getDouble("units.temperature")))
                .xAxisTitle("epoch").yAxisTitle("test accuracy").build();
        // Whole epochs on the x axis, a tick every few (labels like "12.5" ran together); accuracy to two decimals.
        chart.getStyler().setXAxisDecimalPattern("0").setXAxisTickMarkSpacingHint(60).setYAxisDecimalPattern("0.00")
                .setYAxisMin(0.0).setYAxisMax(1.0).setLegendPosition(Styler.LegendPosition.InsideSE)
                .setChartTitlePadding(8).setChartPadding(12);
        double[] x = IntStream.rangeClosed(1, epochs).asDoubleStream().toArray();
        long messages = 0;
        List<Report> parts = new ArrayList<>();
        for (Variant v : VARIANTS) {
            double beta = s.getDouble(v.betaSetting());
            Settings run = s.derive(declared(), Map.of("learning.rule", v.rule(), "learning.beta", beta,
                    "learning.holomorphic.form", "discrete"));
            Classification.Outcome out = Classification.run(name() + " (" + v.label() + ")", run, seed, progress, train, test);
            double[] acc = new double[epochs];
            for (Object[] row : out.report().rows()) { // epoch, train_loss, train_accuracy, test_loss, test_accuracy, residual, unconverged
                int e = ((Number) row[0]).intValue();
                acc[e - 1] = ((Number) row[4]).doubleValue();
                report.row(e, v.key(), row[4], row[3], row[5], row[6]);
            }
            Map<String, Object> m = out.report().metrics();
            parts.add(out.report());
            report.metric("acc_" + v.key(), m.get("test_accuracy")).metric("best_acc_" + v.key(), m.get("best_test_accuracy"));
            messages += out.result().messages();
            NetworkExport.attach(report, "network-" + v.key(), name(), out.trained(), Map.of("parameters",
                    "trained with " + v.label() + " (β = " + beta + "): after the last epoch's learning"));
            chart.addSeries(v.label() + " (β = " + plain(beta) + ")", x, acc);
            report.line(String.format("%-28s β = %-6s final test accuracy %.4f (best %.4f)", v.label(), plain(beta),
                    (Double) m.get("test_accuracy"), (Double) m.get("best_test_accuracy")));
        }
        report.metric("epochs", epochs).metric("messages", messages);
        RelaxationCheck.merge(report, parts);
        report.plot("accuracy.png", chart);
        return report;
    }

    /** 0.005 as "0.005", not "0.00500000". */
    private static String plain(double v) {
        return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }
}
