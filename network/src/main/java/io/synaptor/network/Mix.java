package io.synaptor.network;

/** SplitMix64's finaliser: a stateless hash that turns (seed, index) into independent-looking bits. */
final class Mix {
    private Mix() {
    }

    static long hash(long seed, long index) {
        long z = seed + 0x9E3779B97F4A7C15L * (index + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
