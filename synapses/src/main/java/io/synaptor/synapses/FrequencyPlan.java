package io.synaptor.synapses;

import java.util.Arrays;

/**
 * Several tasks nudged at once in one substrate, each at its own frequency (seed 003's concurrent-learning
 * hypothesis; docs/scenarios.md#multiplex-check): task k nudges its target units X_k with
 * β_k(τ) = |β|·e^{iω_kτ}, ω_k = 2π m_k/W over a window of W nudge points τ = 0 … W−1 (or |β|·cos ω_kτ, real),
 * and each synapse demodulates what it sees at each task's frequency.
 *
 * <p>Why the frequencies need a rule: at equilibrium ρ_iρ_j is holomorphic in (β_1, …, β_K), a power series
 * Σ_n c_n Π β_k^{n_k}, and the monomial n oscillates at Σ n_k ω_k. Demodulating at ω_k keeps c_{e_k}|β| — the
 * task's gradient, Cauchy's formula in each variable — plus every n ≠ e_k with Σ n_j m_j = m_k. If no m_k is a
 * non-negative integer combination of the others, no such n exists (any monomial of order ≥ 2 that contains
 * task k oscillates faster than ω_k), and what is left is aliasing: Σ n_j m_j = m_k + W·q, of order at least
 * (W + m_k)/max m — negligible for W well above the harmonics. Harmonics all in (M, 2M) obey the rule
 * (every sum of two is above the largest). A real nudge |β|cos ω_kτ = |β|(e^{iω_kτ} + e^{−iω_kτ})/2 brings the
 * conjugate frequencies in: ω_k + ω_j − ω_j = ω_k at third order, so its estimate is off by O(|β|²).
 *
 * @param harmonics    m_k: task k's frequency in cycles per window, 1 ≤ m_k &lt; W/2
 * @param taskOfOutput for each output unit (in the network's output order), the task whose targets it holds, or −1
 *                     for an output no task nudges (it relaxes freely: a task trained alone on a shared substrate)
 * @param complex      complex nudges |β|e^{iω_kτ} (holomorphic units), or real ones |β|cos ω_kτ
 * @param report       which task's demodulated estimate a synapse reports as its last gradient (−1: the sum it
 *                     learns from, Σ_k ĝ_k); what it learns is the same whatever it reports
 * @param offset       where in its oscillation each task starts: phase τ holds β_k at 2π m_k(τ + offset)/W, so the
 *                     window ends elsewhere than at every task's phase 0 (the demodulators read the same phases)
 * @param weights      λ_k: each task's weight in what a synapse learns, −η Σ_k λ_k ĝ_k (its demodulator's gain)
 * @param hann         demodulate through a Hann window w(τ) = 1 − cos 2πτ/W instead of a flat one. A flat window passes
 *                     whatever does not repeat with the window — the relaxation still drifting from the free phase,
 *                     a task's onset — into every demodulator at about 1/(2πm) of its size, and every synapse learns
 *                     from every demodulator, also where a task's nudges never reach; the Hann window's leakage falls
 *                     as 1/m³. Its price: the estimate at m_k becomes c_{m_k} − (c_{m_k−1} + c_{m_k+1})/2, so no
 *                     frequency the response holds may sit next to a task's: harmonics two apart and above half the
 *                     largest plus one ({@link #spaced}), so that no task and no second-order combination m_j ± m_l
 *                     lands on m_k ± 1 (docs/scenarios.md#concurrent-tasks)
 */
public record FrequencyPlan(int[] harmonics, int[] taskOfOutput, boolean complex, int report, int offset, double[] weights, boolean hann) {
    public FrequencyPlan {
        harmonics = harmonics.clone();
        taskOfOutput = taskOfOutput.clone();
        if (weights == null) {
            weights = new double[harmonics.length];
            Arrays.fill(weights, 1.0);
        }
        weights = weights.clone();
        if (weights.length != harmonics.length) throw new IllegalArgumentException(weights.length + " task weights for " + harmonics.length + " tasks");
        for (double w : weights) if (!(w >= 0) || !Double.isFinite(w)) throw new IllegalArgumentException("task weights must be finite and ≥ 0, got " + w);
        if (harmonics.length == 0) throw new IllegalArgumentException("a frequency plan needs at least one task");
        for (int m : harmonics) if (m < 1) throw new IllegalArgumentException("harmonics must be ≥ 1 cycle per window, got " + m);
        boolean[] targeted = new boolean[harmonics.length];
        for (int k : taskOfOutput) {
            if (k < -1 || k >= harmonics.length) throw new IllegalArgumentException("an output belongs to task " + k + " of " + harmonics.length);
            if (k >= 0) targeted[k] = true;
        }
        for (int k = 0; k < targeted.length; k++) if (!targeted[k]) throw new IllegalArgumentException("task " + k + " has no target unit");
        if (report < -1 || report >= harmonics.length) throw new IllegalArgumentException("no task " + report + " to report");
        if (offset < 0) throw new IllegalArgumentException("the phase offset must be ≥ 0 points, got " + offset);
        if (hann) {
            for (int a = 0; a < harmonics.length; a++) {
                for (int b = 0; b < harmonics.length; b++) {
                    if (a != b && Math.abs(harmonics[a] - harmonics[b]) < 2) {
                        throw new IllegalArgumentException("a Hann window needs harmonics at least two apart, got " + harmonics[a] + " and " + harmonics[b]);
                    }
                }
            }
        }
    }

