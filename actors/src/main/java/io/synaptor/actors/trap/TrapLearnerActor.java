package io.synaptor.actors.trap;

import io.synaptor.neurons.HarmonicTrap;
import io.synaptor.scheduler.RandomStreams;
import io.synaptor.synapses.LearningRateProtocol;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The model's parameter θ as an actor, learning by persistent-chain maximum likelihood: it knows the
 * data through their mean θ* and the particles only through the {@link Moments} their slices send,
 * and it tells them θ. It spawns its slices, and in virtual time step by step: when every slice's
 * sum at t_n is in, θ ← θ + βη(t_n)(θ* − x̄_n)dt ({@link LearningRateProtocol#update}), with the
 * protocol's jumps at t = 0 and τ, and the new θ goes back to the slices. Slice values are added in
 * slice order, so the result does not depend on which message came first or on the thread count.
 * The work is what the slices booked; the learner only adds it up. At the end it hands its
 * {@link Trajectory} to {@code done}.
 */
public final class TrapLearnerActor extends AbstractBehavior<TrapLearnerActor.Command> {

    public sealed interface Command permits Moments {
    }

    /**
     * slice → learner: the sum of the slice's positions at time step {@code step}, the work the last
     * change of θ did on its particles, and their positions when a snapshot was asked for (else null).
     */
    public record Moments(int slice, int step, double sum, double work, double[] positions) implements Command {
    }

    /** One repetition's run: what the learner saw and did. */
    public record Setup(LearningRateProtocol protocol, HarmonicTrap trap, double theta0, double thetaStar, int steps,
                        int particles, int slices, long seed, int repetition, boolean[] snapshotSteps) {
    }

    /** The particles' positions at one time step (repetition 0 only). */
    public record Snapshot(int step, double[] positions) {
    }

    /**
     * θ[n] in force from t_n (θ[0] after the start jump), the particles' mean x̄[n] at t_n and the
     * work per particle done up to t_n; θ and the work after the end jump; a failure or null.
     */
    public record Trajectory(String protocol, int repetition, double thetaStart, double[] theta, double[] particleMean,
                             double[] work, double thetaFinal, double workFinal, List<Snapshot> snapshots, long messages,
                             String failure) {
    }

    private enum Phase { START, RUN, END_UPDATE, END_JUMP }

    public static Behavior<Command> create(Setup setup, Consumer<Trajectory> done) {
        return Behaviors.setup(ctx -> new TrapLearnerActor(ctx, setup, done));
    }

    private final Setup setup;
    private final LearningRateProtocol protocol;
    private final Consumer<Trajectory> done;
    private final double dt;
    private final List<ActorRef<ParticleSliceActor.Command>> slices = new ArrayList<>();
    private final double[] sums;
    private final double[] works;
    private final double[][] positions;
    private final int[] from;
    private final double[] theta;
    private final double[] mean;
    private final double[] work;
    private final List<Snapshot> snapshots = new ArrayList<>();
    private Phase phase = Phase.START;
    private int received;
    private int step;
    private double current;
    private long messages;

    private TrapLearnerActor(ActorContext<Command> ctx, Setup setup, Consumer<Trajectory> done) {
        super(ctx);
        this.setup = setup;
        this.protocol = setup.protocol();
        this.done = done;
        int s = setup.steps();
        this.dt = protocol.task().tau() / s;
        this.theta = new double[s + 1];
        this.mean = new double[s + 1];
        this.work = new double[s + 1];
        int k = setup.slices();
        this.sums = new double[k];
        this.works = new double[k];
        this.positions = new double[k][];
        this.from = new int[k + 1];
        this.current = setup.theta0();
        double initialMean = setup.theta0() - protocol.initialLag();
        for (int a = 0; a <= k; a++) from[a] = (int) ((long) setup.particles() * a / k);
        for (int a = 0; a < k; a++) {
            SplittableRandom[] noise = new SplittableRandom[from[a + 1] - from[a]];
            for (int i = 0; i < noise.length; i++) {
                // one stream per particle and repetition, the same for every protocol (common random numbers)
                long id = (long) setup.repetition() * setup.particles() + from[a] + i;
                noise[i] = RandomStreams.stream(setup.seed(), RandomStreams.Kind.UNIT, id);
            }
            slices.add(ctx.spawn(ParticleSliceActor.create(setup.trap(), dt, a, noise, initialMean, setup.theta0(),
                    snapshot(0), ctx.getSelf()), "slice-" + a));
        }
    }

    private boolean snapshot(int n) {
        boolean[] s = setup.snapshotSteps();
        return s != null && n < s.length && s[n];
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder().onMessage(Moments.class, this::onMoments).build();
    }

    private Behavior<Command> onMoments(Moments m) {
        messages++;
        if (m.step() != step) throw new IllegalStateException("moments of step " + m.step() + " while at step " + step);
        sums[m.slice()] = m.sum();
        works[m.slice()] = m.work();
        positions[m.slice()] = m.positions();
        if (++received < slices.size()) return this;
        received = 0;
        double sum = 0;
        double w = 0;
        for (int a = 0; a < sums.length; a++) {
            sum += sums[a];
            w += works[a];
        }
        double xbar = sum / setup.particles();
        w /= setup.particles();
        if (positions[0] != null) keepSnapshot();
        if (!Double.isFinite(xbar) || !Double.isFinite(w)) return diverged(xbar);
        switch (phase) {
            case START -> {
                mean[0] = xbar;
                current = protocol.startJump().apply(current, xbar, setup.thetaStar());
                theta[0] = current;
                phase = Phase.RUN;
                send(true, snapshot(1));
            }
            case RUN -> {
                work[step - 1] = (step > 1 ? work[step - 2] : 0) + w;
                mean[step] = xbar;
                current = protocol.update(current, step * dt, setup.thetaStar(), xbar, dt);
                theta[step] = current;
                if (step < setup.steps()) {
                    send(true, snapshot(step + 1));
                } else {
                    phase = Phase.END_UPDATE;
                    send(false, false);
                }
            }
            case END_UPDATE -> {
                work[step] = work[step - 1] + w;
                current = protocol.endJump().apply(current, xbar, setup.thetaStar());
                phase = Phase.END_JUMP;
                send(false, false);
            }
            case END_JUMP -> {
                return finish(null, work[step] + w);
            }
        }
        return Double.isFinite(current) ? this : diverged(xbar);
    }

    private Behavior<Command> diverged(double xbar) {
        return finish(String.format("%s, repetition %d: θ = %s, particles' mean = %s at t = %s (step %d)", protocol.name(),
                setup.repetition(), current, xbar, step * dt, step), Double.NaN);
    }

    private void keepSnapshot() {
        double[] all = new double[setup.particles()];
        for (int a = 0; a < positions.length; a++) {
            System.arraycopy(positions[a], 0, all, from[a], positions[a].length);
            positions[a] = null;
        }
        snapshots.add(new Snapshot(step, all));
    }

    /** θ to every slice; a relaxing step moves the clock on. */
    private void send(boolean relax, boolean snapshot) {
        ParticleSliceActor.Theta t = new ParticleSliceActor.Theta(step, current, relax, snapshot);
        for (ActorRef<ParticleSliceActor.Command> s : slices) s.tell(t);
        messages += slices.size();
        if (relax) step++;
    }

    private Behavior<Command> finish(String failure, double workFinal) {
        done.accept(new Trajectory(protocol.name(), setup.repetition(), setup.theta0(), theta, mean,
                failure == null ? work : Arrays.copyOf(work, step), current, workFinal, List.copyOf(snapshots), messages, failure));
        return Behaviors.stopped();
    }
}
