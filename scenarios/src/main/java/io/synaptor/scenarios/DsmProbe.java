package io.synaptor.scenarios;

import io.synaptor.network.DsmSubstrate;
import io.synaptor.network.LabeledData;
import io.synaptor.network.NetworkSpec;
import io.synaptor.network.PhaseSchedule;
import io.synaptor.scenarios.data.GaussianMixture;
import io.synaptor.scheduler.RandomStreams;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The denoising-score-matching probe of the diffusion scenarios (seed 000; docs/scenarios.md#dsm-bias): seed
 * 000's substrate ({@link DsmSubstrate}: anharmonic units, bilinear couplings, a rank-k skip), one clean
 * point x₀ of the ring mixture, its noisy version x̃ = x₀ + σξ and the noise level's embedding as the
 * clamped inputs, and x₀ as the decoder's target, so that L = ½‖x̂(x̃, σ) − x₀‖² is the denoising loss
 * of that example; its exact gradient comes from the dense reference ({@link GradientProbe}). DSM weights
 * each σ's loss (λ(σ)); with one example at one σ the weight scales the exact gradient and every estimate
 * alike, so relative errors and cosines do not depend on it. The parameters are the couplings, the free
 * units' self-energy parameters J₂ and J₄ (of ½J₂s² + ¼J₄s⁴, each unit's own), and their biases (the
 * field term −b·s). The substrate's units share J₂ and J₄ while it runs; the gradient with respect to each
 * unit's own J₂ and J₄ is what a substrate with per-unit stiffness would learn, and its EqProp estimate
 * needs nothing but that unit's own state at the ends of the phases.
 */
final class DsmProbe {
    private DsmProbe() {
    }

    /** The estimators the seed compares: one-sided and symmetric (centered) EqProp. */
    static final List<GradientProbe.Estimator> ESTIMATORS = List.of(
            new GradientProbe.Estimator("one-sided", io.synaptor.synapses.NudgeShape.ONE_SIDED, "one_sided", "one-sided"),
            new GradientProbe.Estimator("centered", io.synaptor.synapses.NudgeShape.CENTERED, "symmetric", "symmetric"));

    /** The common settings the substrate fixes itself (its shape, units, couplings) or the probe does not use. */
    private static final Set<String> FIXED = Set.of("network.layers", "units.model", "network.coupling", "units.activation",
            "learning.rule", "learning.rates", "learning.random-sign", "units.persistent", "learning.optimizer", "learning.rate-decay",
            "network.projection-delays", "monitor.units", "monitor.layers", "monitor.synapses", "monitor.every", "monitor.episodes");

    /** The common network settings (less {@link #FIXED} and {@code unused}), then the substrate's and the data's. */
    static List<Setting> settings(Common.Defaults d, double tolerance, Set<String> unused) {
        List<Setting> s = new ArrayList<>(Common.networkSettings(d, tolerance).stream()
                .filter(x -> !FIXED.contains(x.path()) && !unused.contains(x.path()) && !Common.HOLOMORPHIC_KEYS.contains(x.path())).toList());
        s.addAll(SUBSTRATE);
        return s;
    }

    /** The substrate's, the data's and the probed example's settings. */
    static final List<Setting> SUBSTRATE = List.of(
            Setting.integer("substrate.encoder", 6, 1, 100_000, "encoder units"),
            Setting.integer("substrate.transfer", 6, 1, 100_000, "transfer units"),
            Setting.integer("substrate.rank", 2, 1, 100_000, "k: bottleneck units of the low-rank skip encoder → decoder"),
            Setting.real("substrate.j2", 1.0, -100.0, 100.0, "J₂ of every unit's self-energy ½J₂s² + ¼J₄s⁴"),
            Setting.real("substrate.j4", 1.0, 0.0, 100.0, "J₄ of every unit's self-energy (≥ 0: confining)"),
            Setting.real("substrate.weight-scale", 0.5, 1e-6, 10.0, "the Glorot draws of the couplings are multiplied by this"),
            Setting.integer("data.modes", 8, 1, 1000, "modes of the 2-D mixture, evenly on a circle"),
            Setting.real("data.radius", 1.0, 0.0, 1000.0, "the circle's radius"),
            Setting.real("data.std", 0.05, 1e-6, 1000.0, "each mode's standard deviation per coordinate"),
            Setting.real("dsm.sigma", 0.3, 1e-6, 1000.0, "σ: the noise level of the probed example, x̃ = x₀ + σξ"));

