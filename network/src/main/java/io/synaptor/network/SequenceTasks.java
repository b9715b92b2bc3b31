package io.synaptor.network;

import java.util.SplittableRandom;

/** Sequence problems for Hamiltonian networks (docs/scenarios.md#echo-check, #sequence-task). */
public final class SequenceTasks {
    private SequenceTasks() {
    }

    /**
     * Sine tracking (REFERENCES.md, "Hamiltonian echo learning"): one channel u_t = cos(ω·t·dt + φ_b), and
     * the outputs' positions should follow sin(ω·(t + 1)·dt + φ_b) at every step; example b's phase φ_b is
     * drawn uniformly from r (b = 0 has φ = 0).
     */
    public static Sequences sineTracking(int examples, int steps, double dt, double omega, int outputs, SplittableRandom r) {
        double[][][] in = new double[examples][steps][1];
        double[][][] target = new double[examples][steps][outputs];
        for (int b = 0; b < examples; b++) {
            double phase = b == 0 ? 0.0 : 2 * Math.PI * r.nextDouble();
            for (int t = 0; t < steps; t++) {
                in[b][t][0] = Math.cos(omega * t * dt + phase);
                for (int o = 0; o < outputs; o++) target[b][t][o] = Math.sin(omega * (t + 1) * dt + phase);
            }
        }
        boolean[] all = new boolean[steps];
        java.util.Arrays.fill(all, true);
        return new Sequences(in, target, all, new int[examples]);
    }

    /**
     * Noisy sinusoids classified by frequency: example b has class c (uniform), input
     * u_t = sin(ω_c·t·dt + φ) + σ·ξ_t with a uniform phase φ and white noise, and the outputs' positions
     * should sit at the one-hot code of c (scaled by {@code level}) over the last {@code window} steps.
     */
    public static Sequences noisySinusoids(int examples, int steps, double dt, double[] omegas, double noise, int window, double level,
                                           SplittableRandom r) {
        int classes = omegas.length;
        double[][][] in = new double[examples][steps][1];
        double[][][] target = new double[examples][steps][classes];
        int[] labels = new int[examples];
        for (int b = 0; b < examples; b++) {
            int c = r.nextInt(classes);
            labels[b] = c;
            double phase = 2 * Math.PI * r.nextDouble();
            for (int t = 0; t < steps; t++) {
                in[b][t][0] = Math.sin(omegas[c] * t * dt + phase) + noise * r.nextGaussian();
                target[b][t][c] = level;
            }
        }
        boolean[] last = new boolean[steps];
        for (int t = Math.max(0, steps - window); t < steps; t++) last[t] = true;
        return new Sequences(in, target, last, labels);
    }
}
