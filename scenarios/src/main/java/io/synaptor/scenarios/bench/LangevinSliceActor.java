package io.synaptor.scenarios.bench;

import io.synaptor.network.LangevinNetwork;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;

/**
 * One population slice of a {@link LangevinNetwork} as an actor (issue 5's {@code bench langevin}):
 * it holds its units and the couplings into them, sends tanh of its states to every slice after
 * each step, and steps t → t+1 as soon as it knows every slice's tanh at t — virtual time with
 * link delay 1, no barrier, no coordinator. A slice is at most one step ahead of another (it cannot
 * pass t+1 without this slice's t+1 values), so two buffers, by parity of t, suffice.
 *
 * <p>Departure from DESIGN.md's projection-block actors: this network has no learning rule, so a
 * block would only forward W·ρ; the slice computes its own field from the whole vector, which saves
 * a hop per step. The values travel as they would between blocks (one array per slice and step).
 */
public final class LangevinSliceActor extends AbstractBehavior<LangevinSliceActor.Command> {

    public sealed interface Command permits Connect, Values {
    }

    /** builder → slice: every slice (itself included, by index); the slice starts on receiving it. */
    public record Connect(List<ActorRef<Command>> slices) implements Command {
    }

    /** slice → slice: tanh of the sender's states at time t. */
    public record Values(int slice, long t, double[] rho) implements Command {
    }

    public static Behavior<Command> create(LangevinNetwork net, int slice, int steps, BiConsumer<Integer, double[]> done) {
        return Behaviors.setup(ctx -> new LangevinSliceActor(ctx, net, slice, steps, done));
    }

    private final LangevinNetwork net;
    private final int slice;
    private final int steps;
    private final BiConsumer<Integer, double[]> done;
    private final double[] s;
    private final double[] h;
    private final SplittableRandom[] noise;
    private final double[][] rhoAll;   // by parity of t: every unit's tanh at t, as it arrives
    private final int[] received = new int[2];
    private ActorRef<Command>[] slices;
    private long clock;

    private LangevinSliceActor(ActorContext<Command> ctx, LangevinNetwork net, int slice, int steps,
                               BiConsumer<Integer, double[]> done) {
        super(ctx);
        this.net = net;
        this.slice = slice;
        this.steps = steps;
        this.done = done;
        this.s = net.initialStates(slice);
        this.h = new double[s.length];
        this.noise = net.noise(slice);
        this.rhoAll = new double[2][net.spec().size()];
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Values.class, this::onValues)
                .onMessage(Connect.class, this::onConnect)
                .build();
    }

    @SuppressWarnings({"unchecked", "rawtypes"}) // a generic array: fast indexing on the hot path
    private Behavior<Command> onConnect(Connect m) {
        slices = m.slices().toArray(new ActorRef[0]);
        if (steps == 0) {
            done.accept(slice, s.clone());
            return this;
        }
        publish();
        advance();
        return this;
    }

    private Behavior<Command> onValues(Values m) {
        if (m.t() != clock && m.t() != clock + 1) throw new IllegalStateException("values of t = " + m.t() + " at " + clock);
        int p = (int) (m.t() & 1);
        System.arraycopy(m.rho(), 0, rhoAll[p], net.from(m.slice()), m.rho().length);
        received[p]++;
        advance();
        return this;
    }

    /** Takes every step whose inputs are all in. */
    private void advance() {
        if (slices == null) return;
        while (clock < steps && received[(int) (clock & 1)] == slices.length) {
            int p = (int) (clock & 1);
            received[p] = 0;
            net.step(slice, s, rhoAll[p], h, noise);
            clock++;
            if (clock == steps) {
                done.accept(slice, s.clone());
                return;
            }
            publish();
        }
    }

    /** tanh of this slice's states at the current time: into its own buffer, and one shared message to the others. */
    private void publish() {
        int p = (int) (clock & 1);
        int first = net.from(slice);
        net.rho(s, rhoAll[p], first);
        received[p]++;
        Values v = new Values(slice, clock, java.util.Arrays.copyOfRange(rhoAll[p], first, first + s.length));
        for (int a = 0; a < slices.length; a++) if (a != slice) slices[a].tell(v);
    }
}
