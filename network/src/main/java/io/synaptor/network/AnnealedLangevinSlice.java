package io.synaptor.network;

import io.synaptor.scheduler.UpdateModel;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

/**
 * Coordinates of the samples of annealed Langevin sampling as the model a unit actor hosts
 * (docs/scenarios.md#thermo-diffusion): x_b of every sample b, for each unit of the slice. Each
 * coordinate's field is the substrate's denoiser x̂(x, σ) for it — its decoder unit's value, through a
 * one-way readout — and at each Langevin step of the {@link AnnealingLadder} it moves
 * x ← x + (α/2)(x̂ − x)/σ² + √α·z with its own noise stream (the bath: kT = 1); between, it holds, while
 * the substrate relaxes to the new x. It starts from N(0, σ₁²). It feeds the encoder as the noisy input
 * did in training — the value g(σ)·x, with the substrate's input gain ({@link DsmSubstrate#gain}) —
 * one-way: the encoder's forces do not move it. Under an update model a coordinate skips the Langevin
 * steps its clock does not tick at.
 */
public final class AnnealedLangevinSlice extends SamplerSlice {
    private final AnnealingLadder ladder;
    private final DoubleUnaryOperator gain;
    private final SplittableRandom[] noise;
    private final UpdateModel update;

    /** @param noise each unit's own stream (the same draws whatever slice the unit is in) */
    public AnnealedLangevinSlice(int[] units, AnnealingLadder ladder, DoubleUnaryOperator gain, int samples, SplittableRandom[] noise,
                                 UpdateModel update) {
        super(units, samples, ladder.endTime());
        if (noise.length != units.length) throw new IllegalArgumentException("one noise stream per unit");
        this.ladder = ladder;
        this.gain = gain;
        this.update = update;
        this.noise = noise.clone();
        double s0 = ladder.sigmas()[0];
        for (int k = 0; k < units.length; k++) for (int b = 0; b < samples; b++) state[k * samples + b] = s0 * noise[k].nextGaussian();
    }

    /** x ← x + (α/2)(x̂ − x)/σ² + √α·z at the Langevin steps (Song &amp; Ermon 2019, Algorithm 1, with the score by Tweedie). */
    @Override
    public void step(long t, double[] field) {
        if (!ladder.langevinStep(t)) return;
        double sigma = ladder.sigma(t);
        double alpha = ladder.alpha(t);
        double kick = Math.sqrt(alpha);
        double drift = alpha / (2 * sigma * sigma);
        int samples = row();
        for (int k = 0; k < size(); k++) {
            if (!update.updates(unit(k), t)) continue;
            for (int b = k * samples, end = b + samples; b < end; b++) state[b] += drift * (field[b] - state[b]) + kick * noise[k].nextGaussian();
        }
    }

    @Override
    public double[] arrive(long t, Reports reports) {
        // x and σ change only at window boundaries, so the value holds through each window
        double g = gain.applyAsDouble(ladder.sigma(t));
        double[] v = state.clone();
        if (g != 1.0) for (int b = 0; b < v.length; b++) v[b] *= g;
        return v;
    }

    /** x changes only at the Langevin steps: its value holds through each relaxation window. */
    @Override
    public long holdsThrough(long t) {
        return ladder.holdsThrough(t, ladder.relax());
    }
}
