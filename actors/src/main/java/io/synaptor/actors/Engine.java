package io.synaptor.actors;

import io.synaptor.scheduler.Timing;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * How a run on the common actors that is not an EqProp {@link SimulationSpec} — the driven oscillators
 * ({@link ProtocolRun}), the harmonic trap ({@link TrapRun}) — runs: every link's delay D ≥ 1 (both
 * directions), the timing (jitter, loss, update model, windows, send-on-delta, free mode), and the runtime
 * of each of its runs (a supplier: each run may write a trace file of its own).
 */
public record Engine(int delay, Timing timing, Supplier<SimulationRunner.Runtime> runtime) {
    public Engine {
        if (delay < 1) throw new IllegalArgumentException("a link delay must be at least one step in virtual time, got " + delay);
    }

    /** One-step links, no jitter, every unit steps every step, on {@code threads} threads. */
    public static Engine exact(int units, int threads) {
        return new Engine(1, Timing.exact(units), () -> new SimulationRunner.Runtime(threads, 100, Duration.ofMinutes(5)));
    }

    /** The longest a value takes on a link: delay plus jitter. */
    public int maxDelay() {
        return delay + timing.jitter();
    }
}
