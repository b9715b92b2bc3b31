package io.synaptor.actors;

import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

    /** submitter → node: host your share of this run; the probe gathers, the coordinator starts it. */
    public record Prepare(String run, SimulationSpec spec, ActorRef<ProbeActor.Command> probe,
                          ActorRef<ClusterRun.Command> coordinator) implements Command {
    }

    /** submitter → node: the teacher and the slices placed so far (null where not yet). */
    public record Known(String run, ActorRef<TeacherActor.Command> teacher, List<ActorRef<UnitActor.Command>> slices)
            implements Command {
    }

    /** submitter → node: the run is over. */
    public record Finish(String run) implements Command {
    }

    /** A run as one node sees it; entities read it when sharding creates them here. */
    static final class Hosted {
        final SimulationPlan plan;
        final ActorRef<ProbeActor.Command> probe;
        final ActorRef<ClusterRun.Command> coordinator;
        volatile ActorRef<TeacherActor.Command> teacher;
        volatile List<ActorRef<UnitActor.Command>> slices = List.of();

        Hosted(SimulationPlan plan, ActorRef<ProbeActor.Command> probe, ActorRef<ClusterRun.Command> coordinator) {
            this.plan = plan;
            this.probe = probe;
            this.coordinator = coordinator;
        }
    }

    /** @param runs this node's runs, shared with its entity factories */
    static Behavior<Command> create(Map<String, Hosted> runs, String node) {
        return Behaviors.receive(Command.class)
                .onMessage(Prepare.class, m -> {
                    runs.put(m.run(), new Hosted(new SimulationPlan(m.spec()), m.probe(), m.coordinator()));
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
                    runs.remove(m.run());
                    return Behaviors.same();
                })
                .build();
    }

    static Map<String, Hosted> registry() {
        return new ConcurrentHashMap<>();
    }
}
