package io.synaptor.scenarios;

import io.synaptor.scenarios.report.Progress;
import io.synaptor.scenarios.report.ProtocolExport;
import io.synaptor.scenarios.report.Report;
import io.synaptor.network.DenoisingBatches;
import io.synaptor.network.EnergyDistance;
import io.synaptor.network.NoisingSchedule;
import io.synaptor.network.OscillatorNetwork;
import io.synaptor.network.ProtocolRule;
import io.synaptor.scenarios.data.GaussianMixture;
import io.synaptor.actors.Engine;
import io.synaptor.actors.ProtocolRun;
import io.synaptor.actors.SimulationDiverged;
import io.synaptor.actors.SimulationStalled;
import io.synaptor.scheduler.RandomStreams;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;

import java.awt.Color;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Seed 001 (REFERENCES.md, "Local learning rules for out-of-equilibrium physical generative models"):
 * a score-based generative model whose reverse-time sampler is a network of driven, overdamped
 * Langevin oscillators in a bath, and whose learned object is the driving protocol. Two oscillators
 * (one per coordinate) and one coupling learn to sample a 2-D mixture of two Gaussians, once by force
 * matching and once by the CD-1-like rule, each from the same untrained protocol; the model and the
 * rules are written out in docs/scenarios.md#gmm-sampler.
 */
public final class GmmSamplerScenario implements Scenario {

    @Override
    public String name() {
        return "gmm-sampler";
    }

    @Override
    public String summary() {
        return "driven Langevin oscillators learn a protocol that samples a 2-D mixture of two Gaussians: force matching vs CD-1 (seed 001)";
    }

    @Override
    public String description() {
        return """
                Reproduces the first task of seed 001 (local learning rules for out-of-equilibrium physical
                generative models): two overdamped Langevin oscillators x₁, x₂ at bath temperature T, with
                self-energies a_i(t)/2·x² + b_i(t)·x + c_i(t)/4·x⁴ and a coupling J(t)·x₁x₂, all piecewise linear in
                protocol time over protocol.knots knots, sample by running the reverse-time dynamics from the prior
                N(0, T) at t = protocol.duration down to protocol.t-min. The protocol is learned, one actor per
                oscillator and per coupling, by force matching (each oscillator's force against the denoising target
                of the forward process dx = −x dt + √(2T) dW) and by the CD-1-like rule (each oscillator's own one step
                against an observed step of the reversed noising process). Summary: energy_distance_{untrained,
                force_matching, cd1} (energy distance between sampling.samples samples and as many fresh data points),
                mode_weight_error_* (largest error of the two mode weights, nearest-mode assignment), mode_weight_a_*
                (weight of the mode at −(o, o)). Plots: samples_*.png (samples over the data), loss.png (loss per epoch
                of both rules). metrics.csv: epoch, rule, loss. Equations: docs/scenarios.md#gmm-sampler.""";
    }

    @Override
    public boolean runsOnCluster() {
        return false; // the common actors, wired in one JVM by ProtocolRun: the cluster's entities are built from an EqProp SimulationSpec
    }

    @Override
    public List<Setting> settings() {
        List<Setting> s = new java.util.ArrayList<>(Common.oscillatorProtocolSettings(1.0));
        s.addAll(List.of(
                Setting.real("data.offset", 1.0, 0.05, 10.0, "o: the modes sit at −(o, o) and +(o, o)"),
                Setting.real("data.weight", 0.3, 0.01, 0.99, "weight of the mode at −(o, o); the other has 1 − weight"),
                Setting.real("data.std", 0.3, 0.01, 10.0, "standard deviation of each mode, per coordinate"),
                Setting.integer("data.train-size", 2000, 10, 10_000_000, "training points (drawn once)"),
                Setting.integer("training.epochs", 150, 0, 1_000_000, "passes over the training points, per rule"),
                Setting.integer("training.batch", 100, 1, 1_000_000, "examples per minibatch (one protocol time and one noise draw each)"),
                Setting.real("learning.rate-force-matching", 1.0, 0.0, 1000.0, "η of force matching"),
                Setting.real("learning.rate-cd1", 0.1, 0.0, 1000.0, "η of the CD-1-like rule (its errors are noisier: variance ≈ 2T/Δ)"),
                Setting.real("learning.cd1-step", 0.05, 1e-6, 1000.0, "Δ: the protocol time of the observed reverse step of the CD-1-like rule"),
                Setting.integer("sampling.samples", 2000, 10, 1_000_000, "samples per protocol, compared with as many fresh data points")));
        s.addAll(Common.actorTimingSettings("oscillators step while sampling"));
        return s;
    }

