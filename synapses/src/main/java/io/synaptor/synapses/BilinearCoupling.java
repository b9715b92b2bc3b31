package io.synaptor.synapses;

import com.google.auto.service.AutoService;
import io.synaptor.neurons.Activation;

/**
 * {@code bilinear}: e_ij = −W_ij·s_i·s_j, each end presenting its state, φ(s) = s (seed 000: the
 * analog substrate's couplings −s_iᵀW s_j; with a quadratic self-energy, a Gaussian model). The
 * force on an end is W·s_other whatever its activation, and a bias is a linear field −b·s; the
 * unit's activation still bounds the state (its clip), nothing else ({@link CouplingEnds}).
 */
@AutoService(CouplingModel.class)
public final class BilinearCoupling implements CouplingModel {
    @Override
    public String name() {
        return "bilinear";
    }

    @Override
    public String description() {
        return "−W·s_i·s_j: each end presents its state, whatever its activation (seed 000's analog substrate)";
    }

    @Override
    public Activation ends(Activation unit) {
        return new CouplingEnds(STATE, unit);
    }

    /** φ(s) = s, holomorphic (its complex form is z itself). */
    private static final Activation STATE = new Activation() {
        @Override
        public double rho(double s) {
            return s;
        }

        @Override
        public double rhoPrime(double s) {
            return 1.0;
        }

        @Override
        public double rhoSecond(double s) {
            return 0.0;
        }

        @Override
        public double stateOf(double value) {
            return value;
        }

        @Override
        public boolean holomorphic() {
            return true;
        }

        @Override
        public void rho(double re, double im, double[] out, int at) {
            out[at] = re;
            out[at + 1] = im;
        }

        @Override
        public void rhoPrime(double re, double im, double[] out, int at) {
            out[at] = 1.0;
            out[at + 1] = 0.0;
        }

        @Override
        public void rhoSecond(double re, double im, double[] out, int at) {
            out[at] = 0.0;
            out[at + 1] = 0.0;
        }

        @Override
        public String name() {
            return "state";
        }
    };
}
