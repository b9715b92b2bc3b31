package io.synaptor.neurons;

/** The single-unit term U(s) of E (DESIGN.md, "Learning rules"), with the derivatives the dynamics and the Hessian need. */
public interface SelfEnergy {
    double energy(double s);

    double force(double s);

    double curvature(double s);

    /** U(s) = ½ s² (Scellier &amp; Bengio 2017, eq. 1). */
    SelfEnergy QUADRATIC = new SelfEnergy() {
        @Override
        public double energy(double s) {
            return 0.5 * s * s;
        }

        @Override
        public double force(double s) {
            return s;
        }

        @Override
        public double curvature(double s) {
            return 1.0;
        }
    };
}