    private record Rule(ProtocolRule rule, String label, String rateSetting, long phase) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule(ProtocolRule.FORCE_MATCHING, "force matching", "learning.rate-force-matching", 1),
            new Rule(ProtocolRule.CONTRASTIVE_ONE_STEP, "CD-1-like", "learning.rate-cd1", 2));

    @Override
    public Report run(Settings s, long seed, Progress progress) {
        double temperature = s.getDouble("oscillators.temperature");
        double tMax = s.getDouble("protocol.duration");
        double tMin = s.getDouble("protocol.t-min");
        double dt = s.getDouble("time.dt");
        double delta = s.getDouble("learning.cd1-step");
        int trainSize = s.getInt("data.train-size");
        int batch = s.getInt("training.batch");
        int epochs = s.getInt("training.epochs");
        int samples = s.getInt("sampling.samples");
        Engine engine = Common.actorEngine(s, seed, 2);
        if (!(tMin < tMax)) throw new BadInput("protocol.t-min (" + tMin + ") must be below protocol.duration (" + tMax + ")");
        if (!(dt < tMax - tMin)) throw new BadInput("time.dt (" + dt + ") must be below protocol.duration − protocol.t-min (" + (tMax - tMin) + ")");
        if (!(delta < tMax - tMin)) {
            throw new BadInput("learning.cd1-step (" + delta + ") must be below protocol.duration − protocol.t-min (" + (tMax - tMin) + ")");
        }
        if (batch > trainSize) throw new BadInput("training.batch (" + batch + ") must not exceed data.train-size (" + trainSize + ")");

        GaussianMixture mixture = GaussianMixture.twoModes(s.getDouble("data.offset"), s.getDouble("data.weight"), s.getDouble("data.std"));
        double[][] train = mixture.sample(trainSize, RandomStreams.stream(seed, RandomStreams.Kind.DATA, 0));
        double[][] fresh = mixture.sample(samples, RandomStreams.stream(seed, RandomStreams.Kind.DATA, 1));
        NoisingSchedule schedule = new NoisingSchedule(temperature, tMin, tMax);
        OscillatorNetwork.Spec spec = new OscillatorNetwork.Spec(2, List.of(new int[]{0, 1}), schedule, s.getInt("protocol.knots"), dt, 1.0);

        Report report = new Report(List.of("epoch", "rule", "loss"));
        XYChart lossChart = new XYChartBuilder().width(640).height(420).title("Protocol learning: loss per epoch")
                .xAxisTitle("epoch").yAxisTitle("mean loss ½λ(t)·Σᵢ eᵢ² per example").build();

        progress.start(name(), 2L * epochs);
        double[][] untrained = points(run(spec, null, null, 0, samples, seed, 0, engine, progress, "untrained"));
        double edUntrained = EnergyDistance.of(untrained, fresh);
        record(report, "untrained", "untrained protocol (a = 1: the prior's trap)", mixture, untrained, edUntrained, edUntrained, train);
        for (Rule r : RULES) {
            OscillatorNetwork.Learning learning = new OscillatorNetwork.Learning(r.rule(), s.getDouble(r.rateSetting()), delta);
            DenoisingBatches batches = new DenoisingBatches(train, schedule, r.rule(), delta, batch, RandomStreams.mix(seed, RandomStreams.Kind.DATA, r.phase()));
            ProtocolRun.Outcome out = run(spec, learning, batches, epochs, samples, seed, r.phase(), engine, progress, r.label());
            double[][] x = points(out);
            double ed = EnergyDistance.of(x, fresh);
            record(report, r.rule().key(), r.label(), mixture, x, ed, edUntrained, train);
            ProtocolExport.attach(report, "protocol-" + r.rule().key(), name(), spec, out, r.label());
            List<Double> loss = out.epochLoss();
            for (int e = 0; e < loss.size(); e++) report.row(e + 1, r.rule().key(), loss.get(e));
            if (!loss.isEmpty()) {
                lossChart.addSeries(r.label(), IntStream.rangeClosed(1, loss.size()).asDoubleStream().toArray(),
                        loss.stream().mapToDouble(Double::doubleValue).toArray());
                report.metric("final_loss_" + r.rule().key(), loss.get(loss.size() - 1));
            }
        }
        report.metric("epochs", epochs);
        if (epochs > 0) {
            lossChart.getStyler().setYAxisLogarithmic(true);
            report.plot("loss.png", lossChart);
        }
        return report;
    }

    private static ProtocolRun.Outcome run(OscillatorNetwork.Spec spec, OscillatorNetwork.Learning learning, DenoisingBatches batches,
                                              int epochs, int samples, long seed, long phase, Engine engine, Progress progress, String label) {
        try {
            return ProtocolRun.run(spec, learning, batches, epochs, samples, RandomStreams.mix(seed, RandomStreams.Kind.UNIT, phase), engine,
                    (epoch, loss) -> {
                        progress.step();
                        progress.line(String.format(Locale.ROOT, "%s: epoch %d loss %.5f", label, epoch, loss),
                                String.format(Locale.ROOT, "%s %d: %.4f", label, epoch, loss));
                    });
        } catch (SimulationDiverged e) {
            throw new RunFailed("the " + label + " run diverged: " + e.getMessage()
                    + "; try a smaller learning rate (learning.rate-*) or time.dt", e);
        } catch (SimulationStalled e) {
            throw new RunFailed(e.getMessage(), e);
        }
    }

    /** Samples by point then coordinate. */
    private static double[][] points(ProtocolRun.Outcome out) {
        double[][] x = out.samples();
        double[][] p = new double[x[0].length][x.length];
        for (int i = 0; i < x.length; i++) for (int n = 0; n < p.length; n++) p[n][i] = x[i][n];
        return p;
    }

    private static void record(Report report, String key, String label, GaussianMixture mixture, double[][] x, double ed,
                               double edUntrained, double[][] train) {
        double[] w = mixture.modeWeights(x);
        double error = mixture.modeWeightError(x);
        report.metric("energy_distance_" + key, ed);
        report.metric("mode_weight_error_" + key, error);
        report.metric("mode_weight_a_" + key, w[0]);
        report.line(String.format(Locale.ROOT, "%-40s energy distance %.4f (%.2f of untrained), mode weights %.3f / %.3f (error %.3f)",
                label, ed, ed / edUntrained, w[0], w[1], error));
        XYChart chart = new XYChartBuilder().width(560).height(560)
                .title(String.format(Locale.ROOT, "%s: E-distance %.3f, modes %.2f/%.2f", label, ed, w[0], w[1]))
                .xAxisTitle("x₁").yAxisTitle("x₂").build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter).setMarkerSize(3);
        chart.getStyler().setXAxisMin(-3.0).setXAxisMax(3.0).setYAxisMin(-3.0).setYAxisMax(3.0);
        chart.addSeries("data", column(train, 0), column(train, 1)).setMarkerColor(new Color(170, 170, 170));
        chart.addSeries("samples", column(x, 0), column(x, 1)).setMarkerColor(new Color(200, 30, 30));
        report.plot("samples_" + key + ".png", chart);
    }

    private static double[] column(double[][] p, int j) {
        double[] c = new double[p.length];
        for (int n = 0; n < p.length; n++) c[n] = p[n][j];
        return c;
    }
}
