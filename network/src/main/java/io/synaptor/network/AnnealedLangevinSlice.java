package io.synaptor.network;

import io.synaptor.scheduler.UpdateModel;

import java.util.SplittableRandom;

/**
 * One coordinate of the samples of annealed Langevin sampling as the model a unit actor hosts
 * (docs/scenarios.md#thermo-diffusion): x_b for every sample b. Its field is the substrate's denoiser
 * x̂(x, σ) for that coordinate — the decoder unit's value, through a one-way readout — and at each Langevin
 * step of the {@link AnnealingLadder} it moves x ← x + (α/2)(x̂ − x)/σ² + √α·z with its own noise (the bath:
 * kT = 1); between, it holds, while the substrate relaxes to the new x. It starts from N(0, σ₁²). It feeds
 * the encoder as the noisy input did in training (one-way: the encoder's forces do not move it). Under an
 * update model it skips the Langevin steps its clock does not tick at.
 */
public final class AnnealedLangevinSlice extends OneUnitSlice {
    private final AnnealingLadder ladder;
    private final SplittableRandom noise;
    private final UpdateModel update;
    private final double[] x;

    public AnnealedLangevinSlice(int unit, AnnealingLadder ladder, int samples, SplittableRandom noise, UpdateModel update) {
        super(unit, samples, ladder.endTime());
        this.ladder = ladder;
        this.update = update;
        this.noise = noise;
        this.x = state;
        double s0 = ladder.sigmas()[0];
        for (int b = 0; b < samples; b++) x[b] = s0 * noise.nextGaussian();
    }

    /** x ← x + (α/2)(x̂ − x)/σ² + √α·z at the Langevin steps (Song &amp; Ermon 2019, Algorithm 1, with the score by Tweedie). */
    @Override
    public void step(long t, double[] field) {
        if (!ladder.langevinStep(t) || !update.updates(unit(), t)) return;
        double sigma = ladder.sigma(t);
        double alpha = ladder.alpha(t);
        double kick = Math.sqrt(alpha);
        double drift = alpha / (2 * sigma * sigma);
        for (int b = 0; b < x.length; b++) x[b] += drift * (field[b] - x[b]) + kick * noise.nextGaussian();
    }

    @Override
    public double[] arrive(long t, Reports reports) {
        return x.clone();
    }

    /** x changes only at the Langevin steps: its value holds through each relaxation window. */
    @Override
    public long holdsThrough(long t) {
        return ladder.holdsThrough(t, ladder.relax());
    }
}
