package io.synaptor.network;

import io.synaptor.neurons.Activation;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Builds a layered net: layer 0 is clamped to the data, the last layer is nudged, consecutive
 * layers are fully connected (Scellier &amp; Bengio 2017, Fig. 1 without intra-layer links).
 * Weights use Glorot's uniform initialisation as in the EP papers; biases start at zero.
 */
public final class LayeredNetworks {
    private LayeredNetworks() {
    }

    public static NetworkSpec build(int[] layers, int delay, Activation activation, double dt, double temperature,
                                    SplittableRandom init) {
        if (layers.length < 2) throw new IllegalArgumentException("a layered net needs at least an input and an output layer");
        int n = 0;
        int[] offset = new int[layers.length];
        for (int l = 0; l < layers.length; l++) {
            if (layers[l] < 1) throw new IllegalArgumentException("every layer needs at least one unit, got " + layers[l]);
            offset[l] = n;
            n += layers[l];
        }
        Role[] roles = new Role[n];
        int[] layerOf = new int[n];
        for (int l = 0; l < layers.length; l++) {
            for (int k = 0; k < layers[l]; k++) {
                roles[offset[l] + k] = l == 0 ? Role.INPUT : (l == layers.length - 1 ? Role.OUTPUT : Role.HIDDEN);
                layerOf[offset[l] + k] = l;
            }
        }
        List<Coupling> couplings = new ArrayList<>();
        for (int l = 0; l + 1 < layers.length; l++) {
            double a = Math.sqrt(6.0 / (layers[l] + layers[l + 1])); // Glorot & Bengio 2010, uniform
            for (int p = 0; p < layers[l]; p++) {
                for (int q = 0; q < layers[l + 1]; q++) {
                    double w = (2.0 * init.nextDouble() - 1.0) * a;
                    couplings.add(new Coupling(offset[l] + p, offset[l + 1] + q, w, delay));
                }
            }
        }
        return new NetworkSpec(roles, layerOf, couplings, new double[n], activation, dt, temperature);
    }
}
