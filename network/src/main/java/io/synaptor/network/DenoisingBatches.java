package io.synaptor.network;

import io.synaptor.scheduler.RandomStreams;

import java.util.SplittableRandom;

/**
 * The minibatches an experimenter prepares for a protocol rule from a data set x_0 (M points of N
 * coordinates): per epoch a shuffle (stream EPOCH, epoch), per example a protocol time t and the
 * noised point (stream DATA, 100, in order). Force matching: t uniform in [t_min, t_max],
 * x_t = α_t x_0 + σ_t ε, target F*(x_t, x_0, t). CD-1: t uniform in [t_min + Δ, t_max], an observed
 * forward step x_{t−Δ} → x_t, target x_{t−Δ} (the reverse step observed). Deterministic in the
 * seed: the actors' source and the synchronous reference draw the same batches.
 */
public final class DenoisingBatches {
    /** One minibatch: protocol times, each oscillator's positions and targets (by oscillator, then example), weights λ(t). */
    public record Batch(long step, int epoch, double[] t, double[][] x, double[][] target, double[] weight) {
        public int size() {
            return t.length;
        }
    }

    private final double[][] data;
    private final NoisingSchedule schedule;
    private final ProtocolRule rule;
    private final double delta;
    private final int batch;
    private final long seed;
    private final SplittableRandom noise;
    private int[] order;
    private int epoch = -1;
    private int next;
    private long step;

    public DenoisingBatches(double[][] data, NoisingSchedule schedule, ProtocolRule rule, double delta, int batch, long seed) {
        if (batch < 1 || batch > data.length) throw new IllegalArgumentException("the batch (" + batch + ") must be in 1 … " + data.length);
        if (rule == ProtocolRule.CONTRASTIVE_ONE_STEP && !(delta > 0 && schedule.tMin() + delta < schedule.tMax())) {
            throw new IllegalArgumentException("the observed step Δ = " + delta + " must be positive and below t_max − t_min");
        }
        this.data = data;
        this.schedule = schedule;
        this.rule = rule;
        this.delta = delta;
        this.batch = batch;
        this.seed = seed;
        this.noise = RandomStreams.stream(seed, RandomStreams.Kind.DATA, 100);
    }

    public int batchSize() {
        return batch;
    }

    public int batchesPerEpoch() {
        return data.length / batch;
    }

    public Batch next() {
        if (epoch < 0 || next + batch > data.length) {
            epoch++;
            next = 0;
            order = ExampleOrder.permutation(data.length, RandomStreams.stream(seed, RandomStreams.Kind.EPOCH, epoch));
        }
        int n = data[0].length;
        double[] t = new double[batch];
        double[] w = new double[batch];
        double[][] x = new double[n][batch];
        double[][] target = new double[n][batch];
        double lo = rule == ProtocolRule.FORCE_MATCHING ? schedule.tMin() : schedule.tMin() + delta;
        for (int b = 0; b < batch; b++) {
            double[] x0 = data[order[next + b]];
            t[b] = lo + (schedule.tMax() - lo) * noise.nextDouble();
            w[b] = schedule.weight(t[b]);
            for (int i = 0; i < n; i++) {
                if (rule == ProtocolRule.FORCE_MATCHING) {
                    x[i][b] = schedule.noised(x0[i], t[b], noise.nextGaussian());
                    target[i][b] = schedule.targetForce(x[i][b], x0[i], t[b]);
                } else {
                    target[i][b] = schedule.noised(x0[i], t[b] - delta, noise.nextGaussian());
                    x[i][b] = schedule.forward(target[i][b], delta, noise.nextGaussian());
                }
            }
        }
        next += batch;
        return new Batch(step++, epoch, t, x, target, w);
    }

}
