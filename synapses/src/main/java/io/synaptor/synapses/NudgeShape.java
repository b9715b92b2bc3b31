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
 *   <li>{@code MULTIPLEX}: several tasks at once, each nudging its own outputs at its own frequency
 *       ({@link FrequencyPlan}): W = {@code points} phases after the free phase, task k's outputs at
 *       β·e^{2πi m_k τ/W} (or β·cos 2πm_kτ/W) in phase τ, each relaxing on from the previous one; they are
 *       preceded by {@code warmup} phases τ = −warmup … −1 of the same nudges that no demodulator reads, so
 *       that the window sees the nudges' periodic response and not their onset from the free state. With
 *       {@code stagger} S &gt; 1 the tasks do not change examples together (issue 21, item 1): a task's example lasts S
 *       episodes ("slots" of (T1 + (warmup + W)·T2)/S steps, with no free phase of their own) and task k's examples
 *       begin at the slots e ≡ k (mod S), each with T1 steps to leave the last one, a warm-up and its window; each
 *       task's oscillation runs without pause from its first example on, no moment is free of every nudge, and
 *       units are never reset.</li>
 * </ul>
 * Phases last T2 steps each; the number of phases is {@code points} ({@link #nudgedPhases()} with a multiplexed
 * nudge's warm-up).
 *
 * @param plan    the tasks' frequencies under {@code MULTIPLEX}; null otherwise
 * @param windows under {@code MULTIPLEX}, the windows of W phases each example is shown for after its warm-up, each
 *                learned from at its end (1: one)
 * @param stagger under {@code MULTIPLEX}, the episodes each task's example lasts, the tasks starting theirs one
 *                episode apart (1: every task's example is the episode's, in lockstep)
 */
public record NudgeShape(Form form, int points, int warmup, FrequencyPlan plan, int stagger, int windows) {
    public enum Form { ONE_SIDED, CENTERED, CIRCLE, OSCILLATING, MULTIPLEX }

    public static final NudgeShape ONE_SIDED = new NudgeShape(Form.ONE_SIDED, 1, 0);
    public static final NudgeShape CENTERED = new NudgeShape(Form.CENTERED, 2, 0);

    /** A shape of one nudge for every output. */
    public NudgeShape(Form form, int points, int warmup) {
        this(form, points, warmup, null);
    }

    /** A shape whose tasks (if any) change examples together. */
    public NudgeShape(Form form, int points, int warmup, FrequencyPlan plan) {
        this(form, points, warmup, plan, 1, 1);
    }

    public NudgeShape {
        if ((form == Form.MULTIPLEX) != (plan != null)) throw new IllegalArgumentException("a frequency plan goes with a multiplexed nudge, and only there");
        if (form == Form.MULTIPLEX) plan.checkWindow(points);
        if (windows < 1 || windows > 1 && form != Form.MULTIPLEX) {
            throw new IllegalArgumentException("only a multiplexed nudge shows an example for several windows, at least 1, got " + windows + " for " + form);
        }
        if (stagger < 1 || stagger > 1 && form != Form.MULTIPLEX) {
            throw new IllegalArgumentException("only a multiplexed nudge's tasks can be staggered, over at least 1 episode, got " + stagger + " for " + form);
        }
        if (form == Form.MULTIPLEX && warmup < 0) throw new IllegalArgumentException("a multiplexed nudge's warm-up must be ≥ 0 phases, got " + warmup);
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

    /** Tasks nudged at once, each at its own frequency, over a window of {@code points} phases. */
    public static NudgeShape multiplex(int points, FrequencyPlan plan) {
        return multiplex(points, 0, plan);
    }

    /** Tasks nudged at once over a window of {@code points} phases, after {@code warmup} phases of the same nudges not read. */
    public static NudgeShape multiplex(int points, int warmup, FrequencyPlan plan) {
        return new NudgeShape(Form.MULTIPLEX, points, warmup, plan);
    }

    /** The same tasks, each example lasting {@code slots} episodes, task k's beginning at the episodes ≡ k (mod slots). */
    public NudgeShape staggered(int slots) {
        return new NudgeShape(form, points, warmup, plan, slots, windows);
    }

    /** The same nudges, each example shown for {@code count} windows after its warm-up, each learned from. */
    public NudgeShape repeated(int count) {
        return new NudgeShape(form, points, warmup, plan, stagger, count);
    }

    /** Phases before the first that is sampled: a multiplexed nudge's warm-up (0 for the other shapes). */
    public int leadingPhases() {
        return form == Form.MULTIPLEX ? warmup : 0;
    }

    /** Nudged phases (or periods) per training episode: {@code points} (times a multiplexed nudge's windows), and its warm-up before them. */
    public int nudgedPhases() {
        return points * windows + leadingPhases();
    }

    /** Whether units must carry complex states (β leaves the real axis). */
    public boolean complex() {
        return form == Form.CIRCLE || form == Form.OSCILLATING || form == Form.MULTIPLEX && plan.complex();
    }

    /** Whether a training episode starts with a free phase of T1 steps (staggered tasks each have their own instead). */
    public boolean freePhase() {
        return form != Form.OSCILLATING && stagger == 1;
    }
}
