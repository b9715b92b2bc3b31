package io.synaptor.synapses;

/**
 * A rule whose every change passes through a synapse-local step on top of it ({@link DecayingRate},
 * {@link AdaptiveStep}): when to sample, when to update, whether it is complex and its gradient
 * estimate stay the wrapped rule's; only the change it returns is reshaped, at the time it belongs to.
 */
abstract class StepOnTop implements LearningRule {
    private final LearningRule rule;

    StepOnTop(LearningRule rule) {
        this.rule = rule;
    }

    /** The step to take for the wrapped rule's change dw at state time t. */
    abstract double step(long t, double dw);

    @Override
    public final long nextSampleTime(long t) {
        return rule.nextSampleTime(t);
    }

    @Override
    public final long nextUpdateTime(long t) {
        return rule.nextUpdateTime(t);
    }

    @Override
    public final double observe(long t, double[] rhoI, double[] rhoJ) {
        return step(t, rule.observe(t, rhoI, rhoJ));
    }

    @Override
    public final double observeCorrelation(long t, double re, double im) {
        return step(t, rule.observeCorrelation(t, re, im));
    }

    @Override
    public final boolean complex() {
        return rule.complex();
    }

    @Override
    public final double lastGradient() {
        return rule.lastGradient();
    }

    /** How a block reshapes all its cells' changes dw at an update time t, in place. */
    interface BlockStep {
        void step(long t, double[] dw);
    }

    /** A block's rule whose changes, whenever it moves, pass through {@code step}; all else is the block's. */
    static BlockRule onBlock(BlockRule block, BlockStep step) {
        return onBlock(block, step, null);
    }

    /**
     * The same, where the step multiplies every cell's change at t by one factor, {@code scale(t)}: a
     * {@link SampleDifference} block stays one, its gain times the factor.
     */
    static BlockRule onBlock(BlockRule block, BlockStep step, java.util.function.LongToDoubleFunction scale) {
        return new BlockRule() {
            @Override public long nextSampleTime(long t) { return block.nextSampleTime(t); }
            @Override public long nextUpdateTime(long t) { return block.nextUpdateTime(t); }
            @Override public boolean complex() { return block.complex(); }
            @Override public double lastGradient(int cell) { return block.lastGradient(cell); }

            @Override
            public SampleDifference difference() {
                SampleDifference inner = scale == null ? null : block.difference();
                if (inner == null) return null;
                return new SampleDifference() {
                    private double factor = Double.NaN;

                    @Override
                    public Kind observe(long t) {
                        Kind kind = inner.observe(t);
                        if (kind == Kind.SECOND) factor = scale.applyAsDouble(t);
                        return kind;
                    }

                    @Override
                    public double gain() {
                        return inner.gain() * factor;
                    }

                    @Override
                    public double perDifference() {
                        return inner.perDifference();
                    }
                };
            }

            @Override
            public boolean observe(long t, double[] re, double[] im, double[] dw) {
                if (!block.observe(t, re, im, dw)) return false;
                step.step(t, dw);
                return true;
            }
        };
    }
}
