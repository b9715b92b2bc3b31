package io.synaptor.actors;

import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

import io.synaptor.proto.Spec;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One per cluster node (issue 6): keeps the plans of the runs this node helps with, so that the
 * sharded unit, input and block entities it is given can be built from their ids, and tells the
 * submitter when each start-up phase has reached it.
 */
public final class NodeAgent {
    private NodeAgent() {
    }

    public sealed interface Command extends WireMessage permits Prepare, Known, Finish {
    }

    /**
     * submitter → node: host your share of this run; the probe gathers, the coordinator starts it. The
     * encoded spec comes in {@code parts} messages ({@link ClusterRun#SPEC_PART}), part {@code part} here.
     */
    public record Prepare(String run, int part, int parts, byte[] spec, ActorRef<ProbeActor.Command> probe,
                          ActorRef<ClusterRun.Command> coordinator) implements Command {
    }

    /** submitter → node: the teacher and the slices placed so far (null where not yet). */
    public record Known(String run, ActorRef<TeacherActor.Command> teacher, List<ActorRef<UnitActor.Command>> slices)
            implements Command {
    }

    /** submitter → node: the run is over (or lost): stop its entities here and say what crossed. */
    public record Finish(String run) implements Command {
    }

    /** A run as one node sees it; entities read it when sharding creates them here. */
    static final class Hosted {
        final SimulationPlan plan;
        final ActorRef<ProbeActor.Command> probe;
        final ActorRef<ClusterRun.Command> coordinator;
        final Traffic crossedBefore;
        volatile ActorRef<TeacherActor.Command> teacher;
        volatile List<ActorRef<UnitActor.Command>> slices = List.of();
        /** How to stop each of the run's entities on this node: a passivation request to its shard. */
        final Queue<Runnable> stops = new ConcurrentLinkedQueue<>();

        Hosted(SimulationPlan plan, ActorRef<ProbeActor.Command> probe, ActorRef<ClusterRun.Command> coordinator, Traffic crossedBefore) {
            this.plan = plan;
            this.probe = probe;
            this.coordinator = coordinator;
            this.crossedBefore = crossedBefore;
        }
    }

    /**
     * @param runs this node's runs, shared with its entity factories. Cross-node counts are this
     * JVM's, from Prepare to Finish: exact when one run at a time uses the cluster.
     */
    static Behavior<Command> create(Map<String, Hosted> runs, String node) {
        Map<String, ByteArrayOutputStream> arriving = new HashMap<>();
        return Behaviors.setup(ctx -> Behaviors.receive(Command.class)
                .onMessage(Prepare.class, m -> {
                    if (m.part() == 0) arriving.put(m.run(), new ByteArrayOutputStream());
                    ByteArrayOutputStream spec = arriving.get(m.run());
                    if (spec == null) return Behaviors.same(); // a part of a run whose first part was lost: DropWatch has said so
                    spec.writeBytes(m.spec());
                    if (m.part() < m.parts() - 1) return Behaviors.same();
                    arriving.remove(m.run());
                    SimulationSpec decoded = SpecCodec.decode(Spec.parseFrom(spec.toByteArray()));
                    Traffic crossed = ProtocolSerializer.crossedNodes(ctx.getSystem());
                    runs.put(m.run(), new Hosted(new SimulationPlan(decoded), m.probe(), m.coordinator(), crossed));
                    m.coordinator().tell(new ClusterRun.Ack(m.run(), node));
                    return Behaviors.same();
                })
                .onMessage(Known.class, m -> {
                    Hosted h = runs.get(m.run());
                    if (h != null) {
                        h.teacher = m.teacher();
                        h.slices = m.slices();
                        h.coordinator.tell(new ClusterRun.Ack(m.run(), node));
                    }
                    return Behaviors.same();
                })
                .onMessage(Finish.class, m -> {
                    arriving.remove(m.run());
                    Hosted h = runs.remove(m.run());
                    if (h != null) {
                        for (Runnable stop; (stop = h.stops.poll()) != null; ) stop.run();
                        h.coordinator.tell(new ClusterRun.Done(m.run(), node, ProtocolSerializer.crossedNodes(ctx.getSystem()).minus(h.crossedBefore)));
                    }
                    return Behaviors.same();
                })
                .build());
    }

    static Map<String, Hosted> registry() {
        return new ConcurrentHashMap<>();
    }
}
