package io.synaptor.actors;

import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.Address;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.sharding.ShardCoordinator;
import org.apache.pekko.cluster.typed.Cluster;
import scala.collection.immutable.IndexedSeq;
import scala.concurrent.Future;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a shard lives: a shard is one run's actors on one worker ({@code run|address}), named by the
 * submitter from its {@link SimulationPlan#placement} over the workers it chose — so a run on 2 of 3
 * nodes lands on those 2, and the plan, not the cluster, decides what sits together. Never
 * rebalanced: moving an entity mid-run would lose its state. A shard whose node is gone (the run is
 * lost already: {@link NodeLost}) goes to the first worker that is up, so that nothing waits for it.
 */
final class PlannedAllocation extends ShardCoordinator.AbstractShardAllocationStrategy {
    private final Cluster cluster;

    PlannedAllocation(Cluster cluster) {
        this.cluster = cluster;
    }

    @Override
    public Future<ActorRef> allocateShard(ActorRef requester, String shardId, Map<ActorRef, IndexedSeq<String>> current) {
        String node = shardId.substring(shardId.indexOf('|') + 1);
        List<ActorRef> regions = current.keySet().stream().sorted(Comparator.comparing(r -> address(r).toString())).toList();
        for (ActorRef r : regions) if (address(r).toString().equals(node)) return Future.successful(r);
        for (ActorRef r : regions) if (up(address(r))) return Future.successful(r);
        return Future.successful(regions.get(0));
    }

    @Override
    public Future<Set<String>> rebalance(Map<ActorRef, IndexedSeq<String>> current, Set<String> inProgress) {
        return Future.successful(Set.of());
    }

    private boolean up(Address a) {
        for (Member m : cluster.state().getMembers()) if (m.address().equals(a)) return m.status() == MemberStatus.up();
        return false;
    }

    private Address address(ActorRef region) {
        Address a = region.path().address();
        return a.hasGlobalScope() ? a : cluster.selfMember().address(); // the coordinator's own region has a local path
    }

    /** The shard of an entity id {@code run|kind|index|node}: the run's actors on that node. */
    static String shardOf(String entityId) {
        String[] p = entityId.split("\\|");
        return p[0] + "|" + p[3];
    }
}
