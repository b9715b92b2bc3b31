package io.synaptor.synapses;

/**
 * EqProp's synapse model: a block of weights ({@link CouplingBlock}: drives W·ρ, correlations from
 * one matrix product) learning by one {@link BlockRule} on one clock (DESIGN.md, "Learning rules";
 * "Granularity"). Each weight's rule sees its two units at τ — a single synapse the rows' minibatch
 * mean directly, a block the means of all pairs from one product. The weights do not depend on τ
 * between samples, so drives hold until the rule's next update time.
 *
 * <p>A full dense block whose rule is a {@link SampleDifference} (one-sided or centered EP at one rate) skips
 * the correlations: it keeps the first sample's activations and moves W by one product at the second. Its
 * weights then differ from the cell-by-cell path's in the last bits (another summation order), and each
 * cell's last estimate is computed when asked, from the activations kept.
 */
public final class RuleBlock implements SynapseModel {
    private final CouplingBlock coupling;
    private final int[] couplings;
    private final BlockRule rule;
    private final boolean single;
    private final double[] dw;                    // the block's weight changes at a sample, one per cell (kept between samples)
    private final double[] one = new double[1];   // a single synapse's correlation (real part)
    private final double[] oneIm = new double[1]; // … and imaginary part
    private int diverged = -1;
    private final SampleDifference difference; // null: cell by cell
    private double[] firstI;                   // the activations at the episode's first sample
    private double[] firstJ;
    private double[][] last;                   // the last move's {ρ_I¹, ρ_J¹, ρ_I², ρ_J²}, for lastGradient
    private double lastKappa = Double.NaN;

    /**
     * @param couplings each cell's coupling in the network
     * @param single    one synapse between two single units: its minibatch mean without a matrix product
     */
    public RuleBlock(CouplingBlock coupling, int[] couplings, BlockRule rule, boolean single) {
        this.coupling = coupling;
        this.couplings = couplings;
        this.rule = rule;
        this.single = single;
        this.dw = new double[couplings.length];
        this.difference = !single && coupling.fullDense() && !rule.complex() ? rule.difference() : null;
    }

    @Override
    public int cells() {
        return couplings.length;
    }

    @Override
    public int coupling(int cell) {
        return couplings[cell];
    }

    @Override
    public int cellI(int cell) {
        return coupling.cellA(cell);
    }

    @Override
    public int cellJ(int cell) {
        return coupling.cellB(cell);
    }

    @Override
    public double weight(int cell) {
        return coupling.weight(cell);
    }

    @Override
    public double lastGradient(int cell) {
        if (difference == null) return rule.lastGradient(cell);
        if (last == null) return Double.NaN;
        int a = coupling.cellA(cell);
        int b = coupling.cellB(cell);
        return lastKappa * (coupling.meanProduct(last[2], a, last[3], b) - coupling.meanProduct(last[0], a, last[1], b));
    }

    @Override
    public long nextSampleTime(long t) {
        return rule.nextSampleTime(t);
    }

    @Override
    public long nextUpdateTime(long t) {
        return rule.nextUpdateTime(t);
    }

    @Override
    public boolean learn(long tau, double[] rhoI, double[] rhoJ) {
        diverged = -1;
        boolean complex = rule.complex();
        if (single) {
            one[0] = complex ? Correlation.complexMeanRe(rhoI, rhoJ) : Correlation.mean(rhoI, rhoJ);
            oneIm[0] = complex ? Correlation.complexMeanIm(rhoI, rhoJ) : 0.0;
            return rule.observe(tau, one, oneIm, dw) && move(0, dw[0]);
        }
        if (difference != null) return learnByDifference(tau, rhoI, rhoJ);
        double[] re = coupling.correlations(rhoI, rhoJ, complex);
        if (!rule.observe(tau, re, coupling.imaginaryCorrelations(), dw)) return false; // decided once for the block
        diverged = coupling.addAll(dw);
        return true;
    }

    /** {@link SampleDifference}: keep the first sample's ends; at the second, W += (g/B)·(ρ_I²ρ_J²ᵀ − ρ_I¹ρ_J¹ᵀ). */
    private boolean learnByDifference(long tau, double[] rhoI, double[] rhoJ) {
        switch (difference.observe(tau)) {
            case FIRST -> {
                firstI = copy(rhoI, firstI);
                firstJ = copy(rhoJ, firstJ);
                return false;
            }
            case SECOND -> {
                if (last == null) last = new double[4][];
                last[0] = copy(firstI, last[0]);
                last[1] = copy(firstJ, last[1]);
                last[2] = copy(rhoI, last[2]);
                last[3] = copy(rhoJ, last[3]);
                lastKappa = difference.perDifference();
                double g = difference.gain();
                if (g == 0.0) return false; // nothing moves (a zero rate), as the cell-by-cell rule says
                diverged = coupling.addDifference(g, rhoI, rhoJ, firstI, firstJ);
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /** {@code from} into {@code into} (made if missing or of another length). */
    private static double[] copy(double[] from, double[] into) {
        if (into == null || into.length != from.length) return from.clone();
        System.arraycopy(from, 0, into, 0, from.length);
        return into;
    }

    /** Applies a change to cell k's weight, noting the first that stops being finite. */
    private boolean move(int k, double change) {
        coupling.add(k, change);
        if (diverged < 0 && !Double.isFinite(coupling.weight(k))) diverged = k;
        return true;
    }

    @Override
    public int diverged() {
        return diverged;
    }

    @Override
    public double[] driveToI(long tau, double[] rhoJ) {
        return coupling.driveToA(rhoJ);
    }

    @Override
    public double[] driveToJ(long tau, double[] rhoI) {
        return coupling.driveToB(rhoI);
    }

    @Override
    public double[][] drives(long tau, double[] rhoI, double[] rhoJ) {
        return coupling.drives(rhoI, rhoJ);
    }

    @Override
    public double[] driveWithin(long tau, double[] rho) {
        return coupling.driveWithin(rho);
    }
}
