package io.synaptor.actors;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;
import org.apache.pekko.cluster.sharding.typed.ShardingEnvelope;
import org.apache.pekko.cluster.sharding.typed.ShardingMessageExtractor;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.cluster.typed.Cluster;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * A Pekko cluster node of Synaptor (issue 6): its configuration (Artery on a host and port, seed
 * nodes, roles, the protobuf serializer with Java serialization off), the entity types whose
 * instances it hosts — input slices, unit slices and coupling blocks, placed where the submitter's
 * plan says ({@link PlannedAllocation}) — and its {@link NodeAgent}. Workers host entities; a submitter
 * only proxies to them and runs the input source, teacher and probe of its runs.
 */
public final class ClusterNode {
    private ClusterNode() {
    }

    public static final String WORKER = "worker";
    public static final String SUBMITTER = "submitter";
    /** The cluster's name: nodes of another name (or another Synaptor version) are not let in. */
    public static final String SYSTEM = "synaptor";

    static final EntityTypeKey<ClampedUnitActor.Command> INPUTS = EntityTypeKey.create(ClampedUnitActor.Command.class, "synaptor-input");
    static final EntityTypeKey<UnitActor.Command> UNITS = EntityTypeKey.create(UnitActor.Command.class, "synaptor-unit");
    static final EntityTypeKey<SynapseActor.Command> BLOCKS = EntityTypeKey.create(SynapseActor.Command.class, "synaptor-block");
    static final ServiceKey<NodeAgent.Command> AGENTS = ServiceKey.create(NodeAgent.Command.class, "synaptor-node-agent");

    /**
     * Messages Artery queues per outbound link before it drops the next ones (it delivers at most once;
     * {@link DropWatch}). The system property {@code synaptor.outbound-queue} makes it small, to drop messages on
     * purpose (ClusterLossTest).
     */
    static int outboundQueue() {
        return Integer.getInteger("synaptor.outbound-queue", 200_000);
    }

    /**
     * Artery's largest message. Artery keeps pools of send and receive buffers of this size: a 2-node mnist-ep
     * run (a quarter epoch, one cold run each) took 18.4 s at 16 MiB and 16.2 s at 256 KiB. 2 MiB holds a
     * slice of 1,000 units at a batch of 100 with room to spare; larger messages are refused before a run
     * starts ({@link ClusterClient}) and the spec travels in parts ({@link ClusterRun#SPEC_PART}).
     */
    static final int FRAME_BYTES = 2 << 20;

    /** Entity kinds, as {@link ClusterRun.Placed} names them. */
    static final int INPUT = 0, UNIT = 1, BLOCK = 2;

    /**
     * @param port  0 for any free port
     * @param seeds    host:port of the seed nodes (a node that lists itself first starts the cluster);
     *                 none: the caller joins explicitly (a first node on port 0 joins itself)
     * @param security TLS credentials, or null for plain TCP (loopback, or a network the user vouches for)
     */
    public static Config config(String host, int port, List<String> seeds, List<String> roles, String version, int threads,
                                ClusterSecurity security) {
        // The version check: a joining node's synaptor.version must equal the cluster's (VersionCheck).
        String seedList = seeds.stream().map(s -> "\"pekko://" + SYSTEM + "@" + s + "\"").collect(Collectors.joining(", "));
        String roleList = roles.stream().map(r -> "\"" + r + "\"").collect(Collectors.joining(", "));
        return ConfigFactory.parseString("""
                pekko {
                  loglevel = ERROR
                  actor {
                    provider = cluster
                    allow-java-serialization = off
                    warn-about-java-serializer-usage = off
                    serializers { synaptor = "io.synaptor.actors.ProtocolSerializer" }
                    serialization-bindings { "io.synaptor.actors.WireMessage" = synaptor }
                    default-dispatcher.fork-join-executor { parallelism-min = %d, parallelism-max = %d }
                  }
                  remote.artery {
                    canonical.hostname = "%s"
                    canonical.port = %d
                    advanced.maximum-frame-size = %d
                    advanced.outbound-message-queue-size = %d
                  }
                  cluster {
                    seed-nodes = [%s]
                    roles = [%s]
                    app-version = "%s"
                    configuration-compatibility-check.checkers.synaptor = "io.synaptor.actors.VersionCheck"
                    # a lost node is downed after 10 s of stable unreachability; then a run restarts without it
                    split-brain-resolver.stable-after = 10s
                    # a node silent for 3 s (the default) is not yet lost: nodes that share a busy machine pause longer
                    failure-detector.acceptable-heartbeat-pause = 6s
                    downing-provider-class = "org.apache.pekko.cluster.sbr.SplitBrainResolverProvider"
                    sharding.remember-entities = off
                    sharding.passivation.strategy = none
                    jmx.enabled = off
                  }
                  coordinated-shutdown.exit-jvm = off
                }
                synaptor.version = "%s"
                """.formatted(threads, threads, host, port, FRAME_BYTES, outboundQueue(), seedList, roleList, version, version))
                .withFallback(security == null ? ConfigFactory.empty() : security.artery()).withFallback(ConfigFactory.load());
    }

