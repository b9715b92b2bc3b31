package io.synaptor.actors.oscillators;

import io.synaptor.network.DenoisingBatches;
import io.synaptor.network.DrivenOscillator;
import io.synaptor.network.OscillatorNetwork;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * One driven Langevin oscillator as an actor ({@link DrivenOscillator}), hosting its coordinate of
 * every example of a batch. At each virtual step it sends its positions to its couplings, sums its
 * self force and their drives (in slot order) into the force it feels, and then — training — measures
 * its error under the rule, updates its own knots and sends the error to its couplings, or —
 * sampling — takes one Euler–Maruyama step of the reverse-time dynamics. Its noise is its own
 * stream, drawn in the order of its own steps.
 */
public final class OscillatorActor extends AbstractBehavior<OscillatorActor.Command> {

    public sealed interface Command permits Batch, Drive, Sample {
    }

    /** driver → oscillator: this oscillator's coordinate of minibatch k (positions and targets). */
    public record Batch(long step, double[] t, double[] x, double[] target, double[] weight,
                        ActorRef<ProtocolDriver.Command> replyTo) implements Command {
        static Batch of(DenoisingBatches.Batch b, int i, ActorRef<ProtocolDriver.Command> replyTo) {
            return new Batch(b.step(), b.t(), b.x()[i], b.target()[i], b.weight(), replyTo);
        }
    }

    /** coupling → oscillator: the force the coupling puts on this end at step k. */
    public record Drive(long step, int slot, double[] force) implements Command {
    }

    /** driver → oscillator: draw n examples from the prior and run the reverse-time dynamics from virtual step {@code firstStep}. */
    public record Sample(int n, long firstStep, ActorRef<ProtocolDriver.Command> replyTo) implements Command {
    }

    /** A coupling of this oscillator and which end of it this oscillator is. */
    public record Link(ActorRef<CouplingActor.Command> coupling, int end) {
    }

    public static Behavior<Command> create(int index, DrivenOscillator oscillator, OscillatorNetwork.Spec spec,
                                           OscillatorNetwork.Learning learning, List<Link> links, SplittableRandom noise) {
        return Behaviors.setup(ctx -> new OscillatorActor(ctx, index, oscillator, spec, learning, links, noise));
    }

    private final int index;
    private final DrivenOscillator oscillator;
    private final OscillatorNetwork.Spec spec;
    private final OscillatorNetwork.Learning learning;
    private final List<Link> links;
    private final SplittableRandom noise;
    private final TreeMap<Long, Batch> queued = new TreeMap<>();
    private final double[][] drives;
    private int received;
    private long next;               // the next training step to take
    private Batch current;           // the training step under way
    private Sample sampling;         // the sampling run under way
    private double[] x;              // sampling: the examples' positions
    private int sampled;             // sampling steps taken
    private double[] self;

    private OscillatorActor(ActorContext<Command> ctx, int index, DrivenOscillator oscillator, OscillatorNetwork.Spec spec,
                            OscillatorNetwork.Learning learning, List<Link> links, SplittableRandom noise) {
        super(ctx);
        this.index = index;
        this.oscillator = oscillator;
        this.spec = spec;
        this.learning = learning;
        this.links = List.copyOf(links);
        this.noise = noise;
        this.drives = new double[links.size()][];
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Batch.class, this::onBatch)
                .onMessage(Drive.class, this::onDrive)
                .onMessage(Sample.class, this::onSample)
                .build();
    }

    private Behavior<Command> onBatch(Batch m) {
        queued.put(m.step(), m);
        startTraining();
        return this;
    }

    private void startTraining() {
        if (current != null || !queued.containsKey(next)) return;
        current = queued.remove(next);
        self = new double[current.x().length];
        oscillator.selfForce(current.x(), current.t(), self);
        publish(current.step(), current.x(), current.t(), current.weight());
    }

    private Behavior<Command> onSample(Sample m) {
        sampling = m;
        x = oscillator.prior(m.n(), noise);
        startSampling();
        return this;
    }

    private void startSampling() {
        double[] t = new double[x.length]; // sent in the message: a fresh array per step
        Arrays.fill(t, spec.samplingTime(sampled));
        self = new double[x.length];
        oscillator.selfForce(x, t, self);
        publish(sampling.firstStep() + sampled, x.clone(), t, null);
    }

    /** Positions to every coupling; with no coupling the force is the self force alone. */
    private void publish(long step, double[] positions, double[] times, double[] weight) {
        received = 0;
        for (int s = 0; s < links.size(); s++) {
            Link l = links.get(s);
            l.coupling().tell(new CouplingActor.Position(step, l.end(), positions, times, weight, s, getContext().getSelf()));
        }
        if (links.isEmpty()) complete();
    }

    private Behavior<Command> onDrive(Drive m) {
        drives[m.slot()] = m.force();
        if (++received == links.size()) complete();
        return this;
    }

    /** Every drive of the step is in: F = self force + Σ drives (slot order), then learn or step. */
    private void complete() {
        double[] force = self;
        for (double[] d : drives) for (int b = 0; b < force.length; b++) force[b] += d[b];
        Arrays.fill(drives, null);
        if (current != null) finishTraining(force);
        else finishSampling(force);
    }

    private void finishTraining(double[] force) {
        Batch b = current;
        double[] e = oscillator.errors(learning.rule(), b.x(), force, b.target(), learning.delta(), noise);
        oscillator.learn(b.x(), b.t(), e, b.weight(), learning.rate());
        for (Link l : links) l.coupling().tell(new CouplingActor.Error(b.step(), l.end(), e));
        double loss = DrivenOscillator.loss(e, b.weight());
        current = null;
        next++;
        if (!oscillator.isFinite() || !Double.isFinite(loss)) {
            b.replyTo().tell(new ProtocolDriver.Failed(index, "a parameter of oscillator " + index + " left the finite numbers at training step " + b.step()));
            return;
        }
        b.replyTo().tell(new ProtocolDriver.Done(b.step(), index, loss));
        startTraining();
    }

    private void finishSampling(double[] force) {
        oscillator.step(x, force, noise);
        for (double v : x) {
            if (!Double.isFinite(v)) {
                sampling.replyTo().tell(new ProtocolDriver.Failed(index, "oscillator " + index + " left the finite numbers at sampling step "
                        + sampled + " (protocol time " + spec.samplingTime(sampled) + ")"));
                return;
            }
        }
        if (++sampled == spec.samplingSteps()) {
            sampling.replyTo().tell(new ProtocolDriver.Sampled(index, x, oscillator.knots()));
            return;
        }
        startSampling();
    }
}
