package io.synaptor.scenarios.data;

import io.synaptor.network.LabeledData;
import io.synaptor.neurons.Activation;

/**
 * Pixels as rates ({@code data.encoding=rate}): each input unit is clamped at the state where ρ
 * equals its pixel ({@link Activation#stateOf}), so the net sees the image itself — as under
 * Scellier &amp; Bengio's hard sigmoid, where ρ(p) = p, and in the EP papers' code, which feeds x to the
 * first layer unsquashed. Clamping s = p instead squeezes a [0, 1] image into ρ(p) ∈ [0.12, 0.88]
 * under σ(4s − 2); Fashion-MNIST then learns more slowly (docs/scenarios.md, "mnist-ep and fashion-ep").
 */
public final class RateEncoding {
    private RateEncoding() {
    }

    /** A new data set whose inputs are the states presenting each pixel as ρ; the labels are shared. */
    public static LabeledData encode(LabeledData data, Activation act) {
        double[][] x = new double[data.x().length][];
        double last = 0.0;
        double lastState = act.stateOf(0.0);
        for (int i = 0; i < x.length; i++) {
            double[] row = data.x()[i];
            x[i] = new double[row.length];
            for (int k = 0; k < row.length; k++) {
                // most pixels repeat their neighbour (MNIST: ≈ 80 % are 0): one logarithm per run of equal pixels
                if (Double.doubleToRawLongBits(row[k]) != Double.doubleToRawLongBits(last)) {
                    last = row[k];
                    lastState = act.stateOf(last);
                }
                x[i][k] = lastState;
            }
        }
        return new LabeledData(x, data.y());
    }
}
