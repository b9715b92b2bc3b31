package io.synaptor.bench;

import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * The synapse of {@link MessagingBenchmark}'s same-shape baseline: an actor between two
 * {@link FanoutActor} nodes that passes each value it hears from one end on to the other, scaled
 * by its weight, in a message of its own — what a synapse actor does with a state (a drive W·ρ to
 * the other end), with none of its clocks, inboxes or learning.
 */
public final class RelayActor extends AbstractBehavior<FanoutActor.Command> {

    public static Behavior<FanoutActor.Command> create(int i, ActorRef<FanoutActor.Command> toI,
                                                       ActorRef<FanoutActor.Command> toJ, double weight) {
        return Behaviors.setup(ctx -> new RelayActor(ctx, i, toI, toJ, weight));
    }

    private final int i;
    private final ActorRef<FanoutActor.Command> toI;
    private final ActorRef<FanoutActor.Command> toJ;
    private final double weight;

    private RelayActor(ActorContext<FanoutActor.Command> ctx, int i, ActorRef<FanoutActor.Command> toI,
                       ActorRef<FanoutActor.Command> toJ, double weight) {
        super(ctx);
        this.i = i;
        this.toI = toI;
        this.toJ = toJ;
        this.weight = weight;
    }

    @Override
    public Receive<FanoutActor.Command> createReceive() {
        return newReceiveBuilder().onMessage(FanoutActor.Value.class, this::onValue).build();
    }

    private Behavior<FanoutActor.Command> onValue(FanoutActor.Value m) {
        boolean fromI = m.from() == i;
        (fromI ? toJ : toI).tell(new FanoutActor.Value(m.from(), m.round(), weight * m.value()));
        return this;
    }
}
