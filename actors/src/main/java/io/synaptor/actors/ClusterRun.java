package io.synaptor.actors;

import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.cluster.ClusterEvent;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.sharding.typed.ShardingEnvelope;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Subscribe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * One run on the cluster, seen from the submitter (issue 6): hands the spec to every worker's
 * {@link NodeAgent}, has sharding create the entities kind by kind, each on the worker its plan names — inputs, then
 * (with the input source and teacher spawned here) the unit slices, then the blocks that need both
 * ends' references — wires them as {@link Simulation} does in one JVM, and lets them go. The probe,
 * here too, gathers the result; the protocol itself never passes through this actor.
 */
public final class ClusterRun extends AbstractBehavior<ClusterRun.Command> {

    public sealed interface Command permits Ack, Placed, Done, Agents, Membership {
    }

    /** node agent → coordinator: a start-up phase has reached {@code node}. */
    public record Ack(String run, String node) implements Command, WireMessage {
    }

    /** entity → coordinator: sharding created me on my node; kind: {@link ClusterNode#INPUT}, UNIT or BLOCK. */
    public record Placed(String run, int kind, int index, ActorRef<?> ref) implements Command, WireMessage {
    }

    /** node agent → coordinator: the run's entities on {@code node} are stopped; it sent this many messages across. */
    public record Done(String run, String node, Traffic crossed) implements Command, WireMessage {
    }

    private record Agents(Receptionist.Listing listing) implements Command {
    }

    private record Membership(ClusterEvent.ClusterDomainEvent event) implements Command {
    }

    /** What the submitter learns besides the result: the addresses of the nodes that host the run's entities. */
    record Placement(Set<String> addresses) {
    }

    private enum Phase { AGENTS, PREPARE, INPUTS, TEACHER, UNITS, SLICES, BLOCKS, RUNNING, FINISHING, LOST }

    private final String run;
    private final SimulationPlan plan;
    private final byte[] encoded;
    private final int nodes;
    private final ClusterNode.Regions regions;
    private final CompletableFuture<Placement> placement;
    private final CompletableFuture<RunResult> result;
    private final CompletableFuture<Traffic> crossed;
    private final Traffic crossedBefore;
    private Traffic crossedOnNodes = Traffic.NONE;
    private final ActorRef<ProbeActor.Command> probe;
    private final List<ActorRef<NodeAgent.Command>> agents = new ArrayList<>();
    private final Set<String> acked = new HashSet<>();
    private final ActorRef<ClampedUnitActor.Command>[] inputs;
    private final ActorRef<UnitActor.Command>[] units;
    private final ActorRef<SynapseActor.Command>[] blocks;
    private final Set<String> hosts = new HashSet<>();
    private ActorRef<TeacherActor.Command> teacher;
    private ActorRef<InputSourceActor.Command> source;
    private Phase phase = Phase.AGENTS;
    private SimulationPlan.Placement placed;
    private int waiting;

    /**
     * @param nodes   how many workers must have joined before the run starts
     * @param result  completed by the probe, or exceptionally with {@link NodeLost} when a worker is lost
     * @param crossed completed once every node has stopped the run's entities: simulation messages that crossed nodes
     */
    static Behavior<Command> create(String run, SimulationPlan plan, byte[] encoded, int nodes, ClusterNode.Regions regions,
                                    ProgressListener listener, CompletableFuture<RunResult> result,
                                    CompletableFuture<Placement> placement, CompletableFuture<Traffic> crossed) {
        return Behaviors.setup(ctx -> new ClusterRun(ctx, run, plan, encoded, nodes, regions, listener, result, placement, crossed));
    }

    /**
     * The largest part of an encoded spec in one message: an image net's weights are megabytes
     * (784-500-10: 6 MB), and one message that size would hold up every other message on its link
     * and exceed Artery's frame ({@link ClusterNode#FRAME_BYTES}).
     */
    static final int SPEC_PART = ClusterNode.FRAME_BYTES / 4;

