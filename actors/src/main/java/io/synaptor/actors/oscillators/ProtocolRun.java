package io.synaptor.actors.oscillators;

import io.synaptor.actors.SimulationRunner;
import io.synaptor.network.DenoisingBatches;
import io.synaptor.network.OscillatorNetwork;
import io.synaptor.scheduler.RandomStreams;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.ObjDoubleConsumer;

/**
 * Trains a driving protocol with one actor per oscillator and per coupling, then samples with it
 * (gmm-sampler; later mnist01-oscillators). The same seed gives the same bits whatever the number
 * of threads: every random number comes from a stream of its actor (oscillator i: UNIT, i) or of the
 * driver's {@link DenoisingBatches}, drawn in the order of that actor's own virtual steps.
 */
public final class ProtocolRun {
    private ProtocolRun() {
    }

    /** The divergence of a run (a state or parameter left the finite numbers). */
    public static final class Diverged extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Diverged(String message) {
            super(message);
        }
    }

    /** Oscillator i's noise stream (the reference uses the same). */
    public static SplittableRandom[] noise(long seed, int size) {
        SplittableRandom[] r = new SplittableRandom[size];
        for (int i = 0; i < size; i++) r[i] = RandomStreams.stream(seed, RandomStreams.Kind.UNIT, i);
        return r;
    }

    /**
     * @param learning null with epochs = 0: the untrained protocol
     * @param batches  the minibatches (null when untrained)
     * @param seed     the noise streams' seed
     */
    public static ProtocolDriver.Outcome run(OscillatorNetwork.Spec spec, OscillatorNetwork.Learning learning, DenoisingBatches batches,
                                             int epochs, int samples, long seed, int threads, ObjDoubleConsumer<Integer> onEpoch) {
        CompletableFuture<ProtocolDriver.Outcome> result = new CompletableFuture<>();
        SplittableRandom[] noise = noise(seed, spec.size());
        int[][] incidence = spec.incidence();
        List<ActorRef<CouplingActor.Command>> couplingRefs = new java.util.concurrent.CopyOnWriteArrayList<>();
        ActorSystem<Void> system = ActorSystem.create(Behaviors.<Void>setup(ctx -> {
            List<ActorRef<CouplingActor.Command>> couplings = new ArrayList<>();
            for (int c = 0; c < spec.couplings().size(); c++) couplings.add(ctx.spawn(CouplingActor.create(spec.coupling(c), learning), "coupling-" + c));
            couplingRefs.addAll(couplings);
            List<ActorRef<OscillatorActor.Command>> oscillators = new ArrayList<>();
            for (int i = 0; i < spec.size(); i++) {
                List<OscillatorActor.Link> links = new ArrayList<>();
                for (int c : incidence[i]) links.add(new OscillatorActor.Link(couplings.get(c), spec.couplings().get(c)[0] == i ? 0 : 1));
                oscillators.add(ctx.spawn(OscillatorActor.create(i, spec.oscillator(), spec, learning, links, noise[i]), "oscillator-" + i));
            }
            ctx.spawn(ProtocolDriver.create(oscillators, batches, epochs, samples, onEpoch, result), "driver");
            return Behaviors.empty();
        }), "oscillators", SimulationRunner.pekkoConfig(new SimulationRunner.Runtime(threads, 100, Duration.ofMinutes(5))
                .with(SimulationRunner.Executor.THREAD_POOL)));
        try {
            ProtocolDriver.Outcome out = result.get(30, TimeUnit.MINUTES);
            // Every oscillator has sampled, so every coupling has learned its last and is idle: ask for its knots.
            double[][] j = new double[couplingRefs.size()][];
            for (int c = 0; c < j.length; c++) {
                j[c] = org.apache.pekko.actor.typed.javadsl.AskPattern.<CouplingActor.Command, double[]>ask(couplingRefs.get(c),
                        CouplingActor.Knots::new, Duration.ofSeconds(60), system.scheduler()).toCompletableFuture().get(60, TimeUnit.SECONDS);
            }
            return out.withCouplingKnots(j);
        } catch (ExecutionException e) {
            throw new Diverged(e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the oscillator actors did not finish within 30 minutes", e);
        } finally {
            SimulationRunner.stop(system);
        }
    }
}
