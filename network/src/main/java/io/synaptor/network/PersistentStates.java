package io.synaptor.network;

/**
 * Persistent free states ("persistent particles"): every training example keeps the state its last
 * free phase ended in, and its next presentation starts there instead of at rest, so the free phase
 * resumes near that example's fixed point (as a persistent chain does; Laborieux et al. 2021 keep
 * them on MNIST to shorten T1). Test examples always start at rest: evaluation stays honest.
 *
 * <p>One store per host of units, filled only by what those units did: nothing is shared. Rows are
 * laid out as the hosts keep them: an example's {@code components} values (re, im) one after another.
 * The examples of an episode follow from the schedule alone ({@link PhaseSchedule#trainOrder}).
 */
public final class PersistentStates {
    private final PhaseSchedule schedule;
    private final int components;
    private final double[][] store; // [unit][example × components + c]
    private final ExampleOrder order;

    public PersistentStates(PhaseSchedule schedule, int units, int components) {
        this(schedule, components, atRest(schedule, units, components));
    }

    /** Every unit's store, all examples at s = 0. */
    private static double[][] atRest(PhaseSchedule schedule, int units, int components) {
        return new double[units][Math.multiplyExact(schedule.trainSize(), components)];
    }

    private PersistentStates(PhaseSchedule schedule, int components, double[][] store) {
        this.schedule = schedule;
        this.components = components;
        this.store = store;
        this.order = new ExampleOrder(schedule);
    }

    /**
     * The stores of a run that is cut into several simulations (one per epoch, for checkpoints): each
     * host of units gets back the store it left, read through the new simulation's schedule. The
     * stores live in this JVM only; they are not part of a checkpoint.
     */
    public static final class Bank {
        private final java.util.Map<Integer, double[][]> stores = new java.util.HashMap<>();

        /** The states of the host whose first unit is {@code first}, kept from an earlier simulation or at rest. */
        public synchronized PersistentStates states(int first, PhaseSchedule schedule, int units, int components) {
            double[][] store = stores.computeIfAbsent(first, f -> atRest(schedule, units, components));
            return new PersistentStates(schedule, components, store);
        }
    }

    /** The state unit k starts episode e with: its examples' stored states (zero if never seen), or rest for a test episode. */
    public void load(long episode, int k, double[] row, int offset) {
        int n = schedule.batch() * components;
        if (!schedule.isTraining(episode)) {
            java.util.Arrays.fill(row, offset, offset + n, 0.0);
            return;
        }
        int[] examples = order.examples(episode);
        for (int b = 0; b < examples.length; b++) {
            System.arraycopy(store[k], examples[b] * components, row, offset + b * components, components);
        }
    }

    /** Unit k's state at the end of training episode e's free phase, kept for its examples' next presentation. */
    public void save(long episode, int k, double[] row, int offset) {
        if (!schedule.isTraining(episode)) return;
        int[] examples = order.examples(episode);
        for (int b = 0; b < examples.length; b++) {
            System.arraycopy(row, offset + b * components, store[k], examples[b] * components, components);
        }
    }
}
