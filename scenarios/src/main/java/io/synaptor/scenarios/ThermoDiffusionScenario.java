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
import io.synaptor.scenarios.data.ClassMeanJudge;
import io.synaptor.scenarios.data.DataSets;
import io.synaptor.scenarios.data.GaussianMixture;
import io.synaptor.scenarios.data.Mnist01;
import io.synaptor.scenarios.report.Progress;
import io.synaptor.scenarios.report.Report;
import io.synaptor.scheduler.RandomStreams;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

import java.awt.Color;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * Thermodynamic diffusion trained and run on its own substrate (seed 000; REFERENCES.md, "Thermodynamic
 * diffusion with symmetric EP"; docs/scenarios.md#thermo-diffusion): seed 000's substrate
 * ({@link DsmSubstrate}) learns to denoise the 2-D ring mixture by symmetric EqProp on the actors — the
 * denoising-score-matching loss ½‖x̂(x̃, σ) − x₀‖² as the nudge, σ drawn from the ladder per example — and
 * then samples by annealed Langevin dynamics on the same actors ({@link SamplerRun}), against the same
 * sampler on the untrained substrate.
 */
public final class ThermoDiffusionScenario implements Scenario {
    static final String RING = "ring";
    static final String DIGITS = "mnist01";

    /**
     * What data.set=mnist01 brings along unless the user sets it (docs/scenarios.md#thermo-diffusion, measured
     * on seeds 1–3): a substrate for 100 coordinates, its input at the data's scale, a ladder from σ = 3 (the
     * classes are ≈ 8 apart: the sampler must be able to cross between them at its first levels), the score's
     * 1/σ² weight (1/σ left most samples at the ones), a shorter dt for the stiffer units, block granularity.
     */
    private static final Map<String, Object> DIGIT_PRESETS = Map.ofEntries(
            Map.entry("substrate.encoder", 64), Map.entry("substrate.transfer", 64), Map.entry("substrate.rank", 8),
            Map.entry("substrate.data-std", 1.0), Map.entry("sigma.max", 3.0), Map.entry("dsm.weighting", "score"),
            Map.entry("time.dt", 0.2), Map.entry("time.free-steps", 120), Map.entry("time.nudge-steps", 40),
            Map.entry("learning.rate", 0.005), Map.entry("training.epochs", 10), Map.entry("sampling.samples", 200),
            Map.entry("network.granularity", "block"));

    private static final Common.Defaults DEFAULTS = new Common.Defaults(List.of(2, 2), 60, 20, 0.1, false, 0.05, 20, 50, 0.25);

    /** The common settings the substrate fixes itself. */
    private static final Set<String> FIXED = Set.of("network.layers", "learning.rates", "network.projection-delays");

    @Override
    public String name() {
        return "thermo-diffusion";
    }

    @Override
    public String summary() {
        return "seed 000's substrate learns to denoise a 2-D ring mixture (or MNIST 0/1) by symmetric EqProp and samples it by annealed Langevin dynamics, on the actors";
    }

    @Override
    public String description() {
        return """
                Seed 000: anharmonic units, bilinear couplings, encoder → transfer → decoder with a rank-k skip
                (substrate.*). Training: training.train-size points of the ring mixture (data.*; data.set=mnist01:
                MNIST's 0s and 1s on 10×10, with presets of its own, see data.set), each noised at a
                σ drawn from the ladder (sigma.max … sigma.min, sigma.levels geometric levels), x̃ and the
                embedding (σ, ln σ) as inputs, x₀ as the decoder's target, weighted by dsm.weighting (1/σ, 1/σ² or
                1); the actors learn by learning.rule (default centered: symmetric EqProp). Sampling: annealed Langevin dynamics on the actors —
                sampling.samples samples from N(0, σ₁²), sampling.steps Langevin steps per level of
                x ← x + (α/2)(x̂ − x)/σ² + √α·z, α = ε·σ²/σ_L² (sampling.epsilon), sampling.relax virtual steps
                of the substrate's relaxation per Langevin step — on the trained and on the untrained substrate.
                Summary: energy_distance_trained, energy_distance_untrained (to as many held-out points),
                mode_weight_min_ratio, mode_weight_max_ratio (smallest and largest share of samples nearest a
                mode over its weight), mode_weights, the same two with the mixture's exact denoiser as a control
                (…_exact_denoiser); for digits instead share_recognized, share_zero, share_one (mnist01-oscillators'
                judge), share_recognized_untrained, …_held_out, …_noise, nearest_distance_ratio; final_loss (test
                denoising loss), the training keys;
                the seed's energy argument per example and training step: relaxation_steps_per_update,
                synaptic_events_per_example, digital_flops_per_example_simulated (stepping the same substrate),
                digital_flops_per_example_backprop (a digital net of as many parameters, ≈ 6 FLOPs each).
                Plots: samples_trained.png, samples_untrained.png (over the data; digits: grids), data.png (digits), loss.png.
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
                Setting.choice("data.set", RING, List.of(RING, DIGITS), "ring: the 2-D mixture (data.modes, data.radius, data.std); "
                        + "mnist01: MNIST's 0s and 1s on 10×10 in [−1, 1], mnist01-oscillators' data and judge (`synaptor data install mnist`); "
                        + "it presets " + DIGIT_PRESETS.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).sorted().collect(Collectors.joining(", "))
                        + " unless set"),
                Setting.real("data.train-share", 0.8, 0.05, 0.95, "mnist01: the share of the 0s and 1s that train (the rest are held out)"),
                Setting.real("judge.percentile", 5.0, 0.0, 50.0, "mnist01: the judge rejects below this percentile of the held-out digits' correlation with their nearest class mean"),
                Setting.real("substrate.data-std", 0.0, 0.0, 1000.0, "σ_d: above 0 the noisy input arrives as σ_d/√(σ_d² + σ²)·x̃, at the data's scale at every level (EDM's c_in); 0 feeds x̃"),
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
    public Config presets(Config user) {
        boolean digits = user.hasPath("data.set") && user.getValue("data.set").unwrapped().equals(DIGITS);
        return digits ? ConfigFactory.parseMap(DIGIT_PRESETS) : ConfigFactory.empty();
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
        int samples = s.getInt("sampling.samples");
        boolean digits = s.getString("data.set").equals(DIGITS);
        GaussianMixture mixture = GaussianMixture.ring(s.getInt("data.modes"), s.getDouble("data.radius"), s.getDouble("data.std"));
        Mnist01 images = digits ? digits(s) : null;
        Source source = digits ? (count, set, r) -> draw(set == 0 ? images.train() : images.heldOut(), count, r) : (count, set, r) -> mixture.sample(count, r);
        DsmSubstrate substrate = DsmProbe.substrate(s, digits ? Mnist01.PIXELS : 2);
        double power = switch (s.getString("dsm.weighting")) { case "score" -> 2; case "balanced" -> 1; default -> 0; };
        LabeledData train = noised(substrate, source, sigmas, s.getInt("training.train-size"), seed, 0, power);
        LabeledData test = noised(substrate, source, sigmas, s.getInt("training.test-size"), seed, 1, 0);
        // what the samples are compared with: as many fresh points of the mixture, or every held-out digit
        double[][] heldOut = digits ? images.heldOut() : mixture.sample(samples, RandomStreams.stream(seed, RandomStreams.Kind.DATA, 4));

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
        int blockSize = Common.blockSize(s);
        double[][] before = sample(untrained, substrate, ladder, samples, seed, engine, blockSize, "untrained");
        double[][] after = sample(trained.trained(), substrate, ladder, samples, seed, engine, blockSize, "trained");
        double edBefore = EnergyDistance.of(before, heldOut);
        double edAfter = EnergyDistance.of(after, heldOut);
        account(report, s, untrained);
        report.metric("energy_distance_trained", edAfter).metric("energy_distance_untrained", edBefore)
                .metric("sigmas", Arrays.stream(sigmas).boxed().toList());
        String distances = String.format(Locale.ROOT, "energy distance to %d held-out %s: untrained %.4f, trained %.4f (%.2f of untrained)",
                heldOut.length, digits ? "digits" : "points", edBefore, edAfter, edAfter / edBefore);
        if (digits) {
            report.line(distances);
            judge(report, s, images, before, after, sigmas[0], seed);
            return report;
        }
        // the control: the same sampler with the mixture's exact denoiser, so a shortfall can be told apart from the sampler's own
        double[] exact = mixture.modeWeights(exactSampler(mixture, ladder, samples, RandomStreams.stream(seed, RandomStreams.Kind.DATA, 6)));
        report.metric("mode_weight_min_ratio_exact_denoiser", Arrays.stream(exact).min().orElseThrow() * exact.length)
                .metric("mode_weight_max_ratio_exact_denoiser", Arrays.stream(exact).max().orElseThrow() * exact.length);
        double[] w = mixture.modeWeights(after);
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (int k = 0; k < w.length; k++) {
            min = Math.min(min, w[k] / mixture.weights()[k]);
            max = Math.max(max, w[k] / mixture.weights()[k]);
        }
        report.metric("mode_weight_min_ratio", min).metric("mode_weight_max_ratio", max).metric("mode_weights", Arrays.stream(w).boxed().toList());
        report.line(distances + String.format(Locale.ROOT, "; mode shares over weights %.2f … %.2f", min, max));
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

    /** Where the clean points x₀ come from: {@code set} 0 draws training points, 1 test points. */
    @FunctionalInterface
    private interface Source {
        double[][] draw(int count, int set, SplittableRandom r);
    }

    /** {@code count} images drawn uniformly, with replacement. */
    private static double[][] draw(double[][] pool, int count, SplittableRandom r) {
        double[][] x = new double[count][];
        for (int n = 0; n < count; n++) x[n] = pool[r.nextInt(pool.length)];
        return x;
    }

    /**
     * count clean points, each noised at a level drawn from the ladder: inputs (x̃, embedding of σ),
     * targets x₀, and for {@code power} &gt; 0 the weights λ(σ) = σ^(−power) scaled to mean 1 over the ladder (power 2:
     * denoising score matching's σ²-weighted score error, ‖s − s*‖²σ² = ‖x̂ − x₀‖²/σ², Song &amp; Ermon 2019; power 1
     * halfway between it and the uniform weight, in the ladder's logarithm).
     */
    private static LabeledData noised(DsmSubstrate substrate, Source source, double[] sigmas, int count, long seed, int set, double power) {
        boolean weighted = power > 0;
        double mean = 0;
        for (double sg : sigmas) mean += Math.pow(sg, -power) / sigmas.length;
        double[][] x0 = source.draw(count, set, RandomStreams.stream(seed, RandomStreams.Kind.DATA, 2 * set));
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

    /**
     * Annealed Langevin sampling with the mixture's exact denoiser ({@link GaussianMixture#posteriorMean}), the
     * same ladder and step sizes as the substrate's sampler, in plain arithmetic: the control for its mode shares.
     */
    static double[][] exactSampler(GaussianMixture mixture, AnnealingLadder ladder, int samples, SplittableRandom r) {
        double[] sigmas = ladder.sigmas();
        double last = sigmas[sigmas.length - 1];
        double[][] x = new double[samples][2];
        for (double[] p : x) for (int d = 0; d < 2; d++) p[d] = sigmas[0] * r.nextGaussian();
        for (double sigma : sigmas) {
            double alpha = ladder.epsilon() * sigma * sigma / (last * last);
            for (int step = 0; step < ladder.steps(); step++) {
                for (double[] p : x) {
                    double[] m = mixture.posteriorMean(p, sigma);
                    for (int d = 0; d < 2; d++) p[d] += alpha / (2 * sigma * sigma) * (m[d] - p[d]) + Math.sqrt(alpha) * r.nextGaussian();
                }
            }
        }
        return x;
    }

    /** MNIST's 0s and 1s, or one sentence on how to install them. */
    private static Mnist01 digits(Settings s) {
        if (!DataSets.installed("mnist")) throw new BadInput("data.set=mnist01 needs the MNIST digits: run " + DataSets.howToInstall("mnist"));
        try {
            return Mnist01.of(DataSets.train("mnist"), s.getDouble("data.train-share"));
        } catch (IOException e) {
            throw new BadInput("could not read the MNIST digits (" + e.getMessage() + "): run " + DataSets.howToInstall("mnist"));
        } catch (IllegalArgumentException e) {
            throw new BadInput("data.train-share: " + e.getMessage());
        }
    }

    /**
     * The digits' verdict — mnist01-oscillators' judge on the trained and the untrained substrate's samples,
     * beside the held-out digits and N(0, σ₁²) noise (the sampler's start) — and the sample grids.
     */
    private static void judge(Report report, Settings s, Mnist01 images, double[][] before, double[][] after, double sigmaMax, long seed) {
        ClassMeanJudge judge = new ClassMeanJudge(images.train(), images.trainLabels(), 2, images.heldOut(), s.getDouble("judge.percentile"));
        SplittableRandom r = RandomStreams.stream(seed, RandomStreams.Kind.DATA, 5);
        double[][] noise = new double[after.length][Mnist01.PIXELS];
        for (double[] q : noise) for (int p = 0; p < q.length; p++) q[p] = sigmaMax * r.nextGaussian();
        double[] untrained = judge.shares(before);
        report.metric("share_recognized_untrained", untrained[0] + untrained[1]);
        double[] v = Mnist01OscillatorsScenario.verdict(report, judge, after, images.heldOut(), noise);
        report.metric("judge_threshold", judge.threshold()).metric("train_digits", images.train().length)
                .metric("held_out_digits", images.heldOut().length);
        report.line(String.format(Locale.ROOT, "untrained substrate: %.1f%% recognized; judge threshold ρ = %.3f; %d training digits, %d held out",
                100 * (untrained[0] + untrained[1]), judge.threshold(), images.train().length, images.heldOut().length));
        report.plot("samples_trained.png", Mnist01OscillatorsScenario.grid(String.format(Locale.ROOT,
                "Trained substrate: %.0f%% recognized (0: %.0f%%, 1: %.0f%%)", 100 * (v[0] + v[1]), 100 * v[0], 100 * v[1]), after, 10));
        report.plot("samples_untrained.png", Mnist01OscillatorsScenario.grid(String.format(Locale.ROOT,
                "Untrained substrate: %.0f%% recognized", 100 * (untrained[0] + untrained[1])), before, 10));
        report.plot("data.png", Mnist01OscillatorsScenario.grid("Training digits (10×10, [−1, 1])", images.train(), 10));
    }

    private static double[][] sample(NetworkSpec net, DsmSubstrate substrate, AnnealingLadder ladder, int samples, long seed, Engine engine,
                                     int blockSize, String label) {
        try {
            return SamplerRun.sample(net, substrate::gain, ladder, samples, seed, engine, blockSize);
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
