package io.synaptor.neurons;

/**
 * ρ(s) = σ(4s − 2): smooth, holomorphic, ≈ the hard sigmoid on [0, 1] (Laborieux et al. 2021;
 * Laborieux &amp; Zenke 2022). The default: EP's gradient theory needs a smooth ρ. Its complex
 * extension has poles at s = ½ + iπ(2k + 1)/4, far from the small imaginary parts hEP produces.
 */
public final class ShiftedSigmoid implements Activation {
    @Override
    public double rho(double s) {
        return 1.0 / (1.0 + Math.exp(-(4.0 * s - 2.0)));
    }

    @Override
    public double rhoPrime(double s) {
        return rhoPrime(s, rho(s));
    }

    @Override
    public double rhoPrime(double s, double r) {
        return 4.0 * r * (1.0 - r);
    }

    /** s = ½ + ¼·ln(ρ/(1 − ρ)), ρ kept in [10⁻³, 1 − 10⁻³]. */
    @Override
    public double stateOf(double rho) {
        double r = Math.min(Math.max(rho, RATE_MARGIN), 1.0 - RATE_MARGIN);
        return 0.5 + 0.25 * Math.log(r / (1.0 - r));
    }

    @Override
    public double rhoSecond(double s) {
        double r = rho(s);
        return 16.0 * r * (1.0 - r) * (1.0 - 2.0 * r);
    }

    @Override
    public boolean holomorphic() {
        return true;
    }

    /** σ(u) with u = 4z − 2 = a + ib, as e^u/(1 + e^u) or 1/(1 + e^{−u}), whichever cannot overflow. */
    @Override
    public void rho(double re, double im, double[] out, int at) {
        double a = 4.0 * re - 2.0;
        double b = 4.0 * im;
        if (a >= 0) { // 1/(1 + e^{−u}) = 1/(p + iq)
            double m = Math.exp(-a);
            double p = 1.0 + m * Math.cos(b);
            double q = -m * Math.sin(b);
            double d = p * p + q * q;
            out[at] = p / d;
            out[at + 1] = -q / d;
        } else { // w/(1 + w), w = e^u = c + id
            double m = Math.exp(a);
            double c = m * Math.cos(b);
            double dd = m * Math.sin(b);
            double den = (1.0 + c) * (1.0 + c) + dd * dd;
            out[at] = (c * (1.0 + c) + dd * dd) / den;
            out[at + 1] = dd / den;
        }
    }

    /** ρ' = 4σ(1 − σ). */
    @Override
    public void rhoPrime(double re, double im, double[] out, int at) {
        rho(re, im, out, at);
        double r = out[at];
        double m = out[at + 1];
        out[at] = 4.0 * (r - r * r + m * m);
        out[at + 1] = 4.0 * (m - 2.0 * r * m);
    }

    /** ρ'' = 16σ(1 − σ)(1 − 2σ). */
    @Override
    public void rhoSecond(double re, double im, double[] out, int at) {
        rho(re, im, out, at);
        double r = out[at];
        double m = out[at + 1];
        double pr = r - r * r + m * m; // σ(1 − σ)
        double pi = m - 2.0 * r * m;
        double qr = 1.0 - 2.0 * r;     // 1 − 2σ
        double qi = -2.0 * m;
        out[at] = 16.0 * (pr * qr - pi * qi);
        out[at + 1] = 16.0 * (pr * qi + pi * qr);
    }

    @Override
    public String name() {
        return "sigmoid";
    }
}
