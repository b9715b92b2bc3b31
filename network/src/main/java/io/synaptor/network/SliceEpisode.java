package io.synaptor.network;

import io.synaptor.neurons.UnitDynamics;
import io.synaptor.scheduler.UpdateModel;
import io.synaptor.synapses.LearningRule;
import io.synaptor.synapses.NudgeSchedule;
import io.synaptor.synapses.OutputClamp;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * What a slice of free units (hidden or output; one unit at unit granularity) does on its own
 * clock in an EP episode, as plain arithmetic (DESIGN.md, "Learning rules"; "Granularity"): the
 * outputs' nudge β(t) and targets, a rule's output clamp, the reset (or persistent states) at each
 * episode's start and the hold after it, centered EP's return to the free state, the relaxation
 * check's residual at each phase's end, the step of every unit under the update model, and, at each
 * state time, the biases' learning and the free outputs' report. The unit actor hosts it and adds
 * the time protocol (inboxes, the field as the sum of drives, the outbox, traces, monitors): the
 * actor is the host, this is the model it runs (Lava's Process/ProcessModel split). The
 * {@link SynchronousSimulation} writes the same semantics out again on purpose, as the independent
 * second computation the actors are checked against (SynchronousSimulationTest), so it does not
 * use this class.
 *
 * <p>Every vector holds the slice's units one after the other, each as its minibatch ({@code row}
 * = components × batch entries); complex units interleave re/im.
 */
public final class SliceEpisode implements SliceModel {

    /**
     * What a slice is, per unit k: its id, its output index (−1 if hidden), bias, bias rule, noise
     * stream and nudge clock (the schedule as its own, possibly skewed, nudge oscillator reads it).
     * {@code reset}: return to s = 0 at every episode start, or, with {@code persistent} (null: off),
     * to where each training example's last free phase ended; {@code clamp}: where outputs are held
     * during the second phase instead of nudged (CHL: at their targets), or null;
     * {@code residualThreshold}: the relaxation check's threshold on |ds/dt| ({@link RelaxationResidual});
     * {@code resetHold}: steps after a reset during which the units hold their reset state ({@link ResetHold}).
     */
    public record Setup(int[] units, int[] outputIndex, int batch, double[] bias, UnitDynamics dynamics,
                        LearningRule[] biasRules, NudgeSchedule schedule, boolean reset, OutputClamp clamp,
                        SplittableRandom[] noise, UpdateModel update, NudgeSchedule[] nudgeClocks, PersistentStates persistent,
                        double residualThreshold, int resetHold) {
        public int size() {
            return units.length;
        }
    }

    private final Setup setup;
    private final UnitDynamics dynamics;
    private final NudgeSchedule schedule;
    private final int size;
    private final int components;
    private final int row;
    private final double[] s;
    private final double[] ones;
    private final double[] bias;
    private final long[] nextBiasSample;
    private final boolean[] output;
    private final double[][] stepTargets;
    private final double[] betaRe;
    private final double[] betaIm;
    private final double[][] clamped;   // per output: where the clamp holds it this episode
    private final long[] clampedEpisode;
    private final RelaxationResidual relaxation;
    private long nextFreeSample;
    private long nextReset;
    private long holdThrough = -1;      // the last step of the current reset's hold (ResetHold)
    private long nextRestore;
    private long nextSave;
    private double[] freeState;
    private long nextKeep;              // the next end of a training free phase, with persistent states (else never)
    private double[] rhoNow;            // ρ(s) at the current state time, as sent: the next step reads ρ'(s) from it

    public SliceEpisode(Setup setup) {
        this.setup = setup;
        this.dynamics = setup.dynamics();
        this.schedule = setup.schedule();
        this.size = setup.size();
        this.components = dynamics.components();
        this.row = components * setup.batch();
        this.s = new double[size * row];
        this.ones = new double[row]; // ρ ≡ 1 + 0i at the bias's other end
        for (int k = 0; k < ones.length; k += components) ones[k] = 1.0;
        this.bias = setup.bias().clone();
        this.nextBiasSample = new long[size];
        this.output = new boolean[size];
        this.stepTargets = new double[size][];
        this.betaRe = new double[size];
        this.betaIm = new double[size];
        this.clamped = new double[size][];
        this.clampedEpisode = new long[size];
        Arrays.fill(clampedEpisode, -1);
        boolean outputs = false;
        for (int k = 0; k < size; k++) {
            nextBiasSample[k] = setup.biasRules()[k].nextSampleTime(0);
            output[k] = setup.outputIndex()[k] >= 0;
            outputs |= output[k];
        }
        this.nextFreeSample = outputs ? schedule.freeSampleTime(0) : Long.MAX_VALUE;
        // With persistent states the first episode's first step loads its examples' states too.
        this.nextReset = setup.persistent() != null ? 0 : resetAfter(0);
        this.nextKeep = keepAfter(0);
        scheduleRestore(0);
        this.relaxation = new RelaxationResidual(schedule, setup.batch(), setup.residualThreshold());
    }

