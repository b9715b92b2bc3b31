package io.synaptor.synapses;

import com.google.auto.service.AutoService;

import java.util.Arrays;

/**
 * Equilibrium propagation for several tasks at once, each nudging its own outputs at its own frequency
 * (seed 003's concurrent-learning hypothesis; {@link FrequencyPlan}; docs/scenarios.md#multiplex-check). After
 * the free phase the nudges run through W phases of T2 steps; in phase τ task k's outputs feel
 * β_k(τ) = β·e^{2πi m_kτ/W} (or β·cos 2πm_kτ/W). The synapse keeps one demodulator per task, each driven by
 * its task's phase read from the synapse's own clock (a third factor, no message), samples ρ_iρ_j at the end
 * of every phase and estimates each task's gradient by its Fourier coefficient at that task's frequency,
 * ĝ_k = −(c/(Wβ)) Σ_τ Re[ρ_iρ_j(τ) e^{−2πi m_kτ/W}], c = 1 for complex nudges (Cauchy's formula in each task's
 * β, as holomorphic EP for one task: Laborieux &amp; Zenke 2022, eq. 6) and 2 for real ones (the cosine's
 * amplitude is split between ±ω_k). At the last phase it applies ΔW = −η Σ_k λ_k ĝ_k (λ_k the plan's task weights, 1 by
 * default): every task's step at once; with staggered tasks ({@link NudgeShape#stagger()}) each task's window ends
 * at its own time, and its step −η λ_k ĝ_k is applied then.
 */
public final class MultiplexedEP implements LearningRule {
    private final NudgeSchedule schedule;
    private final int points;
    private final int windows; // an example's windows, each learned from
    private final boolean staggered; // windows open anywhere in the tasks' oscillations (lockstep: at its phase 0)
    private final long phase;
    private final double factor;
    private final int report;
    private final double[] weights;
    private final double[][] cos; // [task][point]: the demodulators' tables, windowed
    private final double[][] sin;
    private final double[] window;      // [point]: the window's weight
    private final double[][] cosCycle;  // [task][phase]: cos θ_k of each phase of the oscillation (staggered tasks, whose
    private final double[][] sinCycle;  // windows open anywhere in it)
    private final Block own; // this weight's demodulators: a block of one cell
    private final double[] re = new double[1], im = new double[1], change = new double[1];

    public MultiplexedEP(NudgeSchedule schedule, double rate) {
        FrequencyPlan plan = schedule.shape().plan();
        if (plan == null) throw new IllegalArgumentException("multiplexed EP needs a multiplexed nudge, got " + schedule.shape());
        this.schedule = schedule;
        this.points = schedule.shape().points();
        this.windows = schedule.shape().windows();
        this.staggered = schedule.shape().stagger() > 1;
        this.phase = schedule.nudgeSteps();
        this.factor = plan.complex() ? 1.0 : 2.0;
        this.report = plan.report();
        this.weights = plan.weights();
        int tasks = plan.tasks();
        this.cos = new double[tasks][points];
        this.sin = new double[tasks][points];
        this.window = new double[points];
        this.cosCycle = new double[tasks][points];
        this.sinCycle = new double[tasks][points];
        for (int p = 0; p < points; p++) window[p] = plan.windowWeight(p, points); // 1, or the Hann window's taper
        for (int k = 0; k < tasks; k++) {
            for (int p = 0; p < points; p++) {
                double theta = plan.phase(k, p, points);
                cosCycle[k][p] = Math.cos(theta);
                sinCycle[k][p] = Math.sin(theta);
                cos[k][p] = window[p] * cosCycle[k][p];
                sin[k][p] = window[p] * sinCycle[k][p];
            }
        }
        this.own = new Block(this, new double[]{rate}); // last: it reads the tables
    }

    @Override
    public long nextSampleTime(long t) {
        long next = Long.MAX_VALUE;
        for (int k = 0; k < cos.length; k++) next = Math.min(next, nextTaskTime(t, k, true));
        return next;
    }

    @Override
    public long nextUpdateTime(long t) {
        long next = Long.MAX_VALUE;
        for (int k = 0; k < cos.length; k++) next = Math.min(next, nextTaskTime(t, k, false));
        return next;
    }

    /**
     * The first time ≥ t at which task k samples (a phase end of its window) or, if not {@code sample}, updates
     * (its window's last phase end). In lockstep every task's window is its episode's; staggered, task k's example
     * began up to S − 1 episodes before the one at t. O(1) amortised over a run.
     */
    private long nextTaskTime(long t, int k, boolean sample) {
        int stagger = schedule.shape().stagger();
        long x = schedule.exampleStart(Math.max(0, schedule.episodeOfState(t)), k);
        while (x < schedule.episodes()) {
            if (x >= 0 && schedule.isTraining(x)) {
                long last = schedule.taskPointSampleTime(x, points * windows - 1);
                if (last >= t) {
                    long first = schedule.taskPointSampleTime(x, 0);
                    long next = first + Math.floorDiv(Math.max(t, first) - first + phase - 1, phase) * phase; // round up to the grid
                    if (sample) return next;
                    long w = (next - first) / phase / points; // the window it falls in ends the update
                    return schedule.taskPointSampleTime(x, (int) (w * points + points - 1));
                }
            }
            x = stagger == 1 ? schedule.nextTrainingEpisode(x + 1) : x + stagger;
        }
        return Long.MAX_VALUE;
    }

