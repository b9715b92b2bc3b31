package io.synaptor.actors;

import io.synaptor.scheduler.Timing;

import java.util.function.Supplier;

/**
 * How a run on the common actors that is not an EqProp {@link SimulationSpec} — the driven oscillators
 * ({@link ProtocolRun}), the harmonic trap ({@link TrapRun}), annealed Langevin sampling ({@link SamplerRun}) —
 * runs: every link's delay D ≥ 1 (both directions), the timing (jitter, loss, update model, windows,
 * send-on-delta, free mode), and the runtime of each of its runs (a supplier: each run may write a trace
 * file of its own).
 */
public record Engine(int delay, Timing timing, Supplier<SimulationRunner.Runtime> runtime) {
    public Engine {
        if (delay < 1) throw new IllegalArgumentException("a link delay must be at least one step in virtual time, got " + delay);
    }

    /** The longest a value takes on a link: delay plus jitter. */
    public int maxDelay() {
        return delay + timing.jitter();
    }
}
