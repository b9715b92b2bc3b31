package io.synaptor.neurons;

/**
 * φ(s) = s, holomorphic (its complex form is z itself): what a unit presents through a bilinear
 * coupling, and the activation of a linear Hamiltonian network (docs/scenarios.md#echo-check).
 */
public class Identity implements Activation {
    /** The identity as a setting names it. */
    public static final Identity LINEAR = new Identity();

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
        return "linear";
    }
}
