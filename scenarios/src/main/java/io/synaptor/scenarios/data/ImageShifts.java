package io.synaptor.scenarios.data;

import io.synaptor.network.LabeledData;

import java.util.SplittableRandom;

/**
 * Data augmentation by translation (the classic remedy for a small image training set, e.g. Simard
 * et al. 2003): every image is kept and joined by {@code copies} copies shifted by a random
 * (dx, dy) ∈ [−m, m]² other than (0, 0), the uncovered border filled with the background 0.
 */
public final class ImageShifts {
    private ImageShifts() {
    }

    /**
     * @param side     images are side × side, row-major
     * @param maxShift m, in pixels
     * @param random   the shifts' draws (from the run's seed: the same seed, the same set)
     */
    public static LabeledData augment(LabeledData data, int side, int copies, int maxShift, SplittableRandom random) {
        if (copies == 0) return data;
        int n = data.size();
        double[][] x = new double[n * (copies + 1)][];
        double[][] y = new double[x.length][];
        for (int k = 0; k < n; k++) {
            x[k] = data.x()[k];
            y[k] = data.y()[k];
        }
        for (int c = 1; c <= copies; c++) {
            for (int k = 0; k < n; k++) {
                int dx, dy;
                do {
                    dx = random.nextInt(-maxShift, maxShift + 1);
                    dy = random.nextInt(-maxShift, maxShift + 1);
                } while (dx == 0 && dy == 0);
                x[c * n + k] = shift(data.x()[k], side, dx, dy);
                y[c * n + k] = data.y()[k];
            }
        }
        return new LabeledData(x, y);
    }

    /** The image moved right by dx and down by dy. */
    public static double[] shift(double[] image, int side, int dx, int dy) {
        if (image.length != side * side) throw new IllegalArgumentException("an image of " + image.length + " pixels is not " + side + "×" + side);
        double[] out = new double[image.length];
        for (int r = Math.max(0, dy); r < Math.min(side, side + dy); r++) {
            System.arraycopy(image, (r - dy) * side + Math.max(0, -dx), out, r * side + Math.max(0, dx), side - Math.abs(dx));
        }
        return out;
    }
}
