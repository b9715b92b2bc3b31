package io.synaptor.synapses;

/**
 * One-sided or centered EP for a whole block ({@link BlockRule}): the two samples' timing and the
 * estimate are the rule's ({@link TwoSampleRule}, read from one copy on the block's clock); the
 * first sample's correlations and the estimates are arrays, one entry per cell.
 */
final class TwoSampleBlock extends PacedBlock {
    private final TwoSampleRule rule;
    private final double[] rates;          // per cell
    private final double[] firstCorrelation;
    private long firstEpisode = -1;

    /** @param rule the rule on the block's clock; rates[k]: cell k's learning rate */
    TwoSampleBlock(TwoSampleRule rule, double[] rates) {
        super(rule, rates.length);
        this.rule = rule;
        this.rates = rates.clone();
        this.firstCorrelation = new double[rates.length];
    }

    /** With one rate for every cell: the change is −rate·κ(β)·(C2 − C1) for all cells ({@link SampleDifference}). */
    @Override
    public SampleDifference difference() {
        for (double r : rates) if (Double.doubleToRawLongBits(r) != Double.doubleToRawLongBits(rates[0])) return null;
        return new SampleDifference() {
            private long firstOf = -1;
            private double gain = Double.NaN;
            private double kappa = Double.NaN;

            @Override
            public Kind observe(long t) {
                Kind kind = rule.sampleAt(t, firstOf);
                if (kind == Kind.FIRST) firstOf = rule.schedule.episodeOfState(t);
                if (kind == Kind.SECOND) {
                    kappa = rule.perDifference(rule.schedule.beta(firstOf));
                    gain = -rates[0] * kappa;
                }
                return kind;
            }

            @Override
            public double gain() {
                return gain;
            }

            @Override
            public double perDifference() {
                return kappa;
            }
        };
    }

    /** {@link TwoSampleRule#observeCorrelation}, decided once: a first sample is stored, a second one after it is turned into estimates. */
    @Override
    public boolean observe(long t, double[] re, double[] im, double[] dw) {
        SampleDifference.Kind kind = rule.sampleAt(t, firstEpisode); // dw is read only when this returns true: no need to clear it
        if (kind == SampleDifference.Kind.FIRST) {
            System.arraycopy(re, 0, firstCorrelation, 0, re.length);
            firstEpisode = rule.schedule.episodeOfState(t);
            return false;
        }
        if (kind != SampleDifference.Kind.SECOND) return false;
        double beta = rule.schedule.beta(firstEpisode); // once per block and episode, not per cell
        // plain loops over arrays, which the JIT vectorises (a reduction inside would keep it scalar)
        for (int k = 0; k < dw.length; k++) lastGradient[k] = rule.estimate(firstCorrelation[k], re[k], beta);
        for (int k = 0; k < dw.length; k++) dw[k] = -rates[k] * lastGradient[k];
        for (double d : dw) if (d != 0.0) return true;
        return false;
    }
}
