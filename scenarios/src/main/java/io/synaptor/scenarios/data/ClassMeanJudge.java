package io.synaptor.scenarios.data;

import java.util.Arrays;

/**
 * A nearest-class-mean classifier with a reject option (mnist01-oscillators): the class means m_c are
 * the training digits' per-pixel means; an image x is scored by its Pearson correlation ρ(x, m_c) with
 * each mean and called the class of the larger one — unless that correlation is below a threshold,
 * the {@code percentile}-th percentile of the held-out digits' correlations with their nearest class
 * mean, in which case it is "neither". Also the distance from an image to its nearest training digit.
 */
public final class ClassMeanJudge {
    /** What the judge calls an image. */
    public static final int NEITHER = -1;

    private final double[][] means;
    private final double threshold;
    private final double[][] train;

    public ClassMeanJudge(double[][] train, int[] labels, int classes, double[][] heldOut, double percentile) {
        this.train = train;
        this.means = new double[classes][train[0].length];
        int[] n = new int[classes];
        for (int k = 0; k < train.length; k++) {
            n[labels[k]]++;
            for (int p = 0; p < train[k].length; p++) means[labels[k]][p] += train[k][p];
        }
        for (int c = 0; c < classes; c++) {
            if (n[c] == 0) throw new IllegalArgumentException("no training image of class " + c);
            for (int p = 0; p < means[c].length; p++) means[c][p] /= n[c];
        }
        double[] best = new double[heldOut.length];
        for (int k = 0; k < heldOut.length; k++) best[k] = bestCorrelation(heldOut[k]);
        this.threshold = percentile(best, percentile);
    }

    /** The q-th percentile (0 … 100) by linear interpolation between order statistics. */
    public static double percentile(double[] v, double q) {
        double[] s = v.clone();
        Arrays.sort(s);
        double pos = q / 100.0 * (s.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, s.length - 1);
        return s[lo] + (pos - lo) * (s[hi] - s[lo]);
    }

    /** Pearson correlation over pixels (0 if either image is constant). */
    public static double correlation(double[] x, double[] y) {
        double mx = 0;
        double my = 0;
        for (int p = 0; p < x.length; p++) {
            mx += x[p];
            my += y[p];
        }
        mx /= x.length;
        my /= y.length;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int p = 0; p < x.length; p++) {
            double a = x[p] - mx;
            double b = y[p] - my;
            sxy += a * b;
            sxx += a * a;
            syy += b * b;
        }
        return sxx == 0 || syy == 0 ? 0.0 : sxy / Math.sqrt(sxx * syy);
    }

    private double bestCorrelation(double[] x) {
        double best = Double.NEGATIVE_INFINITY;
        for (double[] m : means) best = Math.max(best, correlation(x, m));
        return best;
    }

    /** The class of x (nearest mean by correlation), or {@link #NEITHER} below the threshold. */
    public int classify(double[] x) {
        int best = 0;
        double r = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < means.length; c++) {
            double q = correlation(x, means[c]);
            if (q > r) {
                r = q;
                best = c;
            }
        }
        return r < threshold ? NEITHER : best;
    }

    /** Shares of images called each class, then (last) the share called neither. */
    public double[] shares(double[][] images) {
        double[] s = new double[means.length + 1];
        for (double[] x : images) {
            int c = classify(x);
            s[c == NEITHER ? means.length : c] += 1.0 / images.length;
        }
        return s;
    }

    /** The Euclidean distance from x to its nearest training image. */
    public double nearestDistance(double[] x) {
        double best = Double.POSITIVE_INFINITY;
        for (double[] t : train) {
            double s = 0;
            for (int p = 0; p < x.length && s < best; p++) {
                double d = x[p] - t[p];
                s += d * d;
            }
            best = Math.min(best, s);
        }
        return Math.sqrt(best);
    }

    public double meanNearestDistance(double[][] images) {
        double s = 0;
        for (double[] x : images) s += nearestDistance(x);
        return s / images.length;
    }

    public double threshold() {
        return threshold;
    }

    public double[] mean(int c) {
        return means[c].clone();
    }
}
