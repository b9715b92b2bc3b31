package io.synaptor.actors;

import io.synaptor.network.PhaseSchedule;

import java.util.Arrays;
import java.util.function.IntToDoubleFunction;

/**
 * One actor's recorder (a plain object, no Pekko): which of its entries to record, at which
 * virtual times, and the buffer it fills. The record times are a grid read from the spec alone —
 * for each monitored episode e, start(e), start(e) + every, … and the episode's last state time
 * start(e) + length(e) — so every actor records at the same times on its own clock, and what it
 * records is exactly its state there, whatever the thread count. The actor asks {@link #next()}
 * (a field compare when it is a unit's step; Long.MAX_VALUE once done) and hands its buffer to the
 * probe with its final report ({@link #report}): nothing is sent on the hot path.
 */
final class StateMonitor {
    private final int[] positions;
    private final int examples;
    private final int stride;
    private final int components;
    private final PhaseSchedule schedule;
    private final long[] episodes;   // local episode indices, ascending
    private final long episodeOffset;
    private final long timeOffset;
    private final int every;
    private int cursor;              // index into episodes
    private long next = Long.MAX_VALUE;
    private double[] values = new double[64];
    private int size;
    private long[] times = new long[16];
    private long[] episodeOf = new long[16];
    private int records;

    /**
     * @param positions  which entries of the actor's vectors to record (units of a slice, cells of a block)
     * @param examples   values per entry (the minibatch for units; 1 for weights)
     * @param stride     entries per unit in a state vector (components × batch)
     * @param components 2 for complex states (the real part is recorded), else 1
     */
    StateMonitor(Monitor m, PhaseSchedule schedule, int[] positions, int examples, int stride, int components) {
        this.positions = positions;
        this.examples = examples;
        this.stride = stride;
        this.components = components;
        this.schedule = schedule;
        this.every = m.every();
        long perEpoch = schedule.episodes() / schedule.epochs();
        this.episodeOffset = (long) schedule.firstEpoch() * perEpoch;
        this.timeOffset = (long) schedule.firstEpoch() * schedule.epochLength();
        this.episodes = Arrays.stream(m.episodes()).map(e -> e - episodeOffset).filter(e -> e >= 0 && e < schedule.episodes()).toArray();
        if (episodes.length > 0) next = schedule.start(episodes[0]);
    }

    /** The next state time (this simulation's clock) to record at; Long.MAX_VALUE when there is none. */
    long next() {
        return next;
    }

    /** Records entries of a state vector (slice: unit k's example b at k·stride + components·b) at {@link #next()}, for every episode that takes it. */
    void record(double[] state) {
        long t = next;
        while (next == t) {
            for (int k : positions) {
                for (int b = 0; b < examples; b++) push(state[k * stride + components * b]);
            }
            advance();
        }
    }

    /** Records a piecewise-constant value (a weight, a clamp) at every record time before {@code time}. */
    void recordBefore(long time, IntToDoubleFunction entry) {
        while (next < time) {
            for (int k : positions) push(entry.applyAsDouble(k));
            advance();
        }
    }

    /** Records a piecewise-constant state vector (a clamped slice) at every record time before {@code time}. */
    void recordBefore(long time, double[] state) {
        while (next < time) record(state);
    }

    private void push(double v) {
        if (size == values.length) values = Arrays.copyOf(values, 2 * size);
        values[size++] = v;
    }

    private void advance() {
        if (records == times.length) {
            times = Arrays.copyOf(times, 2 * records);
            episodeOf = Arrays.copyOf(episodeOf, 2 * records);
        }
        long e = episodes[cursor];
        times[records] = next + timeOffset;
        episodeOf[records++] = e + episodeOffset;
        long end = schedule.start(e) + schedule.length(e);
        if (next < end) {
            next = Math.min(next + every, end);
        } else if (++cursor < episodes.length) {
            next = schedule.start(episodes[cursor]);
        } else {
            next = Long.MAX_VALUE;
        }
    }

    /** What was recorded, for the probe; {@code ids}: the global indices of the recorded entries, in position order. */
    ProbeActor.Recorded report(int[] ids, boolean weights) {
        return new ProbeActor.Recorded(ids, weights, weights ? 1 : examples, Arrays.copyOf(times, records),
                Arrays.copyOf(episodeOf, records), Arrays.copyOf(values, size));
    }

    int[] positions() {
        return positions;
    }
}
