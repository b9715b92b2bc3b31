package io.synaptor.scenarios;

import io.synaptor.scenarios.report.Progress;
import io.synaptor.scenarios.report.Report;
import io.synaptor.network.LabeledData;
import io.synaptor.scenarios.data.Xor;

import java.util.ArrayList;
import java.util.List;

/** XOR: the smallest problem a single layer cannot solve; the four points are both train and test set. */
public final class XorScenario implements Scenario {
    /**
     * dt = 0.25: with one step of link delay, explicit Euler needs the energy's largest curvature
     * below 1 + 1/dt, and trained XOR nets reach 3.3–4.1 (above 3, the bound at dt = 0.5, where the
     * loss rose from epoch 1). T1 = 120 steps (30 time units) and T2 = 80 leave the slowest mode
     * (curvature ≥ 0.2) settled. A larger β and rate (0.2, 0.5) with a decaying rate (γ = 0.985 over
     * 300 epochs) reach 1.0 and then mostly stay there (18 of seeds 101–120; at β = 0.05, η = 0.3 and a
     * constant rate 8 of 101–110, flipping between 0.5 and 1.0). Chosen on seeds 101–120, not on the
     * seeds the docs report (docs/scenarios.md). Re-checked after the reset fix (ResetHold, issue 17;
     * xor's one minibatch holds all four points in the same slots every episode, so the fix changes its
     * numbers too): 1.0 on 10 of seeds 101–110, then, reported once, on 8 of seeds 1–10 (XorSeedsTest).
     */
    private static final Common.Defaults DEFAULTS =
            new Common.Defaults(List.of(2, 8, 2), 120, 80, 0.2, false, 0.5, 300, 4, 0.25);
    private static final double RATE_DECAY = 0.985;

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
        List<Setting> s = new ArrayList<>();
        for (Setting x : Common.networkSettings(DEFAULTS)) {
            s.add(x.path().equals("learning.rate-decay") ? Setting.real(x.path(), RATE_DECAY, 0.0, 1.0, x.doc()) : x);
        }
        s.add(Setting.integer("training.epochs", DEFAULTS.epochs(), 1, 1_000_000, "passes over the four points"));
        s.add(Setting.integer("training.batch", DEFAULTS.batch(), 1, 4, "examples per minibatch"));
        s.addAll(Common.checkpointSettings());
        return s;
    }

    @Override
    public Report run(Settings s, long seed, Progress progress) {
        LabeledData data = Xor.points();
        return Classification.exportTrained(Classification.run(name(), s, seed, progress, data, data), name());
    }
}