    /** The slice's state: its units one after the other, each a minibatch row. */
    @Override
    public double[] state() {
        return s;
    }

    @Override
    public int row() {
        return row;
    }

    @Override
    public int[] units() {
        return setup.units();
    }

    @Override
    public int fieldLength() {
        return s.length;
    }

    @Override
    public long endTime() {
        return schedule.endTime();
    }

    /** An output's stream is its output index: the teacher's targets for it. */
    @Override
    public int stream(int k) {
        return setup.outputIndex()[k];
    }

    @Override
    public double bias(int k) {
        return bias[k];
    }

    @Override
    public double lastBiasGradient(int k) {
        return setup.biasRules()[k].lastGradient();
    }

    @Override
    public RelaxationResidual.Stats relaxation() {
        return relaxation.stats();
    }

    /** Centered EP: the next step that returns to the free state, and the state time to save it at. */
    private void scheduleRestore(long from) {
        nextRestore = schedule.restoreStep(from);
        nextSave = nextRestore == Long.MAX_VALUE ? Long.MAX_VALUE : schedule.freeSampleTime(schedule.episodeOfStep(nextRestore));
    }

    /** The first state time ≥ t that ends a training episode's free phase, if states persist. */
    private long keepAfter(long t) {
        if (setup.persistent() == null) return Long.MAX_VALUE;
        return schedule.nextTrainingTime(t, schedule::freeSampleTime, schedule::freeSampleTime);
    }

    /** The first step after {@code step} that starts an episode, if units reset. */
    private long resetAfter(long step) {
        if (!setup.reset()) return Long.MAX_VALUE;
        long next = schedule.episodeOfStep(step) + 1;
        return next < schedule.episodes() ? schedule.start(next) : Long.MAX_VALUE;
    }

    /**
     * The nudge each output feels during the step t → t+1, each on its own clock, with its target;
     * false if an output is nudged and its target is not known yet (the host waits for it).
     */
    @Override
    public boolean ready(long t, Inputs targets) {
        for (int k = 0; k < size; k++) { // only outputs feel the cost
            if (!output[k]) continue;
            NudgeSchedule clock = setup.nudgeClocks()[k];
            betaRe[k] = clock.betaAtStep(t, setup.outputIndex()[k]);
            betaIm[k] = clock.betaImAtStep(t, setup.outputIndex()[k]);
            stepTargets[k] = null;
            if (betaRe[k] != 0.0 || betaIm[k] != 0.0) {
                long episode = clock.episodeOfStep(t);
                stepTargets[k] = targets.of(setup.outputIndex()[k], episode);
                if (stepTargets[k] == null) return false;
                if (setup.clamp() != null && clampedEpisode[k] != episode) fixClamp(k, episode);
            }
        }
        return true;
    }

    /** The clamp of output k for this episode, fixed from its state as the clamped phase begins (the free state). */
    private void fixClamp(int k, long episode) {
        if (clamped[k] == null) clamped[k] = new double[row];
        for (int b = 0; b < row; b++) clamped[k][b] = setup.clamp().value(s[k * row + b], stepTargets[k][b], betaRe[k]);
        clampedEpisode[k] = episode;
    }

