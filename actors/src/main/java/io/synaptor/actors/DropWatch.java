package io.synaptor.actors;

import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.Dropped;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.eventstream.EventStream;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.sharding.typed.ShardingEnvelope;
import org.apache.pekko.cluster.typed.Cluster;

import java.util.function.Consumer;

/**
 * Watches a cluster member's event stream for the simulation's messages its transport dropped (issue 24, "No
 * silent loss"): Artery delivers at most once and publishes each message it drops — a send queue that
 * overflowed, an association that was quarantined — as a {@link Dropped} event on the sender's side. Told of
 * one, the member tells the runs it takes part in, whose probes end them ({@link MessageLost}) unless a lost
 * node ends them first; the cluster's own messages (gossip, heartbeats) are Pekko's business.
 */
final class DropWatch {
    private DropWatch() {
    }

    /** @param onLoss told one line naming the dropped message, its recipient and the reason */
    static Behavior<Dropped> create(Consumer<String> onLoss) {
        return Behaviors.setup(ctx -> {
            Cluster cluster = Cluster.get(ctx.getSystem());
            ctx.getSystem().eventStream().tell(new EventStream.Subscribe<>(Dropped.class, ctx.getSelf()));
            return Behaviors.receive(Dropped.class).onMessage(Dropped.class, d -> {
                Object m = d.message() instanceof ShardingEnvelope<?> e ? e.message() : d.message();
                // a dropped report of a loss is not reported again (the stall watch is the last resort), and messages to a
                // member that is gone or unreachable are that member's loss, which restarts or fails the run itself (NodeLost)
                if (m instanceof WireMessage && !(m instanceof ProbeActor.Lost) && healthy(cluster, d.recipient().path().address())) {
                    onLoss.accept(m.getClass().getSimpleName() + " to " + d.recipient().path() + ", " + d.reason());
                }
                return Behaviors.same();
            }).build();
        });
    }

    /** Whether {@code address} is an up member that no one finds unreachable. */
    private static boolean healthy(Cluster cluster, Address address) {
        for (Member u : cluster.state().getUnreachable()) if (u.address().equals(address)) return false;
        for (Member m : cluster.state().getMembers()) if (m.address().equals(address)) return m.status() == MemberStatus.up();
        return false;
    }
}
