package io.synaptor.network;

/** A data set as the network sees it: one input vector and one target vector per example. */
public record LabeledData(double[][] x, double[][] y) {
    public LabeledData {
        if (x.length != y.length) throw new IllegalArgumentException("inputs and targets differ in count");
    }

    public int size() {
        return x.length;
    }

    /** The class of example k: the index of its largest target entry. */
    public int label(int k) {
        return Argmax.of(y[k]);
    }

    public static LabeledData empty() {
        return new LabeledData(new double[0][], new double[0][]);
    }
}
