package io.synaptor.network;

import io.synaptor.neurons.SquaredError;

/**
 * How one episode went: the cost C = ½‖s_out − y‖² summed over its real examples, and each
 * example's predicted class (the most active output) beside its label.
 */
public record EpisodeScore(double lossSum, int correct, int[] predicted, int[] labels) {

    /**
     * @param outputs the output units' free states, one vector (over the minibatch) per output unit
     * @param valid   how many leading entries of the batch are real examples, not padding
     */
    public static EpisodeScore of(double[][] outputs, int[] examples, LabeledData data, int valid) {
        double loss = 0.0;
        int correct = 0;
        int[] predicted = new int[valid];
        int[] labels = new int[valid];
        double[] out = new double[outputs.length];
        for (int b = 0; b < valid; b++) {
            double[] y = data.y()[examples[b]];
            for (int o = 0; o < outputs.length; o++) {
                out[o] = outputs[o][b];
                loss += SquaredError.cost(out[o], y[o]);
            }
            predicted[b] = Argmax.of(out);
            labels[b] = data.label(examples[b]);
            if (predicted[b] == labels[b]) correct++;
        }
        return new EpisodeScore(loss, correct, predicted, labels);
    }
}
