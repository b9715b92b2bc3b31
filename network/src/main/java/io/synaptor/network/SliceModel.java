package io.synaptor.network;

/**
 * What a unit actor hosts (a population slice: one unit at unit granularity): what its units do on
 * their own clock, step by step, as plain arithmetic — the field they feel, the value they tell
 * their synapses, the data they wait for and what they report. The actor adds the time protocol
 * around it (inboxes, the field as the sum of the drives in force, the outbox with its horizons and
 * windows, traces, monitors): the actor is the host, this is the model it runs (Lava's
 * Process/ProcessModel split). EqProp's slices are {@link SliceEpisode}; driven Langevin oscillators
 * learning a protocol are {@link ProtocolSlice}.
 */
public interface SliceModel {
    /** Where a unit's per-episode data come from: stream {@code stream}'s values for an episode, or null if not yet known. */
    @FunctionalInterface
    interface Inputs {
        double[] of(int stream, long episode);
    }

    /** Where what a slice measured in an episode goes (to the experimenter): stream, episode, values. */
    @FunctionalInterface
    interface Reports {
        void report(int stream, long episode, double[] values);
    }

    /** The network's ids of the slice's units. */
    int[] units();

    /** Entries per unit in {@link #state()}. */
    int row();

    /** The slice's state, its units one after the other ({@link #row()} entries each): watched for blow-ups and monitored. */
    double[] state();

    /** Entries of the field, the sum of the drives the slice feels. */
    int fieldLength();

    /** The last state time. */
    long endTime();

    /** Unit k's data stream (its output index for EqProp's targets), or −1 if it takes none. */
    default int stream(int k) {
        return -1;
    }

    /** Whether the step t → t+1 can be taken: false while a unit waits for data it needs (the host waits for them). */
    default boolean ready(long t, Inputs inputs) {
        return true;
    }

    /** The step t → t+1 under the field in force at t (the drives' sum; the host keeps it). */
    void step(long t, double[] field);

    /**
     * The slice is at state time t: it keeps what later steps need, learns, reports, and returns the
     * value to tell its synapses — a fresh array, which becomes the message.
     */
    double[] arrive(long t, Reports reports);

    /**
     * The last state time through which the value {@link #arrive} returned at t surely stays the value
     * (at least t, at most {@link #endTime()}): t when it may change at the next step, later when the
     * model knows it holds (the host then sends nothing in between).
     */
    default long holdsThrough(long t) {
        return t;
    }

    /** What the relaxation check measured ({@link RelaxationResidual}). */
    default RelaxationResidual.Stats relaxation() {
        return RelaxationResidual.Stats.none();
    }

    /** How messages name unit k (a divergence report). */
    default String describe(int k) {
        return "unit " + units()[k];
    }

    /** Unit k's physical state at the end, one entry per example. */
    double[] realParts(int k);

    /** Unit k's bias at the end (0 if it has none). */
    default double bias(int k) {
        return 0.0;
    }

    /** Unit k's bias's latest gradient estimate (NaN if it has none). */
    default double lastBiasGradient(int k) {
        return Double.NaN;
    }
}
