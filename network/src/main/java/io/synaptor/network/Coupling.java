package io.synaptor.network;

/** One symmetric pairwise coupling W_ij between units i and j, with its link delay in steps. */
public record Coupling(int i, int j, double weight, int delay) {
    public Coupling {
        if (i == j) throw new IllegalArgumentException("a unit cannot couple to itself (unit " + i + ")");
        if (delay < 1) throw new IllegalArgumentException("link delay must be at least one step, got " + delay);
    }

    public Coupling withWeight(double w) {
        return new Coupling(i, j, w, delay);
    }
}
