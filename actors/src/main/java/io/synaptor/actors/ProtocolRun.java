package io.synaptor.actors;

import io.synaptor.network.DenoisingBatches;
import io.synaptor.network.DrivenCoupling;
import io.synaptor.network.DrivenOscillator;
import io.synaptor.network.OscillatorNetwork;
import io.synaptor.network.ProtocolCouplingModel;
import io.synaptor.network.ProtocolSlice;
import io.synaptor.network.SliceModel;
import io.synaptor.scheduler.RandomStreams;
import io.synaptor.synapses.SynapseModel;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ObjDoubleConsumer;

/**
 * Trains a driving protocol and samples with it (seed 001: gmm-sampler, mnist01-oscillators) on the
 * common actors: one {@link UnitActor} per oscillator hosting a {@link ProtocolSlice}, one
 * {@link SynapseActor} per coupling hosting a {@link ProtocolCouplingModel}, a
 * {@link ProtocolDriver} that presents the minibatches, and the {@link ProbeActor} — so link
 * delays, jitter and loss, update models, message windows, send-on-delta and traces work as for
 * every other network. Training and sampling are two runs (their minibatches differ in size); the
 * oscillators' and couplings' models, noise streams included, carry over from one to the next.
 * The same seed gives the same bits whatever the number of threads: every random number comes from
 * an oscillator's own stream (UNIT, i), the experimenter's {@link DenoisingBatches} or the timing's
 * stateless draws, each taken in the order of its owner's virtual time.
 */
public final class ProtocolRun {
    private ProtocolRun() {
    }

    /** Samples by oscillator then example, the mean loss per epoch, each oscillator's knots (a, b, c), each coupling's knots of J. */
    public record Outcome(double[][] samples, List<Double> epochLoss, double[][][] knots, double[][] couplingKnots) {
    }

    /** Oscillator i's noise stream (the reference uses the same). */
    public static SplittableRandom[] noise(long seed, int size) {
        SplittableRandom[] r = new SplittableRandom[size];
        for (int i = 0; i < size; i++) r[i] = RandomStreams.stream(seed, RandomStreams.Kind.UNIT, i);
        return r;
    }

    /**
     * @param learning null (with epochs = 0): the untrained protocol
     * @param batches  the minibatches (null when untrained)
     * @param seed     the noise streams' seed
     * @param onEpoch  told each epoch's mean loss per example, in order
     */
    public static Outcome run(OscillatorNetwork.Spec spec, OscillatorNetwork.Learning learning, DenoisingBatches batches, int epochs,
                              int samples, long seed, Engine engine, ObjDoubleConsumer<Integer> onEpoch)
            throws SimulationDiverged, SimulationStalled {
        int n = spec.size();
        int couplings = spec.couplings().size();
        DrivenOscillator[] oscillators = new DrivenOscillator[n];
        for (int i = 0; i < n; i++) oscillators[i] = spec.oscillator();
        DrivenCoupling[] js = new DrivenCoupling[couplings];
        for (int c = 0; c < couplings; c++) js[c] = spec.coupling(c);
        SplittableRandom[] noise = noise(seed, n);
        int maxDelay = engine.maxDelay();
        List<Double> epochLoss = new ArrayList<>();
        if (learning != null && epochs > 0) {
            int perEpoch = batches.batchesPerEpoch();
            long steps = (long) epochs * perEpoch;
            int period = ProtocolSlice.period(maxDelay);
            SliceModel[] slices = new SliceModel[n];
            for (int i = 0; i < n; i++) {
                slices[i] = ProtocolSlice.training(i, oscillators[i], learning, batches.batchSize(), steps, maxDelay, noise[i]);
            }
            SynapseModel[] models = new SynapseModel[couplings];
            for (int c = 0; c < couplings; c++) {
                models[c] = new ProtocolCouplingModel(js[c], c, spec.schedule(), learning.couplingRate(), period,
                        ProtocolSlice.endTime(steps, maxDelay));
            }
            ProgressListener tally = new ProgressListener() {
                private double running;

                @Override
                public void episode(ProbeActor.EpisodeResult r) {
                    running += r.lossSum();
                    if ((r.episode() + 1) % perEpoch == 0) {
                        epochLoss.add(running / (perEpoch * (double) batches.batchSize()));
                        onEpoch.accept(epochLoss.size(), epochLoss.get(epochLoss.size() - 1));
                        running = 0;
                    }
                }
            };
            run(spec, slices, models, batches, steps, period, engine, tally);
        }
        SliceModel[] slices = new SliceModel[n];
        for (int i = 0; i < n; i++) {
            slices[i] = ProtocolSlice.sampling(i, oscillators[i], spec, samples, engine.timing().update(), noise[i]);
        }
        SynapseModel[] models = new SynapseModel[couplings];
        for (int c = 0; c < couplings; c++) models[c] = ProtocolCouplingModel.fixed(js[c], c, spec.schedule());
        RunResult sampled = run(spec, slices, models, null, 0, 0, engine, ProgressListener.NONE);
        // Every actor has reported its end to the probe, so its last write to a model happened before this read.
        double[][][] knots = new double[n][][];
        for (int i = 0; i < n; i++) knots[i] = oscillators[i].knots();
        double[][] jKnots = new double[couplings][];
        for (int c = 0; c < couplings; c++) jKnots[c] = js[c].knots();
        return new Outcome(sampled.states(), List.copyOf(epochLoss), knots, jKnots);
    }

    private static RunResult run(OscillatorNetwork.Spec spec, SliceModel[] slices, SynapseModel[] models, DenoisingBatches batches,
                                 long steps, int period, Engine engine, ProgressListener listener)
            throws SimulationDiverged, SimulationStalled {
        int[][] ends = spec.couplings().toArray(int[][]::new);
        return SimulationRunner.run("oscillators", "protocol run", (l, result, trace) -> ProtocolDriver.create(
                ctx -> reports -> Apparatus.spawn(ctx, slices, models, ends, steps, engine, reports, l, result,
                        id -> trace == null ? null : trace.log(id)),
                batches, steps, steps, period, trace == null ? null : trace.log(-2)), engine.runtime().get(), listener);
    }
}
