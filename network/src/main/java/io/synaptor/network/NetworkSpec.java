package io.synaptor.network;

import io.synaptor.neurons.Activation;
import io.synaptor.neurons.HolomorphicUnit;
import io.synaptor.neurons.OverdampedUnit;
import io.synaptor.neurons.SelfEnergy;
import io.synaptor.neurons.UnitDynamics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A network as data (DESIGN.md, "Modules": network): units with roles, symmetric couplings with
 * per-link delays, biases, the activation, and the unit dynamics' dt and temperature. The actors
 * and the dense reference are both built from this one object.
 *
 * @param layerOf a layer index per unit, for layered nets and plots (−1 where meaningless)
 */
public record NetworkSpec(Role[] roles, int[] layerOf, List<Coupling> couplings, double[] biases,
                          Activation activation, double dt, double temperature) {

    public NetworkSpec {
        int n = roles.length;
        if (layerOf.length != n || biases.length != n) throw new IllegalArgumentException("per-unit arrays differ in length");
        for (Coupling c : couplings) {
            if (c.i() < 0 || c.i() >= n || c.j() < 0 || c.j() >= n) {
                throw new IllegalArgumentException("coupling " + c + " names a unit outside 0.." + (n - 1));
            }
        }
        couplings = List.copyOf(couplings);
    }

    public int size() {
        return roles.length;
    }

    public int[] inputs() {
        return withRole(Role.INPUT);
    }

    public int[] outputs() {
        return withRole(Role.OUTPUT);
    }

    private int[] withRole(Role r) {
        return IntStream.range(0, roles.length).filter(k -> roles[k] == r).toArray();
    }

    public OverdampedUnit dynamics() {
        return new OverdampedUnit(activation, SelfEnergy.QUADRATIC, dt, temperature);
    }

    /**
     * A unit's dynamics, real or complex (holomorphic EP); a fresh object per call, because a
     * complex unit keeps scratch space: one per unit.
     */
    public UnitDynamics dynamics(boolean complex) {
        return complex ? new HolomorphicUnit(activation, dt, temperature) : dynamics();
    }

    public int maxDelay() {
        return couplings.stream().mapToInt(Coupling::delay).max().orElse(1);
    }

    /** The same network with trained parameters (weights in coupling order). */
    public NetworkSpec withParameters(double[] weights, double[] newBiases) {
        if (weights.length != couplings.size() || newBiases.length != roles.length) {
            throw new IllegalArgumentException("parameter vectors do not match the network");
        }
        List<Coupling> cs = new ArrayList<>(couplings.size());
        for (int k = 0; k < weights.length; k++) cs.add(couplings.get(k).withWeight(weights[k]));
        return new NetworkSpec(roles, layerOf, cs, newBiases.clone(), activation, dt, temperature);
    }

    public double[] weights() {
        return couplings.stream().mapToDouble(Coupling::weight).toArray();
    }

    @Override
    public String toString() {
        return "NetworkSpec{units=" + roles.length + ", couplings=" + couplings.size() + ", roles="
                + Arrays.stream(Role.values()).map(r -> r + "=" + withRole(r).length).toList() + "}";
    }
}
