package io.synaptor.scenarios.data;

import io.synaptor.network.LabeledData;

import java.util.SplittableRandom;

/**
 * Two interleaving half circles with Gaussian noise (the usual two-moons set): class 0 on
 * (cos t, sin t), class 1 on (1 − cos t, ½ − sin t), t uniform in [0, π]. Coordinates are mapped
 * from [−1.5, 2.5] × [−1, 1.5] onto [0, 1]² so they suit units whose activations live there.
 */
public final class TwoMoons {
    private TwoMoons() {
    }

    private static final double X0 = -1.5;
    private static final double X1 = 2.5;
    private static final double Y0 = -1.0;
    private static final double Y1 = 1.5;

    public static LabeledData generate(int count, double noise, SplittableRandom r) {
        double[][] x = new double[count][];
        double[][] y = new double[count][];
        for (int k = 0; k < count; k++) {
            int label = k % 2;
            double t = Math.PI * r.nextDouble();
            double px = label == 0 ? Math.cos(t) : 1.0 - Math.cos(t);
            double py = label == 0 ? Math.sin(t) : 0.5 - Math.sin(t);
            px += noise * r.nextGaussian();
            py += noise * r.nextGaussian();
            x[k] = new double[]{(px - X0) / (X1 - X0), (py - Y0) / (Y1 - Y0)};
            y[k] = label == 0 ? new double[]{1, 0} : new double[]{0, 1};
        }
        return new LabeledData(x, y);
    }
}
