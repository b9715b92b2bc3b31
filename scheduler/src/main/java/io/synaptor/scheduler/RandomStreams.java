package io.synaptor.scheduler;

import java.util.SplittableRandom;

/**
 * One random stream per actor, split from the run's seed by the actor's stable id (DESIGN.md,
 * "Time": bit-identical results whatever the thread count). Mixing uses SplitMix64's finaliser,
 * so neighbouring ids give unrelated streams and no stream depends on creation order.
 */
public final class RandomStreams {
    private RandomStreams() {
    }

    /** Stream kinds keep units, synapses and data apart even when their ids coincide. */
    public enum Kind { UNIT, SYNAPSE, DATA, INIT, NUDGE_SIGN, UPDATE, JITTER, DROP, SKEW, EPOCH }

    public static SplittableRandom stream(long seed, Kind kind, long id) {
        return new SplittableRandom(mix(seed, kind, id));
    }

    public static long mix(long seed, Kind kind, long id) {
        long z = hash(seed, kind.ordinal());
        return mix64(z ^ mix64(id + 0xD1B54A32D192ED03L));
    }

    /** SplitMix64 (Steele, Lea &amp; Flood 2014): the index-th output of the generator seeded with {@code seed}, stateless. */
    public static long hash(long seed, long index) {
        return mix64(seed + 0x9E3779B97F4A7C15L * (index + 1));
    }

    /**
     * A uniform draw in [0, 1) for (actor, time), stateless: the same whichever order the actor
     * asks in, or whether it asks at all — so a model of random timing does not depend on how
     * often an actor happened to be scheduled.
     */
    public static double uniform(long seed, Kind kind, long id, long time) {
        return (mix64(mix(seed, kind, id) ^ mix64(time + 0x632BE59BD9B4E019L)) >>> 11) * 0x1.0p-53;
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
