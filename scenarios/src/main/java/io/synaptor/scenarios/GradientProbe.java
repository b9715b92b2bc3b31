package io.synaptor.scenarios;

import io.synaptor.scenarios.report.NetworkExport;
import io.synaptor.scenarios.report.Report;
import io.synaptor.actors.RunResult;
import io.synaptor.actors.SimulationSpec;
import io.synaptor.network.DenseReference;
import io.synaptor.network.LabeledData;
import io.synaptor.network.NetworkSpec;
import io.synaptor.network.PhaseSchedule;
import io.synaptor.network.Role;
import io.synaptor.scheduler.RandomStreams;
import io.synaptor.synapses.NudgeShape;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A small random layered net (Glorot weights, biases uniform in ±0.5) and one random example with
 * a one-hot target, with the exact gradient of L = ½‖s_out − y‖² at the reference's free fixed
 * point; {@link #measure} runs the actors for one training episode and returns the synapses' and
 * units' estimate of the same gradient. Shared by the gradient scenarios.
 */
final class GradientProbe {
    /** A rule with the nudge it runs under; {@code key} is the suffix of its summary keys. */
    record Estimator(String rule, NudgeShape shape, String key, String label) {
        static Estimator holomorphic(int points) {
            return new Estimator("holomorphic", NudgeShape.circle(points), "holo_n" + points, "holomorphic N=" + points);
        }
    }

    /** The estimators the gradient scenarios compare. */
    static final List<Estimator> ESTIMATORS = List.of(
            new Estimator("one-sided", NudgeShape.ONE_SIDED, "one_sided", "one-sided"),
            new Estimator("centered", NudgeShape.CENTERED, "centered", "centered"),
            Estimator.holomorphic(2), Estimator.holomorphic(4), Estimator.holomorphic(8));

    final NetworkSpec net;
    final LabeledData example;
    final double[] freeFixedPoint;
    final int[] free;
    final double[] exact;
    final double loss;
    /** Largest eigenvalue of the energy's Hessian at the free fixed point: explicit Euler is stable for dt·λ_max &lt; 2. */
    final double lambdaMax;
    final double dt;

    /** An estimate of dL/dθ (weights, then free units' biases) and how it compares with the exact one. */
    record Measurement(double[] estimate, double relError, double cosine, double fixedPointError, RunResult result) {
    }

    GradientProbe(Settings s, long seed, String scenario) {
        this(withRandomBiases(layered(s, seed, scenario), seed), example(s.getIntList("network.layers"), seed), s.getDouble("time.dt"));
    }

    /** The gradient of ½‖s_out − y‖² at {@code net}'s free fixed point for one example (x, y). */
    GradientProbe(NetworkSpec net, LabeledData example, double dt) {
        this.net = net;
        this.example = example;
        double[] x = example.x()[0];
        double[] y = example.y()[0];
        DenseReference ref = new DenseReference(net);
        try {
            freeFixedPoint = ref.freeFixedPoint(x);
        } catch (IllegalStateException e) {
            throw new RunFailed("the reference found no free fixed point for this net: " + e.getMessage(), e);
        }
        free = ref.freeUnits();
        exact = ref.exactGradient(freeFixedPoint, y).flat(free);
        loss = ref.loss(freeFixedPoint, y);
        lambdaMax = largestEigenvalue(ref.hessian(freeFixedPoint, 0.0));
        this.dt = dt;
    }

    private static NetworkSpec layered(Settings s, long seed, String scenario) {
        int[] layers = s.getIntList("network.layers");
        return Common.layeredNet(s, seed, layers[0], layers[layers.length - 1], scenario);
    }

    /** The net with its free units' biases drawn uniform in ±0.5 (stream INIT, 1), so every parameter has a gradient. */
    static NetworkSpec withRandomBiases(NetworkSpec net0, long seed) {
        SplittableRandom init = RandomStreams.stream(seed, RandomStreams.Kind.INIT, 1);
        double[] biases = new double[net0.size()];
        for (int k = 0; k < biases.length; k++) biases[k] = net0.roles()[k] == Role.INPUT ? 0.0 : init.nextDouble() - 0.5;
        return net0.withParameters(net0.weights(), biases);
    }

    /** One random example: inputs uniform in [0, 1), a one-hot target (stream DATA, 0). */
    private static LabeledData example(int[] layers, long seed) {
        SplittableRandom data = RandomStreams.stream(seed, RandomStreams.Kind.DATA, 0);
        double[] x = new double[layers[0]];
        for (int d = 0; d < x.length; d++) x[d] = data.nextDouble();
        double[] y = new double[layers[layers.length - 1]];
        y[data.nextInt(y.length)] = 1.0;
        return new LabeledData(new double[][]{x}, new double[][]{y});
    }

    /** The largest eigenvalue of a symmetric matrix. */
    static double largestEigenvalue(org.ejml.data.DMatrixRMaj h) {
        var eig = org.ejml.dense.row.factory.DecompositionFactory_DDRM.eig(h.numRows, false, true);
        if (!eig.decompose(h.copy())) return Double.NaN;
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < h.numRows; k++) max = Math.max(max, eig.getEigenvalue(k).getReal());
        return max;
    }

    /** Fails the run (exit 3) if the measurement's relaxation did not converge ({@link RelaxationCheck#require}). */
    void requireConverged(Measurement m, String what) {
        RelaxationCheck.require(m.result(), what, lambdaMax, dt);
    }

    /**
     * network.json and network.npz: the net the gradient is measured at (before the episode's learning),
     * the example, its target, and the order of metrics.csv's parameters.
     */
    void export(Report report, String scenario, Settings s, Map<String, Object> more) {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("parameters", "as the gradient was measured at: before the training episode's learning");
        extra.put("example_x", NetworkExport.boxed(example.x()[0]));
        extra.put("target_y", NetworkExport.boxed(example.y()[0]));
        extra.put("free_units", NetworkExport.boxed(free));
        extra.put("gradient_order", "metrics.csv's parameter k: coupling k (network.npz's pairs) for k < couplings, "
                + "then the biases of free_units in that order");
        // gradient-bias and finite-relaxation sweep some of these themselves (they do not declare those
        // settings; their `more` says what they ran)
        if (s.flat().containsKey("time.free-steps")) extra.put("free_steps", s.getInt("time.free-steps"));
        if (s.flat().containsKey("time.nudge-steps")) extra.put("nudge_steps", s.getInt("time.nudge-steps"));
        if (s.flat().containsKey("learning.beta")) extra.put("beta", s.getDouble("learning.beta"));
        if (s.flat().containsKey("learning.rule")) extra.put("rule", s.getString("learning.rule"));
        extra.put("episodes", "episode 0: one training episode (free phase, then nudged phases); episode 1: one evaluation episode (free phase)");
        extra.putAll(more);
        NetworkExport.attach(report, scenario, net, extra);
    }

    int weightCount() {
        return net.couplings().size();
    }

    /** One training episode (T1 free steps, then T2 per nudged phase) followed by one evaluation episode. */
    Measurement measure(Settings s, long seed, Estimator est, double beta, boolean randomSign, int freeSteps, int nudgeSteps) {
        return measure(s, seed, est, beta, randomSign, freeSteps, nudgeSteps, null);
    }

    /** The same, recording what {@code monitor} asks for (null: nothing) in {@link RunResult#recording()}. */
    Measurement measure(Settings s, long seed, Estimator est, double beta, boolean randomSign, int freeSteps, int nudgeSteps,
                        io.synaptor.actors.Monitor monitor) {
        if (est.shape().complex() && !net.presented().holomorphic()) {
            throw new BadInput("holomorphic EP needs a holomorphic activation (sigmoid or tanh), not " + net.activation().name());
        }
        PhaseSchedule schedule = new PhaseSchedule(1, freeSteps, nudgeSteps, beta, randomSign, seed, 1, 1, 1, est.shape());
        SimulationSpec spec = SimulationSpec.builder(net, schedule, example, example).rule(est.rule())
                .rate(s.getDouble("learning.rate")).reset(s.getBoolean("units.reset")).seed(seed)
                .window(s.getInt("runtime.window")).timing(Common.timing(s, seed, net)).blockSize(Common.blockSize(s))
                .rates(Common.learningRates(s, net)).build();
        RunResult result = Common.simulate(monitor == null ? spec : spec.withMonitor(monitor), s, r -> { });
        double[] g = new double[exact.length];
        int nw = weightCount();
        System.arraycopy(result.weightGradients(), 0, g, 0, nw);
        for (int a = 0; a < free.length; a++) g[nw + a] = result.biasGradients()[free[a]];
        double fixedPointError = 0.0;
        for (int u : free) fixedPointError = Math.max(fixedPointError, Math.abs(result.states()[u][0] - freeFixedPoint[u]));
        return new Measurement(g, GradientStats.relativeError(g, exact), GradientStats.cosine(g, exact),
                fixedPointError, result);
    }
}