    /** The substrate the settings describe. */
    /** The substrate the settings describe, for data of {@code dimension} coordinates. */
    static DsmSubstrate substrate(Settings s, int dimension) {
        try {
            return new DsmSubstrate(dimension, s.getInt("substrate.encoder"), s.getInt("substrate.transfer"), s.getInt("substrate.rank"),
                    s.getDouble("substrate.j2"), s.getDouble("substrate.j4"), s.getDouble("substrate.weight-scale"),
                    s.declares("substrate.data-std") ? s.getDouble("substrate.data-std") : 0.0);
        } catch (IllegalArgumentException e) {
            throw new BadInput("substrate: " + e.getMessage());
        }
    }

    /** The probe: the substrate with random biases, one noisy example of the ring mixture, its exact gradient. */
    static GradientProbe probe(Settings s, long seed) {
        DsmSubstrate substrate = substrate(s, 2);
        NetworkSpec net0;
        try {
            net0 = substrate.network(s.getDouble("time.dt"), s.getDouble("units.temperature"), s.getInt("network.delay"),
                    RandomStreams.stream(seed, RandomStreams.Kind.INIT, 0));
        } catch (IllegalArgumentException e) {
            throw new BadInput("substrate: " + e.getMessage());
        }
        NetworkSpec net = GradientProbe.withRandomBiases(Common.drawnDelays(s, seed, net0), seed);
        GaussianMixture mixture = GaussianMixture.ring(s.getInt("data.modes"), s.getDouble("data.radius"), s.getDouble("data.std"));
        double[] x0 = mixture.sample(1, RandomStreams.stream(seed, RandomStreams.Kind.DATA, 0))[0];
        double sigma = s.getDouble("dsm.sigma");
        SplittableRandom noise = RandomStreams.stream(seed, RandomStreams.Kind.DATA, 1);
        double[] noisy = new double[x0.length];
        for (int d = 0; d < noisy.length; d++) noisy[d] = x0[d] + sigma * noise.nextGaussian();
        LabeledData example = new LabeledData(new double[][]{substrate.input(noisy, sigma)}, new double[][]{x0});
        return new GradientProbe(net, example, s.getDouble("time.dt"));
    }

    /**
     * The exact dL/dθ of the free units' J₂ (first) and J₄ (then), in {@code probe.free} order, by implicit
     * differentiation (DESIGN.md, "Learning rules"): dL/dθ = −λᵀ ∂²E/∂s∂θ with λ = H⁻¹∇ℓ at the free
     * fixed point s*. With bilinear couplings ∂²E/∂s_u∂b_u = −1, so λ_u = dL/db_u, the reference's exact bias
     * gradient; ∂²E/∂s_u∂J₂,u = s_u and ∂²E/∂s_u∂J₄,u = s_u³ give dL/dJ₂,u = −λ_u s_u* and dL/dJ₄,u = −λ_u s_u*³.
     */
    static double[] selfExact(GradientProbe probe) {
        int nw = probe.weightCount();
        int f = probe.free.length;
        double[] g = new double[2 * f];
        for (int a = 0; a < f; a++) {
            double lambda = probe.exact[nw + a];
            double s = probe.freeFixedPoint[probe.free[a]];
            g[a] = -lambda * s;
            g[f + a] = -lambda * s * s * s;
        }
        return g;
    }

    /** What to record for {@link #selfEstimate}: every free unit's state at every step of episode 0. */
    static io.synaptor.actors.Monitor monitor(GradientProbe probe) {
        return new io.synaptor.actors.Monitor(probe.free.clone(), new int[0], 1, new long[]{0});
    }

