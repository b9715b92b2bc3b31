package io.synaptor.scenarios.report;

import io.synaptor.actors.Recording;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * What the monitors of one run recorded, simulation after simulation (a scenario may run several:
 * noisy-nudge's variants, gradient-bias's estimators, a checkpointed run's epochs), written as
 * monitor.npz (docs/export.md): {@code time}, {@code episode}, {@code simulation} (R,) int64 —
 * the record times in steps of virtual time, the episode and the simulation (0, 1, … in the order
 * the scenario ran them) of each record; {@code unit} (U,) and {@code synapse} (S,) int64 — the
 * recorded units (global index) and couplings (index in network.npz's {@code pairs}); {@code state}
 * (R, U, B) float64 — each unit's state (real part) for each example b of the minibatch;
 * {@code weight} (R, S) float64.
 */
public final class MonitorLog {
    private final List<Recording> parts = new ArrayList<>();
    private final List<Integer> simulations = new ArrayList<>();
    private int simulation;

    /** One simulation's recording (empty ones count as a simulation, and leave nothing). */
    public synchronized void add(Recording r) {
        if (!r.isEmpty()) {
            parts.add(r);
            simulations.add(simulation);
        }
        simulation++;
    }

    public synchronized boolean isEmpty() {
        return parts.isEmpty();
    }

    /** Every record, in simulation order. */
    public synchronized void writeNpz(OutputStream out) throws IOException {
        Recording first = parts.get(0);
        int u = first.units().length;
        int s = first.synapses().length;
        int b = first.examples();
        int records = 0;
        for (Recording r : parts) {
            if (r.units().length != u || r.synapses().length != s || (u > 0 && r.examples() != b)) {
                throw new IllegalStateException("the run's simulations recorded different units, couplings or minibatches");
            }
            records += r.times().length;
        }
        long[] time = new long[records];
        long[] episode = new long[records];
        long[] sim = new long[records];
        double[] state = new double[records * u * b];
        double[] weight = new double[records * s];
        int at = 0;
        for (int p = 0; p < parts.size(); p++) {
            Recording r = parts.get(p);
            int n = r.times().length;
            System.arraycopy(r.times(), 0, time, at, n);
            System.arraycopy(r.episodes(), 0, episode, at, n);
            java.util.Arrays.fill(sim, at, at + n, simulations.get(p));
            System.arraycopy(r.states(), 0, state, at * u * b, r.states().length);
            System.arraycopy(r.weights(), 0, weight, at * s, r.weights().length);
            at += n;
        }
        try (Npz npz = new Npz(out)) {
            npz.add("time", time, records).add("episode", episode, records).add("simulation", sim, records)
                    .add("unit", first.units()).add("synapse", first.synapses())
                    .add("state", state, records, u, b).add("weight", weight, records, s);
        }
    }
}
