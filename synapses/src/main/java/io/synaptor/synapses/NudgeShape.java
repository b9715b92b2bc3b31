package io.synaptor.synapses;

/**
 * How a training episode nudges its outputs after the free phase (DESIGN.md, "Learning rules"):
 * <ul>
 *   <li>{@code ONE_SIDED}: one phase at β (one-sided EP, continual EP; CHL clamps instead);</li>
 *   <li>{@code CENTERED}: +β, then −β restarting from the free state (Laborieux et al. 2021);</li>
 *   <li>{@code CIRCLE}: N phases at β_k = β·e^{2πik/N}, each relaxing on from the previous one
 *       (holomorphic EP, discrete form; Laborieux &amp; Zenke 2022, eq. 6);</li>
 *   <li>{@code OSCILLATING}: no free phase; β(t) = β·e^{2πi(t − start)/T} turns for {@code points}
 *       periods of T = T2 steps without pause (continuous hEP, ibid. eq. 8); the first
 *       {@code warmup} periods of each example are not learned from (the network is still
 *       leaving the previous example).</li>
 * </ul>
 * Phases last T2 steps each; the number of phases is {@code points}.
 */
public record NudgeShape(Form form, int points, int warmup) {
    public enum Form { ONE_SIDED, CENTERED, CIRCLE, OSCILLATING }

    public static final NudgeShape ONE_SIDED = new NudgeShape(Form.ONE_SIDED, 1, 0);
    public static final NudgeShape CENTERED = new NudgeShape(Form.CENTERED, 2, 0);

    public NudgeShape {
        if (form == Form.CIRCLE && points < 2) {
            throw new IllegalArgumentException("holomorphic EP needs at least 2 points on the circle, got " + points);
        }
        if (form == Form.OSCILLATING && (points < 1 || warmup < 0 || warmup >= points)) {
            throw new IllegalArgumentException("an oscillating nudge needs more periods (" + points
                    + ") than warm-up periods (" + warmup + ")");
        }
    }

    /** N points β_k = β·e^{2πik/N} on the circle. */
    public static NudgeShape circle(int points) {
        return new NudgeShape(Form.CIRCLE, points, 0);
    }

    /** β(t) turning for {@code periods} periods per example, learning from all but the first {@code warmup}. */
    public static NudgeShape oscillating(int periods, int warmup) {
        return new NudgeShape(Form.OSCILLATING, periods, warmup);
    }

    /** Whether units must carry complex states (β leaves the real axis). */
    public boolean complex() {
        return form == Form.CIRCLE || form == Form.OSCILLATING;
    }

    /** Whether a training episode starts with a free phase of T1 steps. */
    public boolean freePhase() {
        return form != Form.OSCILLATING;
    }
}
