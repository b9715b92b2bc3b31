package io.synaptor.scenarios.data;

import io.synaptor.network.LabeledData;

import java.util.ArrayList;
import java.util.List;

/**
 * The 0s and 1s of the installed MNIST digits on a 10×10 grid (mnist01-oscillators, docs/scenarios.md):
 * each 28×28 digit (pixels p in [0, 1]) is cropped to its central 20×20 (rows and columns 4 … 23, where
 * MNIST centres the digit's 20×20 box), averaged over 2×2 blocks to 10×10, and mapped to [−1, 1] by
 * x = 2p̄ − 1 (background −1, full ink +1). The digits keep the cache's fixed shuffled order; the first
 * {@code trainShare} of the 0s and 1s train, the rest are held out.
 */
public record Mnist01(double[][] train, int[] trainLabels, double[][] heldOut, int[] heldOutLabels) {

    public static final int SIDE = 10;
    public static final int PIXELS = SIDE * SIDE;

    /** The 0s and 1s of {@code all} (labels 0 and 1), downsampled, split in data order. */
    public static Mnist01 of(LabeledData all, double trainShare) {
        List<double[]> x = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        for (int k = 0; k < all.size(); k++) {
            int label = all.label(k);
            if (label > 1) continue;
            x.add(downsample(all.x()[k]));
            y.add(label);
        }
        int nTrain = (int) Math.round(trainShare * x.size());
        if (nTrain < 2 || nTrain >= x.size()) throw new IllegalArgumentException("cannot split " + x.size() + " digits with train share " + trainShare);
        double[][] xs = x.toArray(double[][]::new);
        int[] ys = y.stream().mapToInt(Integer::intValue).toArray();
        return new Mnist01(java.util.Arrays.copyOfRange(xs, 0, nTrain), java.util.Arrays.copyOfRange(ys, 0, nTrain),
                java.util.Arrays.copyOfRange(xs, nTrain, xs.length), java.util.Arrays.copyOfRange(ys, nTrain, ys.length));
    }

    /** 28×28 in [0, 1] → central 20×20 → 2×2 block means → 10×10 in [−1, 1] (row-major). */
    public static double[] downsample(double[] image28) {
        if (image28.length != 784) throw new IllegalArgumentException("a 28×28 image has 784 pixels, got " + image28.length);
        double[] out = new double[PIXELS];
        for (int r = 0; r < SIDE; r++) {
            for (int c = 0; c < SIDE; c++) {
                double s = 0;
                for (int dr = 0; dr < 2; dr++) for (int dc = 0; dc < 2; dc++) s += image28[(4 + 2 * r + dr) * 28 + 4 + 2 * c + dc];
                out[r * SIDE + c] = 2.0 * (s / 4.0) - 1.0;
            }
        }
        return out;
    }

    public int count(int label, boolean training) {
        int n = 0;
        for (int l : training ? trainLabels : heldOutLabels) if (l == label) n++;
        return n;
    }
}
