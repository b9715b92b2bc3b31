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

    /**
     * U(s) = a (s² − 1)²: two wells at s = ±1 separated by a barrier of height a at s = 0 (the
     * double-well unit of an overdamped Langevin network; issue 5's {@code bench langevin}).
     */
    static SelfEnergy doubleWell(double barrier) {
        if (!(barrier > 0) || !Double.isFinite(barrier)) throw new IllegalArgumentException("the barrier must be positive, got " + barrier);
        return new SelfEnergy() {
            @Override
            public double energy(double s) {
                double d = s * s - 1.0;
                return barrier * d * d;
            }

            @Override
            public double force(double s) {
                return 4.0 * barrier * s * (s * s - 1.0);
            }

            @Override
            public double curvature(double s) {
                return 4.0 * barrier * (3.0 * s * s - 1.0);
            }
        };
    }
}