    @SuppressWarnings("unchecked")
    private ClusterRun(ActorContext<Command> ctx, String run, SimulationPlan plan, byte[] encoded, int nodes, ClusterNode.Regions regions,
                       ProgressListener listener, CompletableFuture<RunResult> result, CompletableFuture<Placement> placement,
                       CompletableFuture<Traffic> crossed) {
        super(ctx);
        this.run = run;
        this.plan = plan;
        this.encoded = encoded;
        this.nodes = nodes;
        this.regions = regions;
        this.placement = placement;
        this.result = result;
        this.crossed = crossed;
        this.crossedBefore = ProtocolSerializer.crossedNodes(ctx.getSystem());
        this.probe = ctx.spawn(plan.probe(listener, result), "probe");
        ctx.watch(probe); // the probe stops once it has the result: then the run is over
        ActorRef<ProbeActor.Command> p = probe;
        ctx.spawn(DropWatch.create(what -> p.tell(new ProbeActor.Lost("at the submitter: " + what))), "drop-watch");
        this.inputs = new ActorRef[plan.slices.size()];
        this.units = new ActorRef[plan.slices.size()];
        this.blocks = new ActorRef[plan.blocks.size()];
        ActorRef<Receptionist.Listing> adapter = ctx.messageAdapter(Receptionist.Listing.class, Agents::new);
        ctx.getSystem().receptionist().tell(Receptionist.subscribe(ClusterNode.AGENTS, adapter));
        Cluster.get(ctx.getSystem()).subscriptions().tell(Subscribe.create(
                ctx.messageAdapter(ClusterEvent.UnreachableMember.class, Membership::new), ClusterEvent.UnreachableMember.class));
        Cluster.get(ctx.getSystem()).subscriptions().tell(Subscribe.create(
                ctx.messageAdapter(ClusterEvent.MemberRemoved.class, Membership::new), ClusterEvent.MemberRemoved.class));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Agents.class, this::onAgents)
                .onMessage(Ack.class, this::onAck)
                .onMessage(Placed.class, this::onPlaced)
                .onMessage(Done.class, this::onDone)
                .onMessage(Membership.class, this::onMembership)
                .onSignal(Terminated.class, t -> onProbeStopped())
                .build();
    }

    /** The probe has the result: the run is over; have every node stop its entities and count. */
    private Behavior<Command> onProbeStopped() {
        if (phase == Phase.LOST) return Behaviors.stopped();
        phase = Phase.FINISHING;
        for (ActorRef<NodeAgent.Command> a : agents) a.tell(new NodeAgent.Finish(run));
        return this;
    }

    private Behavior<Command> onDone(Done m) {
        if (phase != Phase.FINISHING || !m.run().equals(run) || !acked.add(m.node())) return this;
        crossedOnNodes = crossedOnNodes.plus(m.crossed());
        if (acked.size() < agents.size()) return this;
        crossed.complete(crossedOnNodes.plus(ProtocolSerializer.crossedNodes(getContext().getSystem()).minus(crossedBefore)));
        return Behaviors.stopped();
    }

    /**
     * A worker of this run unreachable or gone: the run cannot finish. It is stopped everywhere else
     * and fails with {@link NodeLost}; restarting from a checkpoint is the caller's decision.
     */
    private Behavior<Command> onMembership(Membership m) {
        Member member = m.event() instanceof ClusterEvent.UnreachableMember u ? u.member()
                : m.event() instanceof ClusterEvent.MemberRemoved r ? r.member() : null;
        if (member == null || phase == Phase.LOST) return this;
        List<ActorRef<NodeAgent.Command>> left = agents.stream()
                .filter(a -> !a.path().address().equals(member.address())).toList();
        // before the agents are chosen any worker counts: the run would wait for one that is gone
        boolean ours = phase == Phase.AGENTS ? member.hasRole(ClusterNode.WORKER) : left.size() < agents.size();
        if (!ours) return this;
        String what = "worker node " + member.address().hostPort() + " was lost mid-run ("
                + (m.event() instanceof ClusterEvent.UnreachableMember ? "unreachable" : "removed from the cluster") + ")";
        if (phase == Phase.FINISHING) { // the result is in; only the lost node's count of cross-node messages is missing
            crossed.complete(crossedOnNodes.plus(ProtocolSerializer.crossedNodes(getContext().getSystem()).minus(crossedBefore)));
            return Behaviors.stopped();
        }
        phase = Phase.LOST;
        for (ActorRef<NodeAgent.Command> a : left) a.tell(new NodeAgent.Finish(run));
        result.completeExceptionally(new NodeLost(what));
        crossed.completeExceptionally(new NodeLost(what));
        getContext().stop(probe);
        return Behaviors.stopped();
    }

    private Behavior<Command> onAgents(Agents m) {
        if (phase != Phase.AGENTS) return this;
        Set<ActorRef<NodeAgent.Command>> found = m.listing().getServiceInstances(ClusterNode.AGENTS);
        if (found.size() < nodes) return this;
        agents.addAll(found.stream().sorted((a, b) -> a.path().toString().compareTo(b.path().toString())).limit(nodes).toList());
        placed = plan.placement(agents.size());
        phase = Phase.PREPARE;
        int parts = Math.max(1, (encoded.length + SPEC_PART - 1) / SPEC_PART);
        for (ActorRef<NodeAgent.Command> a : agents) {
            for (int k = 0; k < parts; k++) { // in order: Artery keeps one sender's messages to one receiver in order
                byte[] part = Arrays.copyOfRange(encoded, k * SPEC_PART, Math.min(encoded.length, (k + 1) * SPEC_PART));
                a.tell(new NodeAgent.Prepare(run, k, parts, part, probe, getContext().getSelf()));
            }
        }
        return this;
    }

    private Behavior<Command> onAck(Ack m) {
        if (!m.run().equals(run) || !acked.add(m.node())) return this;
        if (acked.size() < agents.size()) return this;
        acked.clear();
        switch (phase) {
            case PREPARE -> {
                phase = Phase.INPUTS;
                List<Integer> in = plan.inputSlices();
                waiting = in.size();
                for (int a : in) regions.inputs().tell(new ShardingEnvelope<>(id(ClusterNode.INPUT, a, placed.sliceNode()[a]), new ClampedUnitActor.Wake()));
            }
            case TEACHER -> {
                phase = Phase.UNITS;
                waiting = 0;
                for (int a = 0; a < plan.slices.size(); a++) {
                    if (plan.clamped(a)) continue;
                    waiting++;
                    regions.units().tell(new ShardingEnvelope<>(id(ClusterNode.UNIT, a, placed.sliceNode()[a]), new UnitActor.Wake()));
                }
            }
            case SLICES -> {
                phase = Phase.BLOCKS;
                waiting = plan.blocks.size();
                for (int b = 0; b < plan.blocks.size(); b++) {
                    regions.blocks().tell(new ShardingEnvelope<>(id(ClusterNode.BLOCK, b, placed.blockNode()[b]), new SynapseActor.Wake()));
                }
            }
            default -> throw new IllegalStateException("an acknowledgement in phase " + phase);
        }
        return this;
    }

    @SuppressWarnings("unchecked")
    private Behavior<Command> onPlaced(Placed m) {
        if (!m.run().equals(run)) return this;
        if (m.ref().path().address().hasGlobalScope()) hosts.add(m.ref().path().address().toString());
        switch (m.kind()) {
            case ClusterNode.INPUT -> inputs[m.index()] = (ActorRef<ClampedUnitActor.Command>) m.ref();
            case ClusterNode.UNIT -> units[m.index()] = (ActorRef<UnitActor.Command>) m.ref();
            default -> blocks[m.index()] = (ActorRef<SynapseActor.Command>) m.ref();
        }
        if (--waiting > 0) return this;
        switch (phase) {
            case INPUTS -> {
                List<ActorRef<ClampedUnitActor.Command>> in = new ArrayList<>();
                for (int a : plan.inputSlices()) in.add(inputs[a]);
                source = getContext().spawn(plan.source(in, probe, null), "input-source");
                teacher = getContext().spawn(plan.teacher(source, probe, null), "teacher");
                phase = Phase.TEACHER;
                for (ActorRef<NodeAgent.Command> a : agents) a.tell(new NodeAgent.Known(run, teacher, List.of()));
            }
            case UNITS -> {
                phase = Phase.SLICES;
                List<ActorRef<UnitActor.Command>> slices = java.util.Collections.unmodifiableList(new ArrayList<>(Arrays.asList(units)));
                for (ActorRef<NodeAgent.Command> a : agents) a.tell(new NodeAgent.Known(run, teacher, slices));
            }
            case BLOCKS -> start();
            default -> throw new IllegalStateException("a placement in phase " + phase);
        }
        return this;
    }

    /** Everything is placed: wire the slices to their blocks and start, as in one JVM. */
    private void start() {
        phase = Phase.RUNNING;
        for (int a = 0; a < plan.slices.size(); a++) {
            List<ActorRef<SynapseActor.Command>> refs = plan.synapsesOf(a, b -> blocks[b]);
            int[] ids = plan.synapseIdsOf(a);
            if (plan.clamped(a)) inputs[a].tell(new ClampedUnitActor.Connect(refs, ids));
            else units[a].tell(new UnitActor.Connect(refs, ids));
        }
        List<ActorRef<UnitActor.Command>> outputs = new ArrayList<>();
        for (int a : plan.outputSlices()) outputs.add(units[a]);
        teacher.tell(new TeacherActor.Start(outputs));
        source.tell(new InputSourceActor.Start());
        placement.complete(new Placement(Set.copyOf(hosts)));
    }

    /** The entity's id: it names the worker the plan puts it on ({@link PlannedAllocation}). */
    private String id(int kind, int index, int node) {
        return new ClusterNode.Id(run, kind, index, agents.get(node).path().address().toString()).toString();
    }
}
