package io.synaptor.tests;

import io.synaptor.actors.SimulationSpec;
import io.synaptor.network.LabeledData;
import io.synaptor.network.LayeredNetworks;
import io.synaptor.network.NetworkSpec;
import io.synaptor.network.PhaseSchedule;
import io.synaptor.neurons.Activation;

import java.util.SplittableRandom;

/** Small random nets and data shared by the cross-checks. */
final class Nets {
    private Nets() {
    }

    /** A random layered net with non-zero biases, so every unit has something to relax toward. */
    static NetworkSpec random(int[] layers, int delay, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        NetworkSpec net = LayeredNetworks.build(layers, delay, Activation.named("sigmoid"), 0.5, 0.0, r);
        double[] b = new double[net.size()];
        for (int k = 0; k < b.length; k++) b[k] = 0.5 * (2 * r.nextDouble() - 1);
        return net.withParameters(net.weights(), b);
    }

    static LabeledData randomData(int count, int inputs, int outputs, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[count][inputs];
        double[][] y = new double[count][outputs];
        for (int k = 0; k < count; k++) {
            for (int d = 0; d < inputs; d++) x[k][d] = r.nextDouble();
            y[k][r.nextInt(outputs)] = 1.0;
        }
        return new LabeledData(x, y);
    }

    /** One evaluation episode of {@code steps} free steps over the whole (small) test set in one batch. */
    static SimulationSpec relaxOnly(NetworkSpec net, LabeledData data, int steps) {
        PhaseSchedule schedule = new PhaseSchedule(data.size(), steps, 1, 0.1, false, 1, 1, 0, data.size());
        return SimulationSpec.builder(net, schedule, LabeledData.empty(), data).rate(0.0).reset(true).seed(1).window(2)
                .build();
    }
}
