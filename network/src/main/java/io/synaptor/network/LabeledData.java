package io.synaptor.network;

/**
 * A data set as the network sees it: one input vector and one target vector per example, and optionally
 * each example's weight in the loss (a weighted cost λ_b·ℓ_b, e.g. denoising score matching's per-σ weight;
 * DESIGN.md, "Learning rules": the output feels the nudge β·λ_b, so EqProp estimates the weighted gradient).
 *
 * @param weights per example, or null: every example weighs 1
 */
public record LabeledData(double[][] x, double[][] y, double[] weights) {
    public LabeledData {
        if (x.length != y.length) throw new IllegalArgumentException("inputs and targets differ in count");
        if (weights != null) {
            if (weights.length != x.length) throw new IllegalArgumentException(weights.length + " weights for " + x.length + " examples");
            for (double w : weights) {
                if (!(w >= 0) || !Double.isFinite(w)) throw new IllegalArgumentException("an example's weight must be finite and ≥ 0, got " + w);
            }
        }
    }

    /** Every example weighs 1. */
    public LabeledData(double[][] x, double[][] y) {
        this(x, y, null);
    }

    public int size() {
        return x.length;
    }

    /** The class of example k: the index of its largest target entry. */
    public int label(int k) {
        return Argmax.of(y[k]);
    }

    /** Whether the examples carry weights of their own. */
    public boolean weighted() {
        return weights != null;
    }

    /**
     * {@code n} examples whose values are elsewhere: a cluster node's view of a run's data, which only
     * the submitter's input source and teacher read.
     */
    public static LabeledData withheld(int n) {
        return new LabeledData(new double[n][], new double[n][]);
    }

    public static LabeledData empty() {
        return new LabeledData(new double[0][], new double[0][]);
    }
}
