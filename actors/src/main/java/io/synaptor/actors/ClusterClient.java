package io.synaptor.actors;

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
    private final int workers;
    private final AtomicInteger runs = new AtomicInteger();
    private final Set<String> hosts = new TreeSet<>();
    private final String name;

    /**
     * Joins the cluster through {@code seed} (host:port) and waits until {@code workers} worker nodes
     * are up, at most {@code patience}.
     */
    public static ClusterClient join(String seed, int workers, String version, Duration patience) {
        ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), ClusterNode.SYSTEM,
                ClusterNode.config("127.0.0.1", 0, List.of(seed), List.of(ClusterNode.SUBMITTER), version, 2));
        try {
            ProtocolSerializer.checkBindings(system);
            ClusterNode.Regions regions = ClusterNode.initSharding(system, NodeAgent.registry());
            long deadline = System.nanoTime() + patience.toNanos();
            Cluster cluster = Cluster.get(system);
            while (upWorkers(cluster) < workers) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(cluster.selfMember().status() == MemberStatus.up()
                            ? "only " + upWorkers(cluster) + " of " + workers + " worker nodes joined the cluster at " + seed
                            + " within " + patience.toSeconds() + " s"
                            : "could not join the cluster at " + seed + " within " + patience.toSeconds()
                            + " s (is a node running there? start one with: synaptor node --port " + seed.substring(seed.lastIndexOf(':') + 1) + ")");
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

    /** Runs one simulation on the workers; the same contract as {@link SimulationRunner#run}. */
    public RunResult run(SimulationSpec spec, Duration stall, ProgressListener listener) throws SimulationDiverged, SimulationStalled {
        if (spec.persistent() != null) throw new IllegalArgumentException("persistent free states (units.persistent) run on one JVM only; drop --cluster or the setting");
        String run = Integer.toHexString(name.hashCode()) + "-" + runs.incrementAndGet();
        SimulationRunner.Awaited awaited = new SimulationRunner.Awaited(listener);
        CompletableFuture<ClusterRun.Placement> placement = new CompletableFuture<>();
        system.systemActorOf(ClusterRun.create(run, spec, workers, regions, awaited.listener, awaited.result, placement),
                "run-" + run, Props.empty());
        RunResult r = awaited.await(stall, "cluster run",
                () -> placement.isDone() ? "" : " (it never started: are " + workers + " worker nodes up?)");
        synchronized (hosts) {
            hosts.addAll(placement.join().addresses());
        }
        return r;
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
