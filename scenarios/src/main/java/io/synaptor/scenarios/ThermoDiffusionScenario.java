package io.synaptor.scenarios;

import io.synaptor.actors.Engine;
import io.synaptor.actors.SamplerRun;
import io.synaptor.actors.SimulationDiverged;
import io.synaptor.actors.SimulationRunner;
import io.synaptor.actors.SimulationStalled;
import io.synaptor.network.AnnealingLadder;
import io.synaptor.network.DsmSubstrate;
import io.synaptor.network.EnergyDistance;
import io.synaptor.network.LabeledData;
import io.synaptor.network.NetworkSpec;
import io.synaptor.scenarios.data.GaussianMixture;
import io.synaptor.scenarios.report.Progress;
import io.synaptor.scenarios.report.Report;
import io.synaptor.scheduler.RandomStreams;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;

import java.awt.Color;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Thermodynamic diffusion trained and run on its own substrate (seed 000; REFERENCES.md, "Thermodynamic
 * diffusion with symmetric EP"; docs/scenarios.md#thermo-diffusion): seed 000's substrate
 * ({@link DsmSubstrate}) learns to denoise the 2-D ring mixture by symmetric EqProp on the actors — the
 * denoising-score-matching loss ½‖x̂(x̃, σ) − x₀‖² as the nudge, σ drawn from the ladder per example — and
 * then samples by annealed Langevin dynamics on the same actors ({@link SamplerRun}), against the same
 * sampler on the untrained substrate.
 */
public final class ThermoDiffusionScenario implements Scenario {
    private static final Common.Defaults DEFAULTS = new Common.Defaults(List.of(2, 2), 60, 20, 0.1, false, 0.05, 20, 50, 0.25);

    /** The common settings the substrate fixes itself. */
    private static final Set<String> FIXED = Set.of("network.layers", "learning.rates", "network.projection-delays");

    @Override
    public String name() {
        return "thermo-diffusion";
    }

    @Override
    public String summary() {
        return "seed 000's substrate learns to denoise a 2-D ring mixture by symmetric EqProp and samples it by annealed Langevin dynamics, on the actors";
    }

    @Override
    public String description() {
        return """
                Seed 000: anharmonic units, bilinear couplings, encoder → transfer → decoder with a rank-k skip
                (substrate.*). Training: training.train-size points of the ring mixture (data.*), each noised at a
                σ drawn from the ladder (sigma.max … sigma.min, sigma.levels geometric levels), x̃ and the
                embedding (σ, ln σ) as inputs, x₀ as the decoder's target, weighted by dsm.weighting (1/σ, 1/σ² or
                1); the actors learn by learning.rule (default centered: symmetric EqProp). Sampling: annealed Langevin dynamics on the actors —
                sampling.samples samples from N(0, σ₁²), sampling.steps Langevin steps per level of
                x ← x + (α/2)(x̂ − x)/σ² + √α·z, α = ε·σ²/σ_L² (sampling.epsilon), sampling.relax virtual steps
                of the substrate's relaxation per Langevin step — on the trained and on the untrained substrate.
                Summary: energy_distance_trained, energy_distance_untrained (to as many held-out points),
                mode_weight_min_ratio, mode_weight_max_ratio (smallest and largest share of samples nearest a
                mode over its weight), mode_weights, final_loss (test denoising loss), the training keys;
                the seed's energy argument per example and training step: relaxation_steps_per_update,
                synaptic_events_per_example, digital_flops_per_example_simulated (stepping the same substrate),
                digital_flops_per_example_backprop (a digital net of as many parameters, ≈ 6 FLOPs each).
                Plots: samples_trained.png, samples_untrained.png (over the data), loss.png.
                metrics.csv: epoch, train_loss, test_loss (accuracy columns: argmax agreement, not meaningful here).""";
    }

    @Override
    public boolean runsOnCluster() {
        return false; // the substrate's units carry J₂ and J₄, which the cluster codec sends by model name only; the sampler is local
    }

    @Override
    public List<Setting> settings() {
        List<Setting> s = new ArrayList<>(Common.networkSettings(DEFAULTS).stream().filter(x -> !FIXED.contains(x.path()))
                .map(x -> switch (x.path()) {
                    case "learning.rule" -> Setting.choice(x.path(), "centered", x.choices(), x.doc());
                    // the substrate fixes these; declared (one choice each) because the rule's checks read them
                    case "units.model" -> Setting.choice(x.path(), "anharmonic", List.of("anharmonic"), "the substrate's units: ½J₂s² + ¼J₄s⁴ (substrate.j2, substrate.j4)");
                    case "units.activation" -> Setting.choice(x.path(), "tanh", List.of("tanh"), "unused: bilinear couplings present each unit's state itself");
                    case "network.coupling" -> Setting.choice(x.path(), "bilinear", List.of("bilinear"), "the substrate's couplings: −W·s_i·s_j");
                    default -> x;
                }).toList());
        s.addAll(Common.trainingSettings(DEFAULTS.epochs(), DEFAULTS.batch(), 4000, 1000));
        s.addAll(DsmProbe.SUBSTRATE.stream().filter(x -> !x.path().equals("dsm.sigma"))
                .map(x -> switch (x.path()) {
                    case "substrate.encoder", "substrate.transfer" -> Setting.integer(x.path(), 16, 1, 100_000, x.doc());
                    case "substrate.rank" -> Setting.integer(x.path(), 4, 1, 100_000, x.doc());
                    default -> x;
                }).toList());
        s.addAll(List.of(
                Setting.real("sigma.max", 1.0, 1e-6, 1000.0, "σ₁, the largest noise level (the sampler starts from N(0, σ₁²))"),
                Setting.real("sigma.min", 0.01, 1e-6, 1000.0, "σ_L, the smallest"),
                Setting.integer("sigma.levels", 10, 1, 1000, "L, geometric levels from sigma.max to sigma.min"),
                Setting.integer("sampling.samples", 1000, 10, 1_000_000, "samples drawn (and held-out points they are compared with)"),
                Setting.integer("sampling.steps", 30, 1, 1_000_000, "Langevin steps per level"),
                Setting.integer("sampling.relax", 20, 1, 1_000_000, "virtual steps of relaxation per Langevin step (more than twice the link delay)"),
                Setting.real("sampling.epsilon", 2e-5, 1e-12, 10.0, "ε: α_i = ε·σ_i²/σ_L²"),
                Setting.choice("dsm.weighting", "balanced", List.of("balanced", "score", "uniform"),
                        "each example's weight λ(σ) in the loss, scaled to mean 1 over the ladder: balanced = 1/σ; score = 1/σ² (Song & Ermon's σ² on the score's error); uniform = 1")));
        return s;
    }

    @Override
    public Report run(Settings s, long seed, Progress progress) {
        double sigmaMax = s.getDouble("sigma.max");
        double sigmaMin = s.getDouble("sigma.min");
        if (!(sigmaMin < sigmaMax)) throw new BadInput("sigma.min (" + sigmaMin + ") must be below sigma.max (" + sigmaMax + ")");
        int relax = s.getInt("sampling.relax");
        int reach = s.getInt("network.delay") + s.getInt("network.jitter");
        if (relax <= 2 * reach) {
            throw new BadInput("sampling.relax (" + relax + ") must exceed twice the longest link (" + reach + " steps): the samples' new values "
                    + "must reach the decoder and its answer come back within each Langevin step");
        }
        double[] sigmas = AnnealingLadder.geometric(sigmaMax, sigmaMin, s.getInt("sigma.levels"));
        AnnealingLadder ladder;
        try {
            ladder = new AnnealingLadder(sigmas, s.getInt("sampling.steps"), relax, s.getDouble("sampling.epsilon"));
        } catch (IllegalArgumentException e) {
            throw new BadInput("sampling: " + e.getMessage());
        }
        DsmSubstrate substrate = DsmProbe.substrate(s);
        GaussianMixture mixture = GaussianMixture.ring(s.getInt("data.modes"), s.getDouble("data.radius"), s.getDouble("data.std"));
        double power = switch (s.getString("dsm.weighting")) { case "score" -> 2; case "balanced" -> 1; default -> 0; };
        LabeledData train = noised(substrate, mixture, sigmas, s.getInt("training.train-size"), seed, 0, power);
        LabeledData test = noised(substrate, mixture, sigmas, s.getInt("training.test-size"), seed, 1, 0);
        int samples = s.getInt("sampling.samples");
        double[][] heldOut = mixture.sample(samples, RandomStreams.stream(seed, RandomStreams.Kind.DATA, 4));

        NetworkSpec untrained;
        try {
            untrained = Common.drawnDelays(s, seed, substrate.network(s.getDouble("time.dt"), s.getDouble("units.temperature"),
                    s.getInt("network.delay"), RandomStreams.stream(seed, RandomStreams.Kind.INIT, 0)));
        } catch (IllegalArgumentException e) {
            throw new BadInput("substrate: " + e.getMessage());
        }
        Classification.Outcome trained = Classification.run(name(), s, seed, progress, untrained, train, test);
        Report report = trained.report();

        Engine engine = new Engine(s.getInt("network.delay"), Common.timing(s, seed, untrained), () -> new SimulationRunner.Runtime(
                s.getInt("runtime.threads"), s.getInt("runtime.throughput"), Duration.ofSeconds(s.getInt("runtime.stall-timeout")),
                s.nextTraceFile(), SimulationRunner.Executor.FORK_JOIN));
        double[][] before = sample(untrained, ladder, samples, seed, engine, "untrained");
        double[][] after = sample(trained.trained(), ladder, samples, seed, engine, "trained");
        double edBefore = EnergyDistance.of(before, heldOut);
        double edAfter = EnergyDistance.of(after, heldOut);
        double[] w = mixture.modeWeights(after);
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (int k = 0; k < w.length; k++) {
            min = Math.min(min, w[k] / mixture.weights()[k]);
            max = Math.max(max, w[k] / mixture.weights()[k]);
        }
        account(report, s, untrained);
        report.metric("energy_distance_trained", edAfter).metric("energy_distance_untrained", edBefore)
                .metric("mode_weight_min_ratio", min).metric("mode_weight_max_ratio", max)
                .metric("mode_weights", Arrays.stream(w).boxed().toList()).metric("sigmas", Arrays.stream(sigmas).boxed().toList());
        report.line(String.format(Locale.ROOT, "energy distance to %d held-out points: untrained %.4f, trained %.4f (%.2f of untrained); "
                + "mode shares over weights %.2f … %.2f", samples, edBefore, edAfter, edAfter / edBefore, min, max));
        report.plot("samples_untrained.png", scatter("untrained substrate", before, heldOut, edBefore));
        report.plot("samples_trained.png", scatter("trained substrate", after, heldOut, edAfter));
        return report;
    }

    /**
     * The seed's energy argument in countable units, per example of one training step (one minibatch
     * update): the substrate's relaxation steps (T1 + p·T2 for p nudged phases) and synaptic events (each
     * coupling acting on both its ends once per step), beside the floating-point operations a digital
     * machine needs for the same step — stepping the same substrate (4 per coupling and ≈ 8 per unit per step:
     * two multiply-adds per coupling, force, Euler update) — and for a digital network with as many
     * parameters trained by backpropagation (≈ 6 per parameter: forward 2, backward 4).
     */
    private static void account(Report report, Settings s, NetworkSpec net) {
        io.synaptor.synapses.NudgeShape shape = Common.nudgeShape(s);
        long steps = (shape.freePhase() ? s.getInt("time.free-steps") : 0) + (long) shape.points() * s.getInt("time.nudge-steps");
        long couplings = net.couplings().size();
        long units = net.size() - net.inputs().length;
        long parameters = couplings + units;
        report.metric("relaxation_steps_per_update", steps)
                .metric("synaptic_events_per_example", 2 * couplings * steps)
                .metric("digital_flops_per_example_simulated", (4 * couplings + 8 * units) * steps)
                .metric("digital_flops_per_example_backprop", 6 * parameters);
        report.line(String.format(Locale.ROOT, "per example and training step: %,d relaxation steps and %,d synaptic events on the substrate; "
                + "a digital machine: %,d FLOPs to step the same substrate, %,d to backpropagate through %,d parameters",
                steps, 2 * couplings * steps, (4 * couplings + 8 * units) * steps, 6 * parameters, parameters));
    }

    /**
     * count points of the mixture, each noised at a level drawn from the ladder: inputs (x̃, embedding of σ),
     * targets x₀, and for {@code power} &gt; 0 the weights λ(σ) = σ^(−power) scaled to mean 1 over the ladder (power 2:
     * denoising score matching's σ²-weighted score error, ‖s − s*‖²σ² = ‖x̂ − x₀‖²/σ², Song &amp; Ermon 2019; power 1
     * halfway between it and the uniform weight, in the ladder's logarithm).
     */
    static LabeledData noised(DsmSubstrate substrate, GaussianMixture mixture, double[] sigmas, int count, long seed, int set, double power) {
        boolean weighted = power > 0;
        double mean = 0;
        for (double sg : sigmas) mean += Math.pow(sg, -power) / sigmas.length;
        double[][] x0 = mixture.sample(count, RandomStreams.stream(seed, RandomStreams.Kind.DATA, 2 * set));
        SplittableRandom r = RandomStreams.stream(seed, RandomStreams.Kind.DATA, 2 * set + 1);
        double[][] in = new double[count][];
        double[] weights = weighted ? new double[count] : null;
        for (int n = 0; n < count; n++) {
            double sigma = sigmas[r.nextInt(sigmas.length)];
            if (weighted) weights[n] = Math.pow(sigma, -power) / mean;
            double[] noisy = new double[x0[n].length];
            for (int d = 0; d < noisy.length; d++) noisy[d] = x0[n][d] + sigma * r.nextGaussian();
            in[n] = substrate.input(noisy, sigma);
        }
        return new LabeledData(in, x0, weights);
    }

    private static double[][] sample(NetworkSpec net, AnnealingLadder ladder, int samples, long seed, Engine engine, String label) {
        try {
            return SamplerRun.sample(net, ladder, samples, seed, engine);
        } catch (SimulationDiverged e) {
            throw new RunFailed("sampling on the " + label + " substrate diverged: " + e.getMessage() + "; try a smaller sampling.epsilon", e);
        } catch (SimulationStalled e) {
            throw new RunFailed(e.getMessage(), e);
        }
    }

    private static XYChart scatter(String title, double[][] x, double[][] data, double ed) {
        XYChart chart = new XYChartBuilder().width(560).height(560)
                .title(String.format(Locale.ROOT, "%s: energy distance %.3f", title, ed)).xAxisTitle("x₁").yAxisTitle("x₂").build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter).setMarkerSize(3);
        chart.addSeries("held-out data", column(data, 0), column(data, 1)).setMarkerColor(new Color(170, 170, 170));
        chart.addSeries("samples", column(x, 0), column(x, 1)).setMarkerColor(new Color(200, 30, 30));
        return chart;
    }

    private static double[] column(double[][] p, int j) {
        return Arrays.stream(p).mapToDouble(q -> q[j]).toArray();
    }
}
