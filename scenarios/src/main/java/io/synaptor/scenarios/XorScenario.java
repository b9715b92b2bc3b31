package io.synaptor.scenarios;

import io.synaptor.network.LabeledData;
import io.synaptor.scenarios.data.Xor;

import java.util.ArrayList;
import java.util.List;

/** XOR: the smallest problem a single layer cannot solve; the four points are both train and test set. */
public final class XorScenario implements Scenario {
    private static final Common.Defaults DEFAULTS =
            new Common.Defaults(List.of(2, 8, 2), 60, 40, 0.05, false, 0.3, 200, 4);

    @Override
    public String name() {
        return "xor";
    }

    @Override
    public String summary() {
        return "a 2-8-2 EP network of actors learns XOR (the four points are train and test set)";
    }

    @Override
    public String description() {
        return """
                Trains a 2-8-2 network with one-sided EP on the four XOR points (one minibatch of four per
                episode) and evaluates it on the same four points after every epoch. Plots: accuracy.png and
                loss.png per epoch, confusion.png for the last epoch.""";
    }

    @Override
    public List<Setting> settings() {
        List<Setting> s = new ArrayList<>(Common.networkSettings(DEFAULTS));
        s.add(Setting.integer("training.epochs", DEFAULTS.epochs(), 1, 1_000_000, "passes over the four points"));
        s.add(Setting.integer("training.batch", DEFAULTS.batch(), 1, 4, "examples per minibatch"));
        s.addAll(Common.checkpointSettings());
        return s;
    }

    @Override
    public Report run(Settings s, long seed, Progress progress) {
        LabeledData data = Xor.points();
        return NetworkExport.trained(Classification.run(name(), s, seed, progress, data, data), name());
    }
}
