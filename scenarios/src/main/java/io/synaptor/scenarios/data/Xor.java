package io.synaptor.scenarios.data;

import io.synaptor.network.LabeledData;

/** The four XOR points on {0, 1}², one-hot targets: class 1 where exactly one input is on. */
public final class Xor {
    private Xor() {
    }

    public static LabeledData points() {
        double[][] x = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
        double[][] y = new double[4][];
        for (int k = 0; k < 4; k++) {
            boolean on = (x[k][0] + x[k][1]) == 1;
            y[k] = on ? new double[]{0, 1} : new double[]{1, 0};
        }
        return new LabeledData(x, y);
    }
}