    /** Every field but the window given; a flat window. */
    public FrequencyPlan(int[] harmonics, int[] taskOfOutput, boolean complex, int report, int offset, double[] weights) {
        this(harmonics, taskOfOutput, complex, report, offset, weights, false);
    }

    /** Every task learned and the sum reported, each task starting at phase 0. */
    public FrequencyPlan(int[] harmonics, int[] taskOfOutput, boolean complex) {
        this(harmonics, taskOfOutput, complex, -1, 0, null, false);
    }

    /**
     * Harmonics for K tasks under a Hann window: m_k = 2K + 1 + 2k — odd, two apart, the largest plus one (4K) below
     * twice the smallest (4K + 2), so neither another task nor any second-order combination sits at m_k ± 1; the rule
     * holds too (every sum of two is above the largest). The window needs W ≥ 8K points.
     */
    public static int[] spaced(int tasks) {
        int[] m = new int[tasks];
        for (int k = 0; k < tasks; k++) m[k] = 2 * tasks + 1 + 2 * k;
        return m;
    }

    /** The same plan demodulated through a Hann window (true) or a flat one. */
    public FrequencyPlan windowed(boolean hannWindow) {
        return new FrequencyPlan(harmonics, taskOfOutput, complex, report, offset, weights, hannWindow);
    }

    /** The demodulators' weight of window point τ of W: 1 − cos 2πτ/W under a Hann window (mean 1), else 1. */
    public double windowWeight(int point, int points) {
        return hann ? 1.0 - Math.cos(2.0 * Math.PI * point / points) : 1.0;
    }

    /** The default harmonics for K tasks: m_k = K + 2 + k, all in (K + 1, 2K + 2), so the rule holds. */
    public static int[] ruleAbiding(int tasks) {
        int[] m = new int[tasks];
        for (int k = 0; k < tasks; k++) m[k] = tasks + 2 + k;
        return m;
    }

    /** The same plan with synapses reporting task k's estimate (−1: the sum). */
    public FrequencyPlan reporting(int task) {
        return new FrequencyPlan(harmonics, taskOfOutput, complex, task, offset, weights, hann);
    }

    /** The same plan with every task's oscillation advanced by {@code points} phases. */
    public FrequencyPlan shifted(int points) {
        return new FrequencyPlan(harmonics, taskOfOutput, complex, report, points, weights, hann);
    }

    /** The same plan with task k weighing λ_k in the update. */
    public FrequencyPlan weighted(double[] lambda) {
        return new FrequencyPlan(harmonics, taskOfOutput, complex, report, offset, lambda, hann);
    }

    public int tasks() {
        return harmonics.length;
    }

    /** The task output o nudges for, or −1 if it is not nudged. */
    public int taskOf(int output) {
        return taskOfOutput[output];
    }

    /**
     * The first task whose harmonic is a non-negative integer combination (of at least one term) of the
     * others' — a frequency the monomials of the other tasks reach, so its estimate picks them up — or −1.
     */
    public int breaksRule() {
        for (int k = 0; k < harmonics.length; k++) {
            boolean[] reach = new boolean[harmonics[k] + 1]; // sums of the others' harmonics (coin problem)
            reach[0] = true;
            for (int v = 1; v <= harmonics[k]; v++) {
                for (int j = 0; j < harmonics.length && !reach[v]; j++) {
                    if (j != k && harmonics[j] <= v && reach[v - harmonics[j]]) reach[v] = true;
                }
            }
            if (reach[harmonics[k]]) return k;
        }
        return -1;
    }

    /** Checks the plan against a window of W points: each harmonic below the Nyquist limit W/2. */
    public void checkWindow(int points) {
        for (int m : harmonics) {
            if (2 * m >= points) {
                throw new IllegalArgumentException("harmonic " + m + " needs more than " + 2 * m + " points per window, got " + points);
            }
        }
    }

    /** The phase of task k at nudge point τ of a window of W points: 2π m_k (τ + offset) / W (reduced mod W for accuracy). */
    public double phase(int task, int point, int points) {
        return 2.0 * Math.PI * Math.floorMod((long) harmonics[task] * (point + offset), (long) points) / points; // a warm-up's negative points too
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FrequencyPlan p && Arrays.equals(harmonics, p.harmonics) && Arrays.equals(taskOfOutput, p.taskOfOutput)
                && complex == p.complex && report == p.report && offset == p.offset && Arrays.equals(weights, p.weights) && hann == p.hann;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(harmonics) + Arrays.hashCode(taskOfOutput)) + Boolean.hashCode(complex) + 7 * report + 131 * offset + (hann ? 1009 : 0);
    }

    @Override
    public String toString() {
        return "FrequencyPlan" + Arrays.toString(harmonics) + (complex ? " complex" : " real") + (hann ? ", Hann window" : "") + ", outputs' tasks " + Arrays.toString(taskOfOutput);
    }
}
