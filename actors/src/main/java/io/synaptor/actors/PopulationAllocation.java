package io.synaptor.actors;

import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.Address;
import org.apache.pekko.cluster.sharding.ShardCoordinator;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import scala.collection.immutable.IndexedSeq;
import scala.concurrent.Future;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a shard lives (issue 6): a shard is one population of one run ({@code run|population}), and
 * population p goes to worker p mod W in address order, whatever the entity type — so a layer's
 * slices and the blocks that feed it share a node and messages cross nodes only where projections
 * cross. Deterministic, and never rebalanced: moving an entity mid-run would lose its state. Regions
 * on nodes that are not up (a lost node the coordinator has not yet dropped) get nothing, so a run
 * restarted after a loss lands only on the workers that remain.
 */
final class PopulationAllocation extends ShardCoordinator.AbstractShardAllocationStrategy {
    private final Cluster cluster;

    PopulationAllocation(Cluster cluster) {
        this.cluster = cluster;
    }

    @Override
    public Future<ActorRef> allocateShard(ActorRef requester, String shardId, Map<ActorRef, IndexedSeq<String>> current) {
        Set<Address> up = new HashSet<>();
        for (Member m : cluster.state().getMembers()) if (m.status() == MemberStatus.up()) up.add(m.address());
        List<ActorRef> all = current.keySet().stream().sorted(Comparator.comparing(r -> address(r).toString())).toList();
        List<ActorRef> live = all.stream().filter(r -> up.contains(address(r))).toList();
        List<ActorRef> regions = live.isEmpty() ? all : live;
        int population = population(shardId);
        return Future.successful(regions.get(Math.floorMod(population, regions.size())));
    }

    @Override
    public Future<Set<String>> rebalance(Map<ActorRef, IndexedSeq<String>> current, Set<String> inProgress) {
        return Future.successful(Set.of());
    }

    private Address address(ActorRef region) {
        Address a = region.path().address();
        return a.hasGlobalScope() ? a : cluster.selfMember().address(); // the coordinator's own region has a local path
    }

    /** The shard of an entity id {@code run|kind|index|population}. */
    static String shardOf(String entityId) {
        String[] p = entityId.split("\\|");
        return p[0] + "|" + p[3];
    }

    static int population(String shardId) {
        return Integer.parseInt(shardId.substring(shardId.lastIndexOf('|') + 1));
    }
}
