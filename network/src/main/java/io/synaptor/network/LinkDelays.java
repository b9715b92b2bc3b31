package io.synaptor.network;

import io.synaptor.scheduler.DelayModel;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Gives every link of a network its own delay from a {@link DelayModel}, once, from the seed. For
 * the distance model the units are first placed uniformly at random in the unit square (a stand-in
 * for a chip or a tissue), and a link's delay follows its length.
 */
public final class LinkDelays {
    private LinkDelays() {
    }

    /**
     * Per-projection delays for a layered net: every link between layers l and l + 1 gets
     * {@code delays[l]} steps (a feedforward path and its feedback share a projection's delay).
     */
    public static NetworkSpec perProjection(NetworkSpec net, int[] delays) {
        int projections = java.util.Arrays.stream(net.layerOf()).max().orElse(0);
        if (delays.length != projections) {
            throw new IllegalArgumentException("one delay per projection (" + projections + "), got " + delays.length);
        }
        List<Coupling> out = new ArrayList<>();
        for (Coupling c : net.couplings()) {
            int l = Math.min(net.layerOf()[c.i()], net.layerOf()[c.j()]);
            out.add(new Coupling(c.i(), c.j(), c.weight(), delays[l]));
        }
        return net.withCouplings(out);
    }

    public static NetworkSpec assign(NetworkSpec net, DelayModel model, SplittableRandom rng) {
        List<Coupling> cs = net.couplings();
        double[] relative = new double[cs.size()];
        java.util.Arrays.fill(relative, 1.0);
        if (model.spatial() && !cs.isEmpty()) {
            double[][] at = new double[net.size()][];
            for (int u = 0; u < at.length; u++) at[u] = new double[]{rng.nextDouble(), rng.nextDouble()};
            double mean = 0;
            for (int k = 0; k < cs.size(); k++) {
                relative[k] = Math.hypot(at[cs.get(k).i()][0] - at[cs.get(k).j()][0], at[cs.get(k).i()][1] - at[cs.get(k).j()][1]);
                mean += relative[k] / cs.size();
            }
            for (int k = 0; k < relative.length; k++) relative[k] /= mean;
        }
        List<Coupling> out = new ArrayList<>(cs.size());
        for (int k = 0; k < cs.size(); k++) {
            Coupling c = cs.get(k);
            out.add(new Coupling(c.i(), c.j(), c.weight(), model.draw(rng, relative[k])));
        }
        return net.withCouplings(out);
    }
}