    /**
     * The EqProp estimate of the same, (1/β)[∂E/∂θ(s_β) − ∂E/∂θ(s_0)] with ∂E/∂J₂,u = ½s_u² and
     * ∂E/∂J₄,u = ¼s_u⁴ — one-sided from the ends of the free and nudged phases, symmetric
     * (1/2β)[∂E/∂θ(s_{+β}) − ∂E/∂θ(s_{−β})] from the ends of the two nudged phases — each unit's own states,
     * as the actors recorded them at those state times ({@code minus} &lt; 0: one-sided).
     */
    static double[] selfEstimate(GradientProbe probe, io.synaptor.actors.Recording rec, long free, long plus, long minus, double beta) {
        int f = probe.free.length;
        double[] g = new double[2 * f];
        for (int a = 0; a < f; a++) {
            double s0 = recorded(rec, probe.free[a], minus < 0 ? free : minus);
            double s1 = recorded(rec, probe.free[a], plus);
            double scale = minus < 0 ? 1 / beta : 1 / (2 * beta);
            g[a] = scale * 0.5 * (s1 * s1 - s0 * s0);
            g[f + a] = scale * 0.25 * (s1 * s1 * s1 * s1 - s0 * s0 * s0 * s0);
        }
        return g;
    }

    /** The bias estimate −(1/β)(s_β − s_0) (or the symmetric one) from the same records: the units' own, to check the reading. */
    static double[] biasEstimate(GradientProbe probe, io.synaptor.actors.Recording rec, long free, long plus, long minus, double beta) {
        double[] g = new double[probe.free.length];
        for (int a = 0; a < g.length; a++) {
            double s0 = recorded(rec, probe.free[a], minus < 0 ? free : minus);
            double s1 = recorded(rec, probe.free[a], plus);
            g[a] = -(s1 - s0) / (minus < 0 ? beta : 2 * beta);
        }
        return g;
    }

    /** Unit u's recorded state (example 0) at state time t of episode 0. */
    private static double recorded(io.synaptor.actors.Recording rec, int u, long t) {
        int column = java.util.Arrays.binarySearch(rec.units(), u);
        for (int q = 0; q < rec.times().length; q++) {
            if (rec.times()[q] == t && rec.episodes()[q] == 0) return rec.states()[(q * rec.units().length + column) * rec.examples()];
        }
        throw new IllegalStateException("no record of unit " + u + " at time " + t);
    }

    /** Every parameter's exact gradient: the couplings, then J₂ and J₄ of each free unit, then their biases. */
    static double[] exactAll(GradientProbe probe) {
        int nw = probe.weightCount();
        return concat(java.util.Arrays.copyOfRange(probe.exact, 0, nw), selfExact(probe),
                java.util.Arrays.copyOfRange(probe.exact, nw, probe.exact.length));
    }

    /**
     * Every parameter's EqProp estimate in {@link #exactAll}'s order: the synapses' and the units' own for the
     * couplings and biases, and for J₂, J₄ {@link #selfEstimate} from the recorded states at the phases' ends
     * of {@code phases} (the run's schedule).
     */
    static double[] estimateAll(GradientProbe probe, GradientProbe.Measurement m, PhaseSchedule phases, double beta) {
        int nw = probe.weightCount();
        double[] self = selfEstimate(probe, m.result().recording(), phases.freeSampleTime(0), phases.pointSampleTime(0, 0),
                phases.counterNudgedSampleTime(0), beta);
        return concat(java.util.Arrays.copyOfRange(m.estimate(), 0, nw), self, java.util.Arrays.copyOfRange(m.estimate(), nw, m.estimate().length));
    }

    /** The schedule of {@link GradientProbe#measure}'s training episode, for the phases' end times. */
    static PhaseSchedule phases(GradientProbe.Estimator est, double beta, int freeSteps, int nudgeSteps, long seed) {
        return new PhaseSchedule(1, freeSteps, nudgeSteps, beta, false, seed, 1, 1, 1, est.shape());
    }

    static double[] concat(double[]... parts) {
        return java.util.Arrays.stream(parts).flatMapToDouble(java.util.Arrays::stream).toArray();
    }

    /** Relative error of the entries [from, to) of an estimate against the exact gradient's. */
    static double relError(double[] estimate, double[] exact, int from, int to) {
        return GradientStats.relativeError(java.util.Arrays.copyOfRange(estimate, from, to), java.util.Arrays.copyOfRange(exact, from, to));
    }
}