    @Override
    public boolean complex() {
        return schedule.shape().complex();
    }

    @Override
    public double observeCorrelation(long t, double re, double im) {
        this.re[0] = re;
        this.im[0] = im;
        return own.observe(t, this.re, this.im, change) ? change[0] : 0.0;
    }

    @Override
    public double lastGradient() {
        return own.lastGradient(0);
    }

    /** This rule for a block of weights, cell k learning at rates[k]: each cell's change as its own MultiplexedEP would make it, bit for bit. */
    BlockRule block(double[] rates) {
        return new Block(this, rates);
    }

    /**
     * The demodulators in arrays, one per task and cell (a single weight's: one cell): the window's point and phase of
     * each task are read once per sample for the whole block, not once per weight (one object per weight spent most
     * of a concurrent-tasks run asking the clock); each cell's arithmetic is a lone weight's.
     */
    private static final class Block extends PacedBlock {
        private final MultiplexedEP rule; // the tables and the clock
        private final double[] rates;
        private final double[][] accumulated; // [task][cell]
        private final int[] seen;
        private final double[] sum;

        Block(MultiplexedEP rule, double[] rates) {
            super(rule, rates.length);
            this.rule = rule;
            this.rates = rates.clone();
            this.accumulated = new double[rule.cos.length][rates.length];
            this.seen = new int[rule.cos.length];
            this.sum = new double[rates.length];
        }

        @Override
        public boolean observe(long t, double[] re, double[] im, double[] dw) {
            boolean ends = false;
            int n = rates.length;
            for (int k = 0; k < accumulated.length; k++) {
                int p = rule.schedule.taskPoint(t, k); // task k's phase, from the synapse's own clock
                if (p < 0) continue;
                double[] acc = accumulated[k];
                if (p == 0) {
                    Arrays.fill(acc, 0.0);
                    seen[k] = 0;
                }
                int q = rule.staggered ? rule.schedule.taskPhase(t, k, p) : p; // where the oscillation is: p, unless its windows open anywhere in it
                if (q == p) { // acc += Re[C e^{−iθ_k}], windowed
                    double c = rule.cos[k][p], s = rule.sin[k][p];
                    for (int i = 0; i < n; i++) acc[i] += re[i] * c + im[i] * s;
                } else {
                    double w = rule.window[p], c = rule.cosCycle[k][q], s = rule.sinCycle[k][q];
                    for (int i = 0; i < n; i++) acc[i] += w * (re[i] * c + im[i] * s);
                }
                seen[k]++;
                if (p < rule.points - 1 || seen[k] != rule.points) continue;
                // the window is complete: ĝ_k = −(c/(Wβ)) Σ_τ Re[C(τ) e^{−iθ_k(τ)}], applied now (in lockstep all tasks at once)
                double scale = -rule.factor / (rule.points * rule.schedule.beta(rule.schedule.exampleStart(rule.schedule.episodeOfState(t), k)));
                if (!ends) Arrays.fill(sum, 0.0);
                double weight = rule.weights[k];
                for (int i = 0; i < n; i++) sum[i] += weight * (scale * acc[i]);
                if (k == rule.report) for (int i = 0; i < n; i++) lastGradient[i] = scale * acc[i];
                ends = true;
            }
            if (!ends) return false;
            if (rule.report < 0) System.arraycopy(sum, 0, lastGradient, 0, n);
            boolean any = false;
            for (int i = 0; i < n; i++) {
                dw[i] = -rates[i] * sum[i];
                any |= dw[i] != 0.0;
            }
            return any;
        }
    }

    /** {@code learning.rule = multiplexed}: the tasks and their frequencies come with the nudge (multiplex-check, concurrent tasks). */
    @AutoService(RuleProvider.class)
    public static final class Provider implements RuleProvider {
        @Override
        public String name() {
            return "multiplexed";
        }

        @Override
        public String description() {
            return "several tasks at once, each nudging its outputs at its own frequency, demodulated per task by each synapse (multiplex-check)";
        }

        @Override
        public NudgeShape shape(NudgeShape holomorphic) {
            throw new IllegalArgumentException("multiplexed EP needs tasks, each with its outputs and frequency: "
                    + "the multiplex scenarios (multiplex-check) set them up");
        }

        @Override
        public LearningRule create(NudgeSchedule schedule, double rate) {
            return new MultiplexedEP(schedule, rate);
        }
    }
}
