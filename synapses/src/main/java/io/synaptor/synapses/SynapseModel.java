package io.synaptor.synapses;

/**
 * What a synapse actor hosts (one synapse at unit granularity, a block of them at block
 * granularity): how the drive each end feels follows from the other end's value, and how the
 * synapse's parameters learn from what it sees at its two ends — plain arithmetic on the values
 * the ends send. The actor adds the time protocol around it (inboxes, horizons, link delays, windows,
 * traces): the actor is the host, this is the model it runs (Lava's Process/ProcessModel split;
 * DESIGN.md, "The protocol"). EqProp's blocks are {@link RuleBlock}; driven couplings whose energy
 * changes with protocol time are another (io.synaptor.network.ProtocolCouplingModel).
 *
 * <p>Values and drives are the ends' vectors as their slices define them; τ is the synapse's own
 * virtual time. Not thread-safe: one per actor.
 */
public interface SynapseModel {
    /** The synapses this model holds; cell k is coupling {@link #coupling(int) coupling(k)} of the network. */
    int cells();

    int coupling(int cell);

    /** The cell's unit positions in the slices at end i and end j (for messages naming it). */
    int cellI(int cell);

    int cellJ(int cell);

    /** The cell's weight now (what the run reports at its end). */
    double weight(int cell);

    /** The cell's latest estimate of dL/dW (for gradient checks); NaN before the first (and for a model that does not learn). */
    default double lastGradient(int cell) {
        return Double.NaN;
    }

    /** The first time ≥ t at which the model wants to see both ends ({@link #learn}); Long.MAX_VALUE if never (the default: it does not learn). */
    default long nextSampleTime(long t) {
        return Long.MAX_VALUE;
    }

    /** The first time ≥ t at which {@link #learn} may change a drive: until then a drive holds while its source does. */
    default long nextUpdateTime(long t) {
        return Long.MAX_VALUE;
    }

    /** At a sample time τ, the ends' values in force at τ: learn; true if the drives change. */
    default boolean learn(long tau, double[] valueI, double[] valueJ) {
        return false;
    }

    /** After {@link #learn}: the first cell whose weight left the finite numbers, or −1. */
    default int diverged() {
        return -1;
    }

    /** The drive end i feels at τ from end j's value. */
    double[] driveToI(long tau, double[] valueJ);

    /** The drive end j feels at τ from end i's value. */
    double[] driveToJ(long tau, double[] valueI);

    /** Both drives at τ (a model may share one pass over its weights). */
    default double[][] drives(long tau, double[] valueI, double[] valueJ) {
        return new double[][]{driveToI(tau, valueJ), driveToJ(tau, valueI)};
    }

    /** A block inside one slice (lateral couplings): the one drive the slice feels from its own value. */
    double[] driveWithin(long tau, double[] value);
}