    /**
     * A worker's guardian: its agent, registered for submitters to find, and the entity factories. The
     * agent goes by the node's bound host:port (a node started on port 0 learns it only here).
     */
    public static Behavior<Void> worker() {
        return Behaviors.setup(ctx -> {
            Map<String, NodeAgent.Hosted> runs = NodeAgent.registry();
            String name = Cluster.get(ctx.getSystem()).selfMember().address().hostPort();
            ActorRef<NodeAgent.Command> agent = ctx.spawn(NodeAgent.create(runs, name), "agent");
            ctx.getSystem().receptionist().tell(Receptionist.register(AGENTS, agent));
            ctx.spawn(DropWatch.create(what -> { // every run this node hosts ends: one of its messages is gone
                for (NodeAgent.Hosted h : runs.values()) h.probe.tell(new ProbeActor.Lost("at node " + name + ": " + what));
            }), "drop-watch");
            initSharding(ctx.getSystem(), runs);
            return Behaviors.empty();
        });
    }

    /** The three entity types; on a node without the worker role these are proxies. */
    static Regions initSharding(ActorSystem<?> system, Map<String, NodeAgent.Hosted> runs) {
        ClusterSharding sharding = ClusterSharding.get(system);
        PlannedAllocation allocation = new PlannedAllocation(Cluster.get(system));
        var inputs = init(sharding, allocation, runs, INPUTS, INPUT, (h, a) -> h.plan.input(a, h.probe, null));
        var units = init(sharding, allocation, runs, UNITS, UNIT, (h, a) -> h.plan.unit(a, h.teacher, h.probe, null));
        var blocks = init(sharding, allocation, runs, BLOCKS, BLOCK, (h, b) -> {
            SimulationPlan.Block block = h.plan.blocks.get(b);
            return h.plan.block(b, h.slices.get(block.sliceI()), h.slices.get(block.sliceJ()), h.probe, null);
        });
        return new Regions(inputs, units, blocks);
    }

    /**
     * One entity type: an entity is built on its node from that node's plan of the run, and tells
     * the run's coordinator where it is as soon as it exists.
     */
    private static <M> ActorRef<ShardingEnvelope<M>> init(ClusterSharding sharding, PlannedAllocation allocation,
                                                         Map<String, NodeAgent.Hosted> runs, EntityTypeKey<M> key, int kind,
                                                         BiFunction<NodeAgent.Hosted, Integer, Behavior<M>> build) {
        return sharding.init(Entity.of(key, e -> Behaviors.<M>setup(c -> {
            Id id = Id.parse(e.getEntityId());
            NodeAgent.Hosted h = hosted(runs, id);
            h.stops.add(() -> e.getShard().tell(new ClusterSharding.Passivate<>(c.getSelf())));
            h.coordinator.tell(new ClusterRun.Placed(id.run, kind, id.index, c.getSelf()));
            return build.apply(h, id.index);
        })).withRole(WORKER).withMessageExtractor(extractor()).withAllocationStrategy(allocation));
    }

    record Regions(ActorRef<ShardingEnvelope<ClampedUnitActor.Command>> inputs,
                   ActorRef<ShardingEnvelope<UnitActor.Command>> units,
                   ActorRef<ShardingEnvelope<SynapseActor.Command>> blocks) {
    }

    private static NodeAgent.Hosted hosted(Map<String, NodeAgent.Hosted> runs, Id id) {
        NodeAgent.Hosted h = runs.get(id.run);
        if (h == null) throw new IllegalStateException("entity " + id + " of a run this node was not prepared for");
        return h;
    }

    /** An entity's id: {@code run|kind|index|node}, node the address of the worker the plan puts it on; its shard is {@code run|node}. */
    record Id(String run, int kind, int index, String node) {
        static Id parse(String s) {
            String[] p = s.split("\\|");
            return new Id(p[0], Integer.parseInt(p[1]), Integer.parseInt(p[2]), p[3]);
        }

        @Override
        public String toString() {
            return run + "|" + kind + "|" + index + "|" + node;
        }
    }

    private static <M> ShardingMessageExtractor<ShardingEnvelope<M>, M> extractor() {
        return new ShardingMessageExtractor<>() {
            @Override
            public String entityId(ShardingEnvelope<M> envelope) {
                return envelope.entityId();
            }

            @Override
            public String shardId(String entityId) {
                return PlannedAllocation.shardOf(entityId);
            }

            @Override
            public M unwrapMessage(ShardingEnvelope<M> envelope) {
                return envelope.message();
            }
        };
    }
}
