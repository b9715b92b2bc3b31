package io.synaptor.network;

/**
 * Which examples each episode of a schedule shows, with the epoch's permutation cached. Not
 * thread-safe: each data-side actor owns one.
 */
public final class ExampleOrder {
    private final PhaseSchedule schedule;
    private int cachedEpoch = -1;
    private int[] cachedOrder;

    /** 0 … n−1 in an order drawn from r (Fisher–Yates, from the last place down: r.nextInt(k + 1) for k = n−1 … 1); in order if r is null. */
    public static int[] permutation(int n, java.util.SplittableRandom r) {
        int[] p = new int[n];
        for (int k = 0; k < n; k++) p[k] = k;
        for (int k = n - 1; r != null && k > 0; k--) {
            int m = r.nextInt(k + 1);
            int t = p[k];
            p[k] = p[m];
            p[m] = t;
        }
        return p;
    }

    public ExampleOrder(PhaseSchedule schedule) {
        this.schedule = schedule;
    }

    /** Indices into the training set (training episodes) or the test set (evaluation episodes). */
    public int[] examples(long episode) {
        int b = schedule.batch();
        int k = schedule.batchIndex(episode);
        int[] idx = new int[b];
        if (schedule.isTraining(episode)) {
            int epoch = schedule.epochOf(episode);
            if (epoch != cachedEpoch) {
                cachedOrder = schedule.trainOrder(epoch);
                cachedEpoch = epoch;
            }
            System.arraycopy(cachedOrder, k * b, idx, 0, b);
        } else {
            for (int m = 0; m < b; m++) idx[m] = (k * b + m) % schedule.testSize();
        }
        return idx;
    }
}