    /**
     * The step t → t+1 under the field (drives only, one entry per state entry) and the nudges of
     * {@link #ready}; ρ(s) at t is what the slice sent.
     */
    @Override
    public void step(long t, double[] field) {
        double[] rho = rhoNow;
        if (t == nextReset) {
            // The episode's first step returns the unit to rest (on its own clock; no message).
            if (setup.persistent() == null) Arrays.fill(s, 0.0);
            else for (int k = 0; k < size; k++) setup.persistent().load(schedule.episodeOfStep(t), k, s, k * row);
            nextReset = resetAfter(t);
            holdThrough = t + setup.resetHold();
        } else if (t == nextRestore) {
            // The −β phase of centered EP starts again from the free state (Laborieux et al. 2021).
            System.arraycopy(freeState, 0, s, 0, s.length);
            scheduleRestore(t + 1);
        } else {
            if (t == relaxation.nextStep()) measureResidual(field, rho);
            if (t > holdThrough) { // during a reset's hold the drives in force were sent before it (ResetHold)
                int batch = setup.batch();
                for (int k = 0; k < size; k++) {
                    double[] target = stepTargets[k];
                    if (target != null && setup.clamp() != null) {
                        System.arraycopy(clamped[k], 0, s, k * row, row); // the rule clamps the output (CHL, coupled learning)
                    } else if (!setup.update().updates(setup.units()[k], t)) {
                        continue; // it holds its state
                    } else if (target == null && !dynamics.isNoisy()) {
                        dynamics.freeSteps(s, k * batch, (k + 1) * batch, field, bias[k], rho); // the relaxation's hot loop, in one call
                    } else {
                        for (int b = 0; b < batch; b++) {
                            double noise = dynamics.isNoisy() ? setup.noise()[k].nextGaussian() : 0.0;
                            double w = weight(target, b); // the example's weight in the loss: β·λ_b
                            dynamics.step(s, k * batch + b, field, bias[k], betaRe[k] * w, betaIm[k] * w, target == null ? 0.0 : target[b], noise, rho);
                        }
                    }
                }
            }
        }
        relaxation.passed(t);
    }

    /** Example b's weight in the loss: carried after the targets for weighted data ({@link LabeledData#weights}), else 1 (x·1 = x: the same bits). */
    private double weight(double[] target, int b) {
        int batch = setup.batch();
        return target != null && target.length > batch ? target[batch + b] : 1.0;
    }

    /**
     * The last step of a phase: each unit's residual |ds/dt| per example, from the field, β and
     * target this step uses (the noise left out), before the step is taken. A clamped output has none.
     */
    private void measureResidual(double[] field, double[] rho) {
        int batch = setup.batch();
        for (int k = 0; k < size; k++) {
            double[] target = stepTargets[k];
            if (target != null && setup.clamp() != null) continue;
            for (int b = 0; b < batch; b++) {
                double w = weight(target, b);
                relaxation.record(b, dynamics.residual(s, k * batch + b, field, bias[k], betaRe[k] * w, betaIm[k] * w,
                        target == null ? 0.0 : target[b], rho));
            }
        }
    }

    /**
     * The slice is at state time t: it computes ρ(s), keeps what later steps need (the free state for
     * centered EP, persistent states), its biases learn, at the end of a free phase the outputs report
     * their real parts, and ρ(s) goes to the synapses.
     */
    @Override
    public double[] arrive(long t, Reports free) {
        double[] rho = new double[s.length];
        dynamics.rhoAll(s, rho);
        rhoNow = rho;
        if (t == nextSave) freeState = s.clone();
        if (t == nextKeep) {
            long e = schedule.episodeOfState(t);
            for (int k = 0; k < size; k++) setup.persistent().save(e, k, s, k * row);
            nextKeep = keepAfter(t + 1);
        }
        for (int k = 0; k < size; k++) {
            if (t != nextBiasSample[k]) continue;
            LearningRule rule = setup.biasRules()[k];
            bias[k] += rule.observe(t, size == 1 ? rho : Arrays.copyOfRange(rho, k * row, (k + 1) * row), ones);
            nextBiasSample[k] = rule.nextSampleTime(t + 1);
        }
        if (t == nextFreeSample) {
            long e = schedule.episodeOfState(t);
            for (int k = 0; k < size; k++) if (output[k]) free.report(setup.outputIndex()[k], e, realParts(k));
            nextFreeSample = e + 1 < schedule.episodes() ? schedule.freeSampleTime(e + 1) : Long.MAX_VALUE;
        }
        return rho;
    }

    /** The physical (real) part of unit k's state, one entry per example. */
    @Override
    public double[] realParts(int k) {
        double[] re = new double[setup.batch()];
        for (int b = 0; b < re.length; b++) re[b] = s[k * row + components * b];
        return re;
    }
}
