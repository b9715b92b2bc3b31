package io.synaptor.network;

import io.synaptor.neurons.Activation;
import io.synaptor.neurons.UnitModel;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Builds a network as a graph of populations joined by projections, layered or not: each
 * population's units are numbered consecutively in list order and carry its index as their layer
 * ({@link NetworkSpec#layerOf}, which block granularity cuts into slices); each projection adds
 * symmetric couplings between two populations, or within one (lateral couplings, never a unit
 * with itself). Initial weights are drawn projection by projection, in list order, from one
 * stream, so a chain of full projections is exactly {@link LayeredNetworks#build}.
 */
public final class PopulationNetworks {
    private PopulationNetworks() {
    }

    /** A group of units of one role and one unit model. */
    public record Population(String name, int size, Role role, UnitModel model) {
        public Population {
            if (size < 1) throw new IllegalArgumentException("population " + name + " needs at least one unit, got " + size);
        }
    }

    /** Which pairs of units a projection couples. */
    public enum Pattern {
        /** every unit of one population with every unit of the other (within one population: every pair once) */
        FULL,
        /** the k-th unit of one population with the k-th of the other (equal sizes) */
        ONE_TO_ONE
    }

    /** How a projection's weights start. */
    public enum Init {
        /** uniform in ±√(6/(n_from + n_to)) (Glorot &amp; Bengio 2010), as in the EP papers */
        GLOROT,
        /** zero: no draw from the stream */
        ZERO
    }

    /** Couplings between populations {@code from} and {@code to} (indices in the population list; equal for lateral ones). */
    public record Projection(int from, int to, Pattern pattern, int delay, Init init) {
    }

    /**
     * The network; biases start at zero.
     *
     * @throws IllegalArgumentException for a projection that names no population, couples a unit to
     *                                  itself, repeats another's pairs, or joins one-to-one populations of different sizes
     */
    public static NetworkSpec build(List<Population> populations, List<Projection> projections, Activation activation,
                                    double dt, double temperature, SplittableRandom init) {
        int n = 0;
        int[] offset = new int[populations.size()];
        for (int p = 0; p < offset.length; p++) {
            offset[p] = n;
            n += populations.get(p).size();
        }
        Role[] roles = new Role[n];
        int[] layerOf = new int[n];
        UnitModel[] models = new UnitModel[n];
        for (int p = 0; p < offset.length; p++) {
            for (int k = 0; k < populations.get(p).size(); k++) {
                roles[offset[p] + k] = populations.get(p).role();
                layerOf[offset[p] + k] = p;
                models[offset[p] + k] = populations.get(p).model();
            }
        }
        List<Coupling> couplings = new ArrayList<>();
        Set<Long> pairs = new HashSet<>();
        for (int k = 0; k < projections.size(); k++) {
            Projection pr = projections.get(k);
            if (pr.from() < 0 || pr.from() >= offset.length || pr.to() < 0 || pr.to() >= offset.length) {
                throw new IllegalArgumentException("projection " + k + " names a population outside 0.." + (offset.length - 1));
            }
            Population from = populations.get(pr.from());
            Population to = populations.get(pr.to());
            String what = "projection " + k + " (" + from.name() + " → " + to.name() + ")";
            double a = Math.sqrt(6.0 / (from.size() + to.size())); // Glorot & Bengio 2010, uniform
            boolean lateral = pr.from() == pr.to();
            if (pr.pattern() == Pattern.ONE_TO_ONE) {
                if (lateral) throw new IllegalArgumentException(what + " is one-to-one within one population: it would couple each unit to itself");
                if (from.size() != to.size()) {
                    throw new IllegalArgumentException(what + " is one-to-one between populations of " + from.size() + " and " + to.size() + " units");
                }
            } else if (lateral && from.size() < 2) {
                throw new IllegalArgumentException(what + " couples a population of one unit to itself: it has no pair of units");
            }
            for (int p = 0; p < from.size(); p++) {
                int qFrom = pr.pattern() == Pattern.ONE_TO_ONE ? p : lateral ? p + 1 : 0;
                int qTo = pr.pattern() == Pattern.ONE_TO_ONE ? p + 1 : to.size();
                for (int q = qFrom; q < qTo; q++) {
                    int i = offset[pr.from()] + p;
                    int j = offset[pr.to()] + q;
                    if (!pairs.add((long) Math.min(i, j) * n + Math.max(i, j))) {
                        throw new IllegalArgumentException(what + " couples units " + i + " and " + j + " again (an earlier projection joins them)");
                    }
                    double w = pr.init() == Init.GLOROT ? (2.0 * init.nextDouble() - 1.0) * a : 0.0;
                    couplings.add(new Coupling(i, j, w, pr.delay()));
                }
            }
        }
        return new NetworkSpec(roles, layerOf, couplings, new double[n], activation, dt, temperature, models);
    }
}
