package io.synaptor.scenarios;

import io.synaptor.actors.RunResult;
import io.synaptor.network.DenseReference;
import io.synaptor.network.LabeledData;
import io.synaptor.scheduler.RandomStreams;
import io.synaptor.synapses.FrequencyPlan;
import io.synaptor.synapses.NudgeShape;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Several tasks on one random layered net (docs/scenarios.md#multiplex-check): its outputs split into K groups of
 * consecutive units, task k's targets, one example with a one-hot target per task, and each task's exact gradient
 * alone — the dense reference at the free fixed point with only task k's outputs in the loss (the others'
 * targets set to their free values, so their cost has no slope). {@link #measure} runs one training episode
 * with every task nudging at once, once per task to read that task's demodulator (the dynamics and the updates
 * are the same bits whichever task the synapses report). Shared by multiplex-check and delay-sweep.
 */
final class MultiplexProbe {
    /** The multiplex settings: tasks, their harmonics, the window. */
    static final List<Setting> SETTINGS = List.of(
            Setting.integer("multiplex.tasks", 2, 1, 1000, "K: tasks, each taking an equal share of the outputs as its targets"),
            Setting.intValues("multiplex.harmonics", List.of(), 1, 100_000, "m_k, cycles per window of each task's nudge; empty: m_k = K + 2 + k"),
            Setting.integer("multiplex.points", 128, 4, 100_000, "W: nudge phases per window (the window's samples); every m_k < W/2"));

    /** The multiplex scenarios' net and phases: a 4-8-4 net at dt = 0.25, T1 = 800, T2 = 400 (phases that settle), β = 0.1. */
    static final Common.Defaults DEFAULTS = new Common.Defaults(List.of(4, 8, 4), 800, 400, 0.1, false, 0.0, 1, 1, 0.25);

    /** Every setting of a multiplex scenario: the shared network and time settings (no rule: the scenario runs its own), the tasks, β's sweep. */
    static List<Setting> scenarioSettings() {
        java.util.Set<String> unused = java.util.Set.of("learning.rule", "learning.random-sign");
        List<Setting> s = new ArrayList<>(Common.networkSettings(DEFAULTS, RelaxationCheck.GRADIENT_TOLERANCE).stream()
                .filter(x -> !unused.contains(x.path()) && !Common.HOLOMORPHIC_KEYS.contains(x.path())).toList());
        s.addAll(SETTINGS);
        s.add(Setting.realList("multiplex.betas", List.of(0.01, 0.03), 1e-6, 10.0, "|β| of the sweep, besides learning.beta"));
        return s;
    }

    /** The sweep's |β|: multiplex.betas and learning.beta, ascending, once each. */
    static double[] betas(Settings s) {
        java.util.TreeSet<Double> grid = new java.util.TreeSet<>();
        grid.add(s.getDouble("learning.beta"));
        for (double b : s.getRealList("multiplex.betas")) grid.add(b);
        return grid.stream().mapToDouble(Double::doubleValue).toArray();
    }

    final GradientProbe probe;
    final int[] taskOf;
    final int[] harmonics;
    final int points;
    final double[][] exact;
    final double[] exactSum;

    /** Task k's estimates, errors and cosines against its exact gradient, and the runs. */
    record PerTask(double[][] estimates, double[] relErrors, double[] cosines, List<RunResult> results) {
        double worstError() {
            double w = 0;
            for (double e : relErrors) w = Math.max(w, e);
            return w;
        }

        double worstCosine() {
            double w = 1;
            for (double c : cosines) w = Math.min(w, c);
            return w;
        }
    }

