package io.synaptor.actors;

import io.synaptor.network.DenoisingBatches;
import io.synaptor.network.DrivenCoupling;
import io.synaptor.network.DrivenOscillator;
import io.synaptor.network.OscillatorNetwork;
import io.synaptor.network.ProtocolCouplingModel;
import io.synaptor.network.ProtocolSlice;
import io.synaptor.network.SliceModel;
import io.synaptor.scheduler.RandomStreams;
import io.synaptor.scheduler.Timing;
import io.synaptor.synapses.SynapseModel;
import org.apache.pekko.actor.typed.ActorRef;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import java.util.function.ObjDoubleConsumer;
import java.util.function.Supplier;

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

    /**
     * How the apparatus runs: every coupling's link delay D ≥ 1 (both directions), the timing (jitter,
     * loss, update model, windows, send-on-delta, free mode), and the runtime of each of its runs.
     */
    public record Engine(int delay, Timing timing, Supplier<SimulationRunner.Runtime> runtime) {
        /** One-step links, no jitter, every oscillator steps every step. */
        public static Engine exact(int oscillators, int threads) {
            SimulationRunner.Runtime rt = SimulationRunner.Runtime.defaults();
            return new Engine(1, Timing.exact(oscillators), () -> new SimulationRunner.Runtime(threads, rt.throughput(), rt.stall()));
        }
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
        int maxDelay = engine.delay() + engine.timing().jitter();
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
        int n = slices.length;
        int[][] incidence = spec.incidence();
        Timing timing = engine.timing();
        long endTime = slices[0].endTime();
        return SimulationRunner.run("oscillators", "protocol run", (l, result, trace) -> {
            IntFunction<TraceSink.Log> log = id -> trace == null ? null : trace.log(id);
            return ProtocolDriver.create(ctx -> reports -> {
                ActorRef<ProbeActor.Command> probe = ctx.spawn(ProbeActor.create(n, models.length, steps, 1, l, result), "probe");
                List<ActorRef<UnitActor.Command>> units = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    UnitActor.Setup setup = new UnitActor.Setup(slices[i], incidence[i].length, timing);
                    units.add(ctx.spawn(UnitActor.create(setup, reports, probe, log.apply(i), null), "u-" + i));
                }
                List<ActorRef<SynapseActor.Command>> synapses = new ArrayList<>();
                for (int c = 0; c < models.length; c++) {
                    int a = spec.couplings().get(c)[0];
                    int b = spec.couplings().get(c)[1];
                    SynapseActor.Ends ends = new SynapseActor.Ends(new int[]{a}, units.get(a), slot(incidence[a], c),
                            new int[]{b}, units.get(b), slot(incidence[b], c));
                    synapses.add(ctx.spawn(SynapseActor.create(c, ends, models[c], timing.link(c, 0, engine.delay()),
                            timing.link(c, 1, engine.delay()), timing.window(), endTime, probe, log.apply(n + c), timing.free(), null), "s-" + c));
                }
                for (int i = 0; i < n; i++) {
                    List<ActorRef<SynapseActor.Command>> refs = new ArrayList<>();
                    int[] ids = new int[incidence[i].length];
                    for (int s = 0; s < ids.length; s++) {
                        refs.add(synapses.get(incidence[i][s]));
                        ids[s] = n + incidence[i][s];
                    }
                    units.get(i).tell(new UnitActor.Connect(List.copyOf(refs), ids));
                }
                l.started();
                return new ProtocolDriver.Apparatus(units, probe);
            }, batches, steps, period, log.apply(-2));
        }, engine.runtime().get(), listener);
    }

    /** The slot of coupling c at an oscillator: its place among the oscillator's couplings (increasing index). */
    private static int slot(int[] incident, int c) {
        for (int s = 0; s < incident.length; s++) if (incident[s] == c) return s;
        throw new IllegalStateException("coupling " + c + " is not incident");
    }
}
