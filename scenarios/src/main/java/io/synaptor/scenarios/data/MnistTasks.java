package io.synaptor.scenarios.data;

import io.synaptor.network.LabeledData;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Four conditional-generation problems on the same MNIST digits (seed 003's list: classification, completion,
 * denoising, generation; docs/scenarios.md#concurrent-tasks), each digit downsampled to 10×10 as
 * {@link Mnist01#downsample} does and mapped to ink p̄ in [0, 1] (the sigmoid units' range): each task is a
 * condition, clamped on its own input units, and a target, on its own output units.
 */
public final class MnistTasks {
    /** A task: its name, what it conditions on and what it produces. */
    public enum Task {
        CLASSIFY("classify", Mnist01.PIXELS, 10, "the label (one-hot) from the image"),
        COMPLETE("complete", Mnist01.PIXELS / 2, Mnist01.PIXELS / 2, "the lower half from the upper half"),
        DENOISE("denoise", Mnist01.PIXELS, Mnist01.PIXELS, "the image from a noisy copy"),
        GENERATE("generate", 10, Mnist01.PIXELS, "the image from the label");

        public final String key;
        public final int conditions;
        public final int targets;
        public final String what;

        Task(String key, int conditions, int targets, String what) {
            this.key = key;
            this.conditions = conditions;
            this.targets = targets;
            this.what = what;
        }

        /** Scored by accuracy (classification) or by loss. */
        public boolean classifies() {
            return this == CLASSIFY;
        }

        public static Task named(String key) {
            for (Task t : values()) if (t.key.equals(key)) return t;
            throw new IllegalArgumentException("unknown task '" + key + "'");
        }
    }

    public static final List<String> NAMES = List.of("classify", "complete", "denoise", "generate");

    private final double[][] images;
    private final int[] labels;

    /** The digits of {@code all} (28×28 in [0, 1], one-hot labels), downsampled to 10×10 ink in [0, 1]. */
    public MnistTasks(LabeledData all) {
        images = new double[all.size()][];
        labels = new int[all.size()];
        for (int k = 0; k < all.size(); k++) {
            double[] d = Mnist01.downsample(all.x()[k]);
            for (int p = 0; p < d.length; p++) d[p] = (d[p] + 1.0) / 2.0;
            images[k] = d;
            labels[k] = all.label(k);
        }
    }

    public int size() {
        return images.length;
    }

    public double[] image(int k) {
        return images[k];
    }

    /**
     * Task t's condition and target for digit k; a noisy copy (denoising) is the image plus N(0, noise²) per pixel,
     * clipped to [0, 1], drawn from {@code r}.
     */
    public double[][] example(Task t, int k, double noise, SplittableRandom r) {
        double[] img = images[k];
        double[] label = new double[10];
        label[labels[k]] = 1.0;
        int half = Mnist01.PIXELS / 2;
        return switch (t) {
            case CLASSIFY -> new double[][]{img.clone(), label};
            case COMPLETE -> new double[][]{java.util.Arrays.copyOfRange(img, 0, half), java.util.Arrays.copyOfRange(img, half, Mnist01.PIXELS)};
            case DENOISE -> {
                double[] noisy = new double[img.length];
                for (int p = 0; p < img.length; p++) noisy[p] = Math.max(0.0, Math.min(1.0, img[p] + noise * r.nextGaussian()));
                yield new double[][]{noisy, img.clone()};
            }
            case GENERATE -> new double[][]{label, img.clone()};
        };
    }
}
