package io.synaptor.actors.trap;

import io.synaptor.neurons.HarmonicTrap;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

import java.util.SplittableRandom;

/**
 * A slice of the harmonic trap's persistent chains as one actor: it owns its particles' positions
 * and noise streams, and knows θ only from the learner's {@link Theta} messages. On each it books the
 * work the change of θ did on its particles where they stand (Sekimoto), takes one Euler–Maruyama
 * step if asked ({@link HarmonicTrap#step}), and answers with its particles' sum and that work
 * ({@link TrapLearnerActor.Moments}). It starts by sending the sum of its initial positions, drawn
 * from the trap's equilibrium about the prepared mean.
 */
public final class ParticleSliceActor extends AbstractBehavior<ParticleSliceActor.Command> {

    public sealed interface Command permits Theta {
    }

    /**
     * learner → slice: θ in force from time step {@code step} on; {@code relax}: take one step with it
     * and report the positions at step + 1; {@code snapshot}: send the positions along.
     */
    public record Theta(int step, double theta, boolean relax, boolean snapshot) implements Command {
    }

    public static Behavior<Command> create(HarmonicTrap trap, double dt, int slice, SplittableRandom[] noise, double initialMean,
                                           double theta0, boolean snapshotAtStart, ActorRef<TrapLearnerActor.Command> learner) {
        return Behaviors.setup(ctx -> new ParticleSliceActor(ctx, trap, dt, slice, noise, initialMean, theta0, snapshotAtStart, learner));
    }

    private final HarmonicTrap trap;
    private final double dt;
    private final int slice;
    private final SplittableRandom[] noise;
    private final ActorRef<TrapLearnerActor.Command> learner;
    private final double[] x;
    private double theta;

    private ParticleSliceActor(ActorContext<Command> ctx, HarmonicTrap trap, double dt, int slice, SplittableRandom[] noise,
                               double initialMean, double theta0, boolean snapshotAtStart, ActorRef<TrapLearnerActor.Command> learner) {
        super(ctx);
        this.trap = trap;
        this.dt = dt;
        this.slice = slice;
        this.noise = noise;
        this.learner = learner;
        this.theta = theta0;
        this.x = new double[noise.length];
        for (int i = 0; i < x.length; i++) x[i] = trap.equilibrium(initialMean, noise[i]);
        learner.tell(new TrapLearnerActor.Moments(slice, 0, sum(), 0.0, snapshotAtStart ? x.clone() : null));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder().onMessage(Theta.class, this::onTheta).build();
    }

    private Behavior<Command> onTheta(Theta m) {
        double work = HarmonicTrap.work(x, 0, x.length, theta, m.theta());
        theta = m.theta();
        int step = m.step();
        if (m.relax()) {
            trap.step(x, 0, x.length, theta, dt, noise);
            step++;
        }
        learner.tell(new TrapLearnerActor.Moments(slice, step, sum(), work, m.snapshot() ? x.clone() : null));
        return this;
    }

    private double sum() {
        double s = 0;
        for (double v : x) s += v;
        return s;
    }
}
