package io.synaptor.network;

import io.synaptor.neurons.Activation;
import io.synaptor.neurons.UnitDynamics;
import io.synaptor.neurons.UnitModel;
import io.synaptor.neurons.UnitModels;
import io.synaptor.synapses.CouplingModel;
import io.synaptor.synapses.Couplings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A network as data (DESIGN.md, "Modules": network): units with roles and unit models, symmetric
 * couplings of one kind with per-link delays, biases, the activation, and the unit dynamics' dt and
 * temperature. The actors, the synchronous simulation and the dense reference are all built from
 * this one object, so they share one energy E = Σ U_u(s_u) − Σ W_ij φ_iφ_j − Σ b_u φ_u, with φ what
 * the coupling kind has each unit present ({@link #presented()}: ρ for pairwise couplings).
 *
 * @param layerOf       a layer index per unit, for layered nets and plots (−1 where meaningless)
 * @param models        each unit's model ({@link UnitModel}: its U(s) and dynamics)
 * @param couplingModel the kind of every coupling ({@link CouplingModel}: its φ)
 */
public record NetworkSpec(Role[] roles, int[] layerOf, List<Coupling> couplings, double[] biases,
                          Activation activation, double dt, double temperature, UnitModel[] models,
                          CouplingModel couplingModel) {

    /** Every unit {@link UnitModels#DEFAULT} (U(s) = ½ s², overdamped), pairwise couplings. */
    public NetworkSpec(Role[] roles, int[] layerOf, List<Coupling> couplings, double[] biases,
                       Activation activation, double dt, double temperature) {
        this(roles, layerOf, couplings, biases, activation, dt, temperature, uniform(roles.length, UnitModels.named(UnitModels.DEFAULT)));
    }

    /** {@link Couplings#DEFAULT} (pairwise) couplings. */
    public NetworkSpec(Role[] roles, int[] layerOf, List<Coupling> couplings, double[] biases,
                       Activation activation, double dt, double temperature, UnitModel[] models) {
        this(roles, layerOf, couplings, biases, activation, dt, temperature, models, Couplings.named(Couplings.DEFAULT));
    }

    /** n units of one model. */
    public static UnitModel[] uniform(int n, UnitModel model) {
        UnitModel[] m = new UnitModel[n];
        Arrays.fill(m, model);
        return m;
    }

    public NetworkSpec {
        int n = roles.length;
        if (layerOf.length != n || biases.length != n || models.length != n) {
            throw new IllegalArgumentException("per-unit arrays differ in length");
        }
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

    /**
     * φ, what every unit presents to its couplings and biases (ρ, ρ' and ρ'' of the returned
     * activation are φ, φ', φ''; its clip is the units' own): the activation the engines and the
     * dense reference compute with.
     */
    public Activation presented() {
        return couplingModel.ends(activation);
    }

    /**
     * Unit u's dynamics, real or complex (holomorphic EP), from its model and what it presents to
     * its couplings; a fresh object per call, because a complex unit keeps scratch space: one per
     * unit (or slice).
     */
    public UnitDynamics dynamics(int u, boolean complex) {
        return models[u].dynamics(presented(), dt, temperature, complex);
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
        return new NetworkSpec(roles, layerOf, cs, newBiases.clone(), activation, dt, temperature, models, couplingModel);
    }

    /** The same network with other unit models (one per unit). */
    public NetworkSpec withModels(UnitModel[] other) {
        return new NetworkSpec(roles, layerOf, couplings, biases, activation, dt, temperature, other, couplingModel);
    }

    /** The same network at another Langevin temperature (noise √(2T·dt) per unit and step). */
    public NetworkSpec withTemperature(double other) {
        return new NetworkSpec(roles, layerOf, couplings, biases, activation, dt, other, models, couplingModel);
    }

    /** The same units with other couplings. */
    public NetworkSpec withCouplings(List<Coupling> other) {
        return new NetworkSpec(roles, layerOf, other, biases, activation, dt, temperature, models, couplingModel);
    }

    /** The same network coupled through another kind. */
    public NetworkSpec withCouplingModel(CouplingModel kind) {
        return new NetworkSpec(roles, layerOf, couplings, biases, activation, dt, temperature, models, kind);
    }

    public double[] weights() {
        return couplings.stream().mapToDouble(Coupling::weight).toArray();
    }

    @Override
    public String toString() {
        return "NetworkSpec{units=" + roles.length + ", couplings=" + couplings.size() + " " + couplingModel.name() + ", roles="
                + Arrays.stream(Role.values()).map(r -> r + "=" + withRole(r).length).toList() + "}";
    }
}
