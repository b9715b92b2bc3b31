package io.synaptor.actors;

/**
 * A worker node hosting part of a cluster run became unreachable or left mid-run (issue 6). The run
 * was stopped on the remaining nodes and the cluster has settled without the lost node, so a caller
 * holding a checkpoint may submit again from it.
 */
public final class NodeLost extends RuntimeException {
    public NodeLost(String message) {
        super(message);
    }
}
