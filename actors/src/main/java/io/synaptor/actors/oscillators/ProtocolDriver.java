package io.synaptor.actors.oscillators;

import io.synaptor.network.DenoisingBatches;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.ObjDoubleConsumer;

/**
 * The experimenter: it hands each oscillator its coordinate of the noised minibatches (at most two
 * steps ahead of the slowest oscillator), reads back the loss each oscillator measured (a probe, off
 * the learning path: the oscillators and couplings learn from what they measure themselves), and after
 * the last training step starts the reverse-time sampling and gathers its end points.
 */
public final class ProtocolDriver extends AbstractBehavior<ProtocolDriver.Command> {

    public sealed interface Command permits Done, Sampled, Failed {
    }

    /** oscillator → driver: it finished training step k; its share of the minibatch loss. */
    public record Done(long step, int oscillator, double loss) implements Command {
    }

    /** oscillator → driver: its coordinate of every sample, and its knots (a, b, c). */
    public record Sampled(int oscillator, double[] x, double[][] knots) implements Command {
    }

    /** oscillator → driver: the run diverged. */
    public record Failed(int oscillator, String reason) implements Command {
    }

    /** What a run returns: samples by oscillator then example, the loss per epoch, each oscillator's knots. */
    public record Outcome(double[][] samples, List<Double> epochLoss, double[][][] knots, double[][] couplingKnots) {
        /** Before the couplings' knots are gathered (ProtocolRun asks for them once the run is over). */
        public Outcome(double[][] samples, List<Double> epochLoss, double[][][] knots) {
            this(samples, epochLoss, knots, new double[0][]);
        }

        public Outcome withCouplingKnots(double[][] j) {
            return new Outcome(samples, epochLoss, knots, j);
        }
    }

    private static final int WINDOW = 2;

    public static Behavior<Command> create(List<ActorRef<OscillatorActor.Command>> oscillators, DenoisingBatches batches, int epochs,
                                           int samples, ObjDoubleConsumer<Integer> onEpoch, CompletableFuture<Outcome> result) {
        return Behaviors.setup(ctx -> new ProtocolDriver(ctx, oscillators, batches, epochs, samples, onEpoch, result));
    }

    private final List<ActorRef<OscillatorActor.Command>> oscillators;
    private final DenoisingBatches batches;
    private final long steps;
    private final int perEpoch;
    private final int samples;
    private final ObjDoubleConsumer<Integer> onEpoch;
    private final CompletableFuture<Outcome> result;
    private final TreeMap<Long, double[]> losses = new TreeMap<>();
    private final TreeMap<Long, Integer> reported = new TreeMap<>();
    private final List<Double> epochLoss = new ArrayList<>();
    private final double[][] x;
    private final double[][][] knots;
    private long sent;
    private long completed;
    private double running;
    private int gathered;

    private ProtocolDriver(ActorContext<Command> ctx, List<ActorRef<OscillatorActor.Command>> oscillators, DenoisingBatches batches,
                           int epochs, int samples, ObjDoubleConsumer<Integer> onEpoch, CompletableFuture<Outcome> result) {
        super(ctx);
        this.oscillators = List.copyOf(oscillators);
        this.batches = batches;
        this.perEpoch = batches == null ? 0 : batches.batchesPerEpoch();
        this.steps = (long) epochs * perEpoch;
        this.samples = samples;
        this.onEpoch = onEpoch;
        this.result = result;
        this.x = new double[oscillators.size()][];
        this.knots = new double[oscillators.size()][][];
        while (sent < Math.min(steps, WINDOW)) send();
        if (steps == 0) startSampling();
    }

    private void send() {
        DenoisingBatches.Batch b = batches.next();
        for (int i = 0; i < oscillators.size(); i++) oscillators.get(i).tell(OscillatorActor.Batch.of(b, i, getContext().getSelf()));
        sent++;
    }

    private void startSampling() {
        for (ActorRef<OscillatorActor.Command> o : oscillators) o.tell(new OscillatorActor.Sample(samples, steps, getContext().getSelf()));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Done.class, this::onDone)
                .onMessage(Sampled.class, this::onSampled)
                .onMessage(Failed.class, this::onFailed)
                .build();
    }

    private Behavior<Command> onDone(Done m) {
        losses.computeIfAbsent(m.step(), k -> new double[oscillators.size()])[m.oscillator()] = m.loss();
        reported.merge(m.step(), 1, Integer::sum);
        while (!reported.isEmpty() && reported.firstKey() == completed && reported.firstEntry().getValue() == oscillators.size()) {
            reported.pollFirstEntry();
            double loss = 0;
            for (double l : losses.pollFirstEntry().getValue()) loss += l; // in oscillator order: the reference's sum
            running += loss;
            completed++;
            if (completed % perEpoch == 0) {
                double mean = running / (perEpoch * (double) batches.batchSize());
                epochLoss.add(mean);
                onEpoch.accept(epochLoss.size(), mean);
                running = 0;
            }
            if (sent < steps) send();
            if (completed == steps) startSampling();
        }
        return this;
    }

    private Behavior<Command> onSampled(Sampled m) {
        x[m.oscillator()] = m.x();
        knots[m.oscillator()] = m.knots();
        if (++gathered == oscillators.size()) {
            result.complete(new Outcome(x, List.copyOf(epochLoss), knots));
            return Behaviors.stopped();
        }
        return this;
    }

    private Behavior<Command> onFailed(Failed m) {
        result.completeExceptionally(new IllegalStateException(m.reason()));
        return Behaviors.stopped();
    }
}
