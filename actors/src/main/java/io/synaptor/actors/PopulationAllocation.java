package io.synaptor.actors;

import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.Address;
import org.apache.pekko.cluster.sharding.ShardCoordinator;
import scala.collection.immutable.IndexedSeq;
import scala.concurrent.Future;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a shard lives (issue 6): a shard is one population of one run ({@code run|population}), and
 * population p goes to worker p mod W in address order, whatever the entity type — so a layer's
 * slices and the blocks that feed it share a node and messages cross nodes only where projections
 * cross. Deterministic, and never rebalanced: moving an entity mid-run would lose its state.
 */
final class PopulationAllocation extends ShardCoordinator.AbstractShardAllocationStrategy {
    private final Address self;

    /** @param self this node's address (the coordinator's own region has a local path without one) */
    PopulationAllocation(Address self) {
        this.self = self;
    }

    @Override
    public Future<ActorRef> allocateShard(ActorRef requester, String shardId, Map<ActorRef, IndexedSeq<String>> current) {
        List<ActorRef> regions = current.keySet().stream()
                .sorted(Comparator.comparing(r -> address(r).toString())).toList();
        int population = population(shardId);
        return Future.successful(regions.get(Math.floorMod(population, regions.size())));
    }

    @Override
    public Future<Set<String>> rebalance(Map<ActorRef, IndexedSeq<String>> current, Set<String> inProgress) {
        return Future.successful(Set.of());
    }

    private Address address(ActorRef region) {
        Address a = region.path().address();
        return a.hasGlobalScope() ? a : self;
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
