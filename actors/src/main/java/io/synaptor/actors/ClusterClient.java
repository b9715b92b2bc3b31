package io.synaptor.actors;

import io.synaptor.scheduler.Timing;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The submitter's side of cluster mode (issue 6): a cluster member with the submitter role that
 * joins through a seed node, waits for the workers, and runs each simulation a scenario asks for on
 * them ({@link ClusterRun}); the input source, teacher and probe stay here, the unit and synapse
 * actors are sharded over the workers. Results come back to the caller as from
 * {@link SimulationRunner}, bit for bit the same in virtual time.
 */
public final class ClusterClient implements AutoCloseable {
    private final ActorSystem<Void> system;
    private final ClusterNode.Regions regions;
    private volatile int workers;
    private final AtomicInteger runs = new AtomicInteger();
    private final Set<String> hosts = new TreeSet<>();
    private final String name;
    private final AtomicLong crossed = new AtomicLong();
    private final AtomicLong crossedBytes = new AtomicLong();
    private final AtomicInteger losses = new AtomicInteger();

    /**
     * Joins the cluster through {@code seed} (host:port) from {@code host} (the address the workers reach this
     * submitter at), with TLS credentials or none (null), and waits until {@code workers} worker nodes are up, at
     * most {@code patience}.
     */
    public static ClusterClient join(String seed, int workers, String version, Duration patience, String host, ClusterSecurity security) {
        ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), ClusterNode.SYSTEM,
                ClusterNode.config(host, 0, List.of(seed), List.of(ClusterNode.SUBMITTER), version, 2, security));
        try {
            ProtocolSerializer.checkBindings(system);
            ClusterNode.Regions regions = ClusterNode.initSharding(system, NodeAgent.registry());
            long deadline = System.nanoTime() + patience.toNanos();
            Cluster cluster = Cluster.get(system);
            while (upWorkers(cluster) < workers) {
                if (system.whenTerminated().isCompleted()) {
                    throw new IllegalStateException("the cluster at " + seed + " refused this submitter: it runs another Synaptor version than "
                            + version + " (every node and submitter must run the same one)");
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(cluster.selfMember().status() == MemberStatus.up()
                            ? "only " + upWorkers(cluster) + " of " + workers + " worker nodes joined the cluster at " + seed
                            + " within " + patience.toSeconds() + " s"
                            : "could not join the cluster at " + seed + " within " + patience.toSeconds() + " s (is a node running there"
                            + (security == null ? "? start one with: synaptor node --port " + seed.substring(seed.lastIndexOf(':') + 1)
                            + "; a cluster that speaks TLS refuses a submitter without its credentials: --key-store, --trust-store)"
                            : ", and does it accept these credentials? a node refuses a certificate its trust store does not hold)"));
                }
                Thread.sleep(100);
            }
            return new ClusterClient(system, regions, workers, seed);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            SimulationRunner.stop(system);
            throw new IllegalStateException("interrupted while joining the cluster");
        } catch (RuntimeException e) {
            SimulationRunner.stop(system);
            throw e;
        }
    }

    private static int upWorkers(Cluster cluster) {
        int n = 0;
        for (var m : cluster.state().getMembers()) if (m.status() == MemberStatus.up() && m.hasRole(ClusterNode.WORKER)) n++;
        return n;
    }

    private ClusterClient(ActorSystem<Void> system, ClusterNode.Regions regions, int workers, String seed) {
        this.system = system;
        this.regions = regions;
        this.workers = workers;
        this.name = Cluster.get(system).selfMember().address().toString() + "/" + seed;
    }

    /**
     * Runs one simulation on the workers; the same contract as {@link SimulationRunner#run}, and
     * {@link NodeLost} when a worker is lost mid-run — thrown once the cluster has settled without
     * it, so that the next run goes to the workers that remain.
     */
    public RunResult run(SimulationSpec spec, Duration stall, ProgressListener listener) throws SimulationDiverged, SimulationStalled {
        if (spec.persistent() != null) throw new IllegalArgumentException("persistent free states (units.persistent) run on one JVM only; drop --cluster or the setting");
        String run = Integer.toHexString(name.hashCode()) + "-" + runs.incrementAndGet();
        SimulationRunner.Awaited awaited = new SimulationRunner.Awaited(listener);
        CompletableFuture<ClusterRun.Placement> placement = new CompletableFuture<>();
        CompletableFuture<Traffic> sentAcross = new CompletableFuture<>();
        int w = workers;
        spec = windowed(spec);
        byte[] encoded = SpecCodec.encode(spec).toByteArray(); // what a node cannot host is refused here, before anything starts
        SimulationPlan plan = new SimulationPlan(spec);
        checkFrame(plan);
        system.systemActorOf(ClusterRun.create(run, plan, encoded, w, regions, awaited.listener, awaited.result, placement, sentAcross),
                "run-" + run, Props.empty());
        RunResult r;
        try {
            r = awaited.await(stall, "cluster run",
                    () -> placement.isDone() ? "" : ": it never started (are " + w + " worker nodes up?)");
            Traffic t = sentAcross.get(60, TimeUnit.SECONDS);
            crossed.addAndGet(t.messages());
            crossedBytes.addAndGet(t.bytes());
        } catch (NodeLost lost) {
            throw settled(lost);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof NodeLost lost ? settled(lost) : new IllegalStateException("the cluster run failed", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the nodes did not report the end of the run within 60 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SimulationStalled("interrupted");
        }
        synchronized (hosts) {
            hosts.addAll(placement.join().addresses());
        }
        return r;
    }

    /**
     * After a loss: waits until the failure detector and the split-brain resolver have settled the
     * membership (nobody unreachable, every member up), then runs go to the workers that remain.
     */
    private NodeLost settled(NodeLost lost) {
        losses.incrementAndGet();
        Cluster cluster = Cluster.get(system);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        try {
            int stableFor = 0;
            while (stableFor < 10) { // one settled second in a row
                boolean settled = cluster.state().getUnreachable().isEmpty();
                for (var m : cluster.state().getMembers()) settled &= m.status() == MemberStatus.up();
                stableFor = settled ? stableFor + 1 : 0;
                if (System.nanoTime() > deadline) {
                    return new NodeLost(lost.getMessage() + ", and the cluster did not settle without it within 120 s");
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (cluster.isTerminated() || cluster.selfMember().status() != MemberStatus.up()) {
            // An empty membership settles at once: say that it is this submitter that was cut off, not the workers.
            return new NodeLost(lost.getMessage() + ", and this submitter was itself removed from the cluster (the nodes stopped hearing from it)");
        }
        workers = upWorkers(cluster);
        if (workers == 0) return new NodeLost(lost.getMessage() + ", and no worker node is left");
        return new NodeLost(lost.getMessage() + "; " + workers + (workers == 1 ? " worker node remains" : " worker nodes remain"));
    }

    /**
     * A run left at one step per message ({@code time.window} = 1) on links whose delays are all D ≥ 2 steps
     * goes out in windows of D steps (DESIGN.md, "Time": NEST's min-delay window): the same results in
     * virtual time, D times fewer messages, each of which costs tens of µs between nodes (docs/cluster.md).
     * Free-running runs keep theirs (no windows there).
     */
    static SimulationSpec windowed(SimulationSpec spec) {
        Timing t = spec.timing();
        if (t.free() || t.window() > 1) return spec;
        int shortest = spec.network().couplings().stream().mapToInt(io.synaptor.network.Coupling::delay).min().orElse(1);
        if (shortest < 2) return spec;
        return spec.toBuilder().timing(new Timing(t.update(), t.jitter(), t.drop(), t.clockSkew(), t.seed(), t.sendThreshold(),
                shortest, t.freeLag())).build();
    }

    /**
     * Refuses, before anything starts, a run whose largest message — a slice's states or drives for a
     * message window, 8 bytes a value — would not fit half of Artery's frame: Artery would drop it.
     */
    private static void checkFrame(SimulationPlan plan) {
        SimulationSpec spec = plan.spec;
        int units = plan.slices.stream().mapToInt(a -> a.length).max().orElse(1);
        long bytes = 8L * units * plan.row * spec.timing().window();
        if (bytes > ClusterNode.FRAME_BYTES / 2) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "a slice of %d units sends %,d bytes a message (batch %d%s), more than half of the cluster's %d MiB frame:"
                            + " use a smaller network.block-size or training.batch", units, bytes, spec.schedule().batch(),
                    spec.timing().window() > 1 ? ", window " + spec.timing().window() : "", ClusterNode.FRAME_BYTES >> 20));
        }
    }

    /** Simulation messages that crossed between JVMs (workers and this submitter) in this client's finished runs. */
    public long crossNodeMessages() {
        return crossed.get();
    }

    /** Their serialized bytes (payload as Artery sends it, without its framing). */
    public long crossNodeBytes() {
        return crossedBytes.get();
    }

    /** Workers lost mid-run so far: each one either made its run restart from a checkpoint or failed it. */
    public int restarts() {
        return losses.get();
    }

    /** The worker nodes that hosted entities of this client's runs. */
    public int nodesUsed() {
        synchronized (hosts) {
            return hosts.size();
        }
    }

    @Override
    public void close() {
        Cluster cluster = Cluster.get(system);
        cluster.manager().tell(org.apache.pekko.cluster.typed.Leave.create(cluster.selfMember().address()));
        SimulationRunner.stop(system);
    }
}
