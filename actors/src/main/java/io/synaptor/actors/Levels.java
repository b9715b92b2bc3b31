package io.synaptor.actors;

/**
 * A vector's distinct values, when it has at most 256 — a clamped image takes one of 256 grey levels per
 * pixel, and so does its ρ — so that it crosses nodes as those values once and a byte per entry naming one:
 * about 8× fewer bytes than packed doubles for the clamps and input states that dominate what an image run
 * sends between JVMs (docs/cluster.md, "Measured"). Distinct means distinct bits, so every value comes back
 * exactly (−0.0 and NaN payloads included).
 *
 * @param levels each distinct value once, in order of first appearance
 * @param index  for each entry of the vector, its value's place in {@code levels}
 */
record Levels(double[] levels, byte[] index) {
    /** Shorter vectors gain too little to be worth the look. */
    static final int MIN_LENGTH = 64;
    private static final int MAX_LEVELS = 256;
    private static final int SLOTS = 512; // open addressing, at most half full

    /** The vector's levels, or null if it has more than 256 distinct values or fewer than {@link #MIN_LENGTH} entries. */
    static Levels of(double[] v) {
        if (v.length < MIN_LENGTH) return null;
        long[] keys = new long[SLOTS];
        int[] place = new int[SLOTS]; // level + 1; 0: an empty slot
        double[] levels = new double[MAX_LEVELS];
        int count = 0;
        for (double x : v) { // first the levels: a state of continuous values gives up after 257, having allocated little
            int slot = find(keys, place, Double.doubleToRawLongBits(x));
            if (place[slot] != 0) continue;
            if (count == MAX_LEVELS) return null;
            keys[slot] = Double.doubleToRawLongBits(x);
            levels[count] = x;
            place[slot] = ++count;
        }
        byte[] index = new byte[v.length];
        for (int k = 0; k < v.length; k++) index[k] = (byte) (place[find(keys, place, Double.doubleToRawLongBits(v[k]))] - 1);
        return new Levels(java.util.Arrays.copyOf(levels, count), index);
    }

    /** The slot holding {@code bits}, or the empty slot where it would go. */
    private static int find(long[] keys, int[] place, long bits) {
        int slot = (int) ((bits * 0x9E3779B97F4A7C15L) >>> (64 - 9)); // Fibonacci hashing: the high bits mix the whole key
        while (place[slot] != 0 && keys[slot] != bits) slot = (slot + 1) & (SLOTS - 1);
        return slot;
    }

    /** The vector back: entry k is levels[index[k]]. */
    static double[] expand(double[] levels, byte[] index) {
        double[] out = new double[index.length];
        for (int k = 0; k < out.length; k++) out[k] = levels[index[k] & 0xFF];
        return out;
    }
}
