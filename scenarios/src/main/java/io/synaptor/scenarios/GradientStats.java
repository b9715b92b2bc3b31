package io.synaptor.scenarios;

/** How close an estimated gradient is to the exact one. */
public final class GradientStats {
    private GradientStats() {
    }

    /** ‖est − exact‖ / ‖exact‖. */
    public static double relativeError(double[] est, double[] exact) {
        double num = 0.0;
        double den = 0.0;
        for (int k = 0; k < exact.length; k++) {
            double d = est[k] - exact[k];
            num += d * d;
            den += exact[k] * exact[k];
        }
        return Math.sqrt(num / den);
    }

    /** est·exact / (‖est‖‖exact‖). */
    public static double cosine(double[] est, double[] exact) {
        double dot = 0.0;
        double a = 0.0;
        double b = 0.0;
        for (int k = 0; k < exact.length; k++) {
            dot += est[k] * exact[k];
            a += est[k] * est[k];
            b += exact[k] * exact[k];
        }
        return dot / Math.sqrt(a * b);
    }
}
