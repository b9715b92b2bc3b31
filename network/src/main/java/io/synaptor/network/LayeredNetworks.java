package io.synaptor.network;

import io.synaptor.neurons.Activation;
import io.synaptor.neurons.UnitModel;
import io.synaptor.neurons.UnitModels;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Builds a layered net: layer 0 is clamped to the data, the last layer is nudged, consecutive
 * layers are fully connected (Scellier &amp; Bengio 2017, Fig. 1 without intra-layer links).
 * Weights use Glorot's uniform initialisation as in the EP papers; biases start at zero. A chain of
 * populations joined by full projections ({@link PopulationNetworks}).
 */
public final class LayeredNetworks {
    private LayeredNetworks() {
    }

    public static NetworkSpec build(int[] layers, int delay, Activation activation, double dt, double temperature,
                                    SplittableRandom init) {
        if (layers.length < 2) throw new IllegalArgumentException("a layered net needs at least an input and an output layer");
        UnitModel model = UnitModels.named(UnitModels.DEFAULT);
        List<PopulationNetworks.Population> populations = new ArrayList<>();
        List<PopulationNetworks.Projection> projections = new ArrayList<>();
        for (int l = 0; l < layers.length; l++) {
            if (layers[l] < 1) throw new IllegalArgumentException("every layer needs at least one unit, got " + layers[l]);
            Role role = l == 0 ? Role.INPUT : (l == layers.length - 1 ? Role.OUTPUT : Role.HIDDEN);
            populations.add(new PopulationNetworks.Population("layer " + l, layers[l], role, model));
            if (l > 0) {
                projections.add(new PopulationNetworks.Projection(l - 1, l, PopulationNetworks.Pattern.FULL, delay,
                        PopulationNetworks.Init.GLOROT));
            }
        }
        return PopulationNetworks.build(populations, projections, activation, dt, temperature, init);
    }
}
