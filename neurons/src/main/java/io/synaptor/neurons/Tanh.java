package io.synaptor.neurons;

/** ρ(s) = tanh(s), holomorphic (Laborieux &amp; Zenke 2022); complex poles at s = iπ(k + ½). */
public final class Tanh implements Activation {
    @Override
    public double rho(double s) {
        return Math.tanh(s);
    }

    @Override
    public double rhoPrime(double s) {
        return rhoPrime(s, Math.tanh(s));
    }

    @Override
    public double rhoPrime(double s, double t) {
        return 1.0 - t * t;
    }

    /** atanh ρ, ρ kept in [−1 + 10⁻³, 1 − 10⁻³]. */
    @Override
    public double stateOf(double rho) {
        double r = Math.min(Math.max(rho, -1.0 + RATE_MARGIN), 1.0 - RATE_MARGIN);
        return 0.5 * Math.log((1.0 + r) / (1.0 - r));
    }

    @Override
    public double rhoSecond(double s) {
        double t = Math.tanh(s);
        return -2.0 * t * (1.0 - t * t);
    }

    @Override
    public boolean holomorphic() {
        return true;
    }

    /** tanh(x + iy) = (sinh 2x + i sin 2y)/(cosh 2x + cos 2y); beyond |x| = 20 it is ±1 to double precision. */
    @Override
    public void rho(double re, double im, double[] out, int at) {
        if (Math.abs(re) > 20.0) {
            out[at] = Math.signum(re);
            out[at + 1] = 0.0;
            return;
        }
        double den = Math.cosh(2.0 * re) + Math.cos(2.0 * im);
        out[at] = Math.sinh(2.0 * re) / den;
        out[at + 1] = Math.sin(2.0 * im) / den;
    }

    /** ρ' = 1 − tanh². */
    @Override
    public void rhoPrime(double re, double im, double[] out, int at) {
        rho(re, im, out, at);
        double r = out[at];
        double m = out[at + 1];
        out[at] = 1.0 - (r * r - m * m);
        out[at + 1] = -2.0 * r * m;
    }

    /** ρ'' = −2 tanh (1 − tanh²). */
    @Override
    public void rhoSecond(double re, double im, double[] out, int at) {
        rho(re, im, out, at);
        double r = out[at];
        double m = out[at + 1];
        double pr = 1.0 - (r * r - m * m);
        double pi = -2.0 * r * m;
        out[at] = -2.0 * (r * pr - m * pi);
        out[at + 1] = -2.0 * (r * pi + m * pr);
    }

    @Override
    public String name() {
        return "tanh";
    }
}
