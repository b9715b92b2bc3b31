package io.synaptor.actors.oscillators;

import io.synaptor.network.DrivenCoupling;
import io.synaptor.network.OscillatorNetwork;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * One driven coupling J_ij(t)·x_i·x_j as an actor ({@link DrivenCoupling}). When both ends' positions
 * at virtual step k are in, it sends each end the force −J(t)·x_other; in training, when both ends'
 * force errors at k are in, it updates its own knots from (e_i, x_i, e_j, x_j) — what it measured at
 * its two ends, nothing else. An end sends its error at k before its position at k+1, so the drives
 * at k+1 always use the J learned at k; the ends are at most one step apart, so two buffers by the
 * parity of k suffice.
 */
public final class CouplingActor extends AbstractBehavior<CouplingActor.Command> {

    public sealed interface Command permits Position, Error, Knots {
    }

    /** run → coupling, once the run is over: reply with a copy of the learned knots of J(t) (for the export). */
    public record Knots(ActorRef<double[]> replyTo) implements Command {
    }

    /**
     * end → coupling: the end's positions at step k and their protocol times (and, in training, the
     * weights λ(t)); the drive goes back to {@code replyTo} under the end's {@code slot} for this coupling.
     */
    public record Position(long step, int end, double[] x, double[] t, double[] weight, int slot,
                           ActorRef<OscillatorActor.Command> replyTo) implements Command {
    }

    /** end → coupling: the end's force errors at step k (training only). */
    public record Error(long step, int end, double[] e) implements Command {
    }

    public static Behavior<Command> create(DrivenCoupling coupling, OscillatorNetwork.Learning learning) {
        return Behaviors.setup(ctx -> new CouplingActor(ctx, coupling, learning));
    }

    private final DrivenCoupling coupling;
    private final OscillatorNetwork.Learning learning;
    private final Position[][] positions = new Position[2][2]; // [parity][end]
    private final double[][] errors = new double[2][];          // [end], for the step being learned

    private CouplingActor(ActorContext<Command> ctx, DrivenCoupling coupling, OscillatorNetwork.Learning learning) {
        super(ctx);
        this.coupling = coupling;
        this.learning = learning;
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Position.class, this::onPosition)
                .onMessage(Error.class, this::onError)
                .onMessage(Knots.class, m -> {
                    m.replyTo().tell(coupling.knots().clone());
                    return this;
                })
                .build();
    }

    private Behavior<Command> onPosition(Position m) {
        Position[] at = positions[(int) (m.step() & 1)];
        at[m.end()] = m;
        if (at[0] != null && at[1] != null) {
            for (int end = 0; end < 2; end++) {
                Position self = at[end];
                double[] force = new double[self.x().length];
                coupling.force(at[1 - end].x(), self.t(), force);
                self.replyTo().tell(new OscillatorActor.Drive(self.step(), self.slot(), force));
            }
            if (learning == null || at[0].weight() == null) at[0] = at[1] = null; // sampling: nothing to learn from
        }
        return this;
    }

    private Behavior<Command> onError(Error m) {
        errors[m.end()] = m.e();
        if (errors[0] != null && errors[1] != null) {
            Position[] at = positions[(int) (m.step() & 1)];
            coupling.learn(at[0].t(), at[0].x(), errors[0], at[1].x(), errors[1], at[0].weight(), learning.couplingRate());
            errors[0] = errors[1] = null;
            at[0] = at[1] = null;
        }
        return this;
    }
}
