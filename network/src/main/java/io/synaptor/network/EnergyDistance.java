package io.synaptor.network;

/**
 * The energy distance between two samples X (n points) and Y (m points) in R^d (Székely &amp; Rizzo
 * 2013): D² = 2·E‖X − Y‖ − E‖X − X'‖ − E‖Y − Y'‖, with the within-sample means over distinct pairs
 * (U-statistics). D² ≥ 0 in expectation, = 0 iff the distributions agree.
 */
public final class EnergyDistance {
    private EnergyDistance() {
    }

    public static double of(double[][] x, double[][] y) {
        return 2.0 * meanDistance(x, y, false) - meanDistance(x, x, true) - meanDistance(y, y, true);
    }

    private static double meanDistance(double[][] a, double[][] b, boolean same) {
        double sum = 0;
        long pairs = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = same ? i + 1 : 0; j < b.length; j++) {
                double s = 0;
                for (int k = 0; k < a[i].length; k++) {
                    double d = a[i][k] - b[j][k];
                    s += d * d;
                }
                sum += Math.sqrt(s);
                pairs++;
            }
        }
        return sum / pairs;
    }
}