    MultiplexProbe(Settings s, long seed, String scenario) {
        int[] layers = s.getIntList("network.layers");
        int outputs = layers[layers.length - 1];
        int tasks = s.getInt("multiplex.tasks");
        if (tasks > outputs) throw new BadInput("multiplex.tasks (" + tasks + ") cannot exceed the outputs (" + outputs + "): each task needs a target unit");
        taskOf = new int[outputs];
        for (int o = 0; o < outputs; o++) taskOf[o] = (int) ((long) o * tasks / outputs);
        int[] m = s.getIntList("multiplex.harmonics");
        harmonics = m.length == 0 ? FrequencyPlan.ruleAbiding(tasks) : m;
        if (harmonics.length != tasks) throw new BadInput("multiplex.harmonics has " + harmonics.length + " entries for " + tasks + " tasks");
        points = s.getInt("multiplex.points");
        plan(harmonics, true);
        probe = new GradientProbe(GradientProbe.withRandomBiases(Common.layeredNet(s, seed, layers[0], outputs, scenario), seed),
                example(layers[0], taskOf, tasks, seed), s.getDouble("time.dt"));
        DenseReference ref = new DenseReference(probe.net);
        double[] y = probe.example.y()[0];
        int[] outs = probe.net.outputs();
        exact = new double[tasks][];
        exactSum = new double[probe.exact.length];
        for (int k = 0; k < tasks; k++) {
            double[] yk = y.clone();
            for (int o = 0; o < outputs; o++) if (taskOf[o] != k) yk[o] = probe.freeFixedPoint[outs[o]];
            exact[k] = ref.exactGradient(probe.freeFixedPoint, yk).flat(probe.free);
            for (int p = 0; p < exactSum.length; p++) exactSum[p] += exact[k][p];
        }
    }

    int tasks() {
        return harmonics.length;
    }

    /** The plan of these tasks at harmonics m, checked against the window (one sentence if it does not fit). */
    FrequencyPlan plan(int[] m, boolean complex) {
        try {
            FrequencyPlan plan = new FrequencyPlan(m, taskOf, complex);
            plan.checkWindow(points);
            return plan;
        } catch (IllegalArgumentException e) {
            throw new BadInput("multiplex: " + e.getMessage());
        }
    }

    /** One training episode per task with every task nudging at once at |β| = beta, each reading its task's demodulator. */
    PerTask measure(Settings s, long seed, FrequencyPlan plan, double beta, String label) {
        int tasks = tasks();
        double[][] estimates = new double[tasks][];
        double[] errors = new double[tasks];
        double[] cosines = new double[tasks];
        List<RunResult> results = new ArrayList<>();
        for (int k = 0; k < tasks; k++) {
            GradientProbe.Estimator est = new GradientProbe.Estimator("multiplexed", NudgeShape.multiplex(points, plan.reporting(k)), label, label);
            GradientProbe.Measurement m = probe.measure(s, seed, est, beta, false, s.getInt("time.free-steps"), s.getInt("time.nudge-steps"));
            probe.requireConverged(m, label + " at β = " + String.format(java.util.Locale.ROOT, "%.3g", beta));
            results.add(m.result());
            estimates[k] = m.estimate();
            errors[k] = GradientStats.relativeError(m.estimate(), exact[k]);
            cosines[k] = GradientStats.cosine(m.estimate(), exact[k]);
        }
        return new PerTask(estimates, errors, cosines, results);
    }

    /**
     * One training episode with every task nudging at once under {@code rule}, its estimate read as the synapses'
     * last gradient (for the multiplexed rule the sum of its demodulators, Σ_k ĝ_k), against the sum of the tasks'
     * exact gradients.
     */
    GradientProbe.Measurement measureTotal(Settings s, long seed, String rule, FrequencyPlan plan, double beta, String label) {
        GradientProbe.Estimator est = new GradientProbe.Estimator(rule, NudgeShape.multiplex(points, plan), label, label);
        GradientProbe.Measurement m = probe.measure(s, seed, est, beta, false, s.getInt("time.free-steps"), s.getInt("time.nudge-steps"));
        probe.requireConverged(m, label + " at β = " + String.format(java.util.Locale.ROOT, "%.3g", beta));
        return m;
    }

    /** One example: inputs uniform in [0, 1), and for each task a one-hot target over its outputs (stream DATA, 0). */
    private static LabeledData example(int inputs, int[] taskOf, int tasks, long seed) {
        SplittableRandom data = RandomStreams.stream(seed, RandomStreams.Kind.DATA, 0);
        double[] x = new double[inputs];
        for (int d = 0; d < inputs; d++) x[d] = data.nextDouble();
        double[] y = new double[taskOf.length];
        for (int k = 0; k < tasks; k++) {
            int first = 0;
            while (taskOf[first] != k) first++;
            int size = 0;
            while (first + size < taskOf.length && taskOf[first + size] == k) size++;
            y[first + data.nextInt(size)] = 1.0;
        }
        return new LabeledData(new double[][]{x}, new double[][]{y});
    }
}
