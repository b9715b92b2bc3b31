package io.synaptor.actors;

import io.synaptor.network.PersistentStates;
import io.synaptor.network.ResetHold;
import io.synaptor.network.RelaxationResidual;
import io.synaptor.neurons.UnitDynamics;
import io.synaptor.scheduler.StateOutbox;
import io.synaptor.scheduler.TimedInbox;
import io.synaptor.scheduler.Timing;
import io.synaptor.scheduler.Transmitter;
import io.synaptor.synapses.LearningRule;
import io.synaptor.synapses.NudgeSchedule;
import io.synaptor.synapses.OutputClamp;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A population slice of free units (hidden or output) — one unit at unit granularity, a block of a
 * layer at block granularity (DESIGN.md, "Granularity": the same messages, longer vectors). It
 * integrates ds/dt = −∂F/∂s for its units on its own clock, one minibatch vector per unit, and
 * tells its synapses ρ(s) after every step (DESIGN.md, "The protocol"). Every vector holds the
 * slice's units one after the other, each as its minibatch.
 *
 * <p>Its field is the running sum of the last drive from each synapse (add new, subtract old,
 * applied in slot order so the rounding is the same whatever order the messages came in).
 * It takes the step t → t+1 only when every input link is known through t — the conservative
 * rule; an output unit in a nudged phase also waits for its target. When ρ did not change by a
 * single bit — or, with a send threshold, by more than the threshold since the last value sent —
 * it sends a clock message instead of a state, so synapses skip the recomputation.
 * The unit's bias is a synapse to a constant ρ ≡ 1 and learns with the same rule. With reset on,
 * the first step of every episode returns the unit to s = 0 — read from the schedule, so no
 * message; its neighbours still see its previous state for one link delay, as physics would have it.
 * Under a random update model the unit skips the steps its own clock does not tick at (holding its
 * state); it still advances in time and tells its synapses so. Free-running (wall-clock) mode
 * relaxes the rule: the unit steps on whatever it last heard, up to L steps beyond what it knows.
 *
 * <p>Complex units (holomorphic EP) carry re/im interleaved in every vector — state, ρ, drives —
 * and feel a complex β(t) read from the schedule; they report the real parts to the teacher and
 * the probe. The arithmetic works in place on the actor's arrays: the only allocation per step is
 * the ρ vector that becomes the message.
 */
public final class UnitActor extends AbstractBehavior<UnitActor.Command> {

    public sealed interface Command extends WireMessage permits Drive, DriveBlock, Clock, Target, Connect, Wake {
    }

    /** cluster coordinator → unit entity: be created (sharding starts an entity with its first message); nothing else. */
    public record Wake() implements Command {
    }

    /** synapse → unit: the synapse's contribution to the field, from {@code time}, known through {@code horizon}. */
    public record Drive(int slot, long time, long horizon, double[] values) implements Command {
    }

    /**
     * synapse → unit: several drives on {@code slot} in one message (a window of K steps): value k
     * from times[k] until the next one, the last known through {@code horizon}.
     */
    public record DriveBlock(int slot, long[] times, double[][] values, long horizon) implements Command {
    }

    /** synapse → unit: the drive on {@code slot} is unchanged through {@code horizon}. */
    public record Clock(int slot, long horizon) implements Command {
    }

    /** teacher → output unit: the target of output {@code output} for one training episode (β(t) is read from the schedule). */
    public record Target(int output, long episode, double[] values) implements Command {
    }

    /** builder → unit: the synapses to tell, in slot order, with their actor ids (for the trace); the unit starts on receiving it. */
    public record Connect(List<ActorRef<SynapseActor.Command>> synapses, int[] ids) implements Command {
    }

    /**
     * What a slice is, as the builder sets it up, per unit k of the slice: its id, its output index
     * (−1 if hidden), bias, bias rule, noise stream and nudge clock (the schedule as its own, possibly
     * skewed, nudge oscillator reads it). {@code reset}: return to s = 0 at every episode start, or,
     * with {@code persistent} (null: off), to where each training example's last free phase ended;
     * {@code clamp}: where outputs are held during the second phase instead of nudged (CHL: at their targets), or null;
     * {@code residualThreshold}: the relaxation check's threshold on |ds/dt| ({@link RelaxationResidual});
     * {@code resetHold}: steps after a reset during which the units hold their reset state ({@link ResetHold}).
     */
    public record Setup(int[] units, int[] outputIndex, int slots, int batch, double[] bias, UnitDynamics dynamics,
                        LearningRule[] biasRules, NudgeSchedule schedule, boolean reset, OutputClamp clamp,
                        SplittableRandom[] noise, Timing timing, NudgeSchedule[] nudgeClocks, PersistentStates persistent,
                        double residualThreshold, int resetHold) {
        public int size() {
            return units.length;
        }
    }

    /**
     * @param log     where to record the messages sent, or null
     * @param monitor what of the slice to record ({@link Monitor}), or null for nothing
     */
    static Behavior<Command> create(Setup setup, ActorRef<TeacherActor.Command> teacher,
                                    ActorRef<ProbeActor.Command> probe, TraceSink.Log log, StateMonitor monitor) {
        return Behaviors.setup(ctx -> new UnitActor(ctx, setup, teacher, probe, log, monitor));
    }

    /** A unit whose |s| exceeds this has blown up. */
    static final double BLOW_UP = 1e6;

    private final Setup setup;
    private final UnitDynamics dynamics;
    private final int components;
    private final NudgeSchedule schedule;
    private final long endTime;
    private final ActorRef<TeacherActor.Command> teacher;
    private final ActorRef<ProbeActor.Command> probe;
    private final TimedInbox<double[]>[] inbox;
    private final double[][] applied;
    private final double[] sum;
    private final double[] s;
    private final double[] ones;
    private final int size;
    private final int row;                      // entries per unit: components × batch
    private final ArrayDeque<Target>[] targets; // per unit of the slice (outputs only)
    private final double[][] stepTargets;
    private final double[] betaRe;
    private final double[] betaIm;
    private final double[][] clamped;   // per output: where the clamp holds it this episode (rules with an OutputClamp)
    private final long[] clampedEpisode;
    private List<ActorRef<SynapseActor.Command>> synapses;
    private final double[] bias;
    private final long[] nextBiasSample;
    private long t;
    private int scan;
    private long nextFreeSample;
    private long nextReset;
    private long holdThrough = -1; // the last step of the current reset's hold (ResetHold)
    private long nextRestore;
    private long nextSave;
    private double[] freeState;
    private double[] rhoNow;   // ρ(s) at the current state time, as sent: the next step reads ρ'(s) from it
    private long nextKeep;     // the next end of a training free phase, with persistent states (else never)
    private boolean halted;
    private final long[] sent = MessageKind.counters();
    private final TraceSink.Log log;
    private int[] ids;
    private final int lag;
    private final StateOutbox outbox; // what to tell the synapses at each state time (send-on-delta, windows)
    private final StateMonitor monitor;
    private long recordAt = Long.MAX_VALUE; // the monitor's next record time (never, without one)
    private final RelaxationResidual relaxation; // the residual at each phase's end, reported with the final state

    @SuppressWarnings({"unchecked", "rawtypes"}) // generic arrays: fast indexing on the hot path
    private UnitActor(ActorContext<Command> ctx, Setup setup, ActorRef<TeacherActor.Command> teacher,
                      ActorRef<ProbeActor.Command> probe, TraceSink.Log log, StateMonitor monitor) {
        super(ctx);
        this.log = log;
        this.monitor = monitor;
        if (monitor != null) recordAt = monitor.next();
        this.setup = setup;
        this.dynamics = setup.dynamics();
        this.components = dynamics.components();
        this.lag = Math.max(0, setup.timing().freeLag());
        this.schedule = setup.schedule();
        this.endTime = schedule.endTime();
        this.outbox = new StateOutbox(setup.timing(), endTime, new ToSynapses());
        this.teacher = teacher;
        this.probe = probe;
        this.inbox = new TimedInbox[setup.slots()];
        for (int k = 0; k < inbox.length; k++) inbox[k] = new TimedInbox<>(-1);
        this.applied = new double[setup.slots()][];
        this.size = setup.size();
        this.row = components * setup.batch();
        this.sum = new double[size * row];
        this.s = new double[size * row];
        this.ones = new double[row]; // ρ ≡ 1 + 0i at the bias's other end
        for (int k = 0; k < ones.length; k += components) ones[k] = 1.0;
        this.bias = setup.bias().clone();
        this.nextBiasSample = new long[size];
        this.targets = new ArrayDeque[size];
        this.stepTargets = new double[size][];
        this.betaRe = new double[size];
        this.betaIm = new double[size];
        this.clamped = new double[size][];
        this.clampedEpisode = new long[size];
        Arrays.fill(clampedEpisode, -1);
        boolean outputs = false;
        for (int k = 0; k < size; k++) {
            nextBiasSample[k] = setup.biasRules()[k].nextSampleTime(0);
            if (setup.outputIndex()[k] >= 0) {
                targets[k] = new ArrayDeque<>();
                outputs = true;
            }
        }
        this.nextFreeSample = outputs ? schedule.freeSampleTime(0) : Long.MAX_VALUE;
        // With persistent states the first episode's first step loads its examples' states too.
        this.nextReset = setup.persistent() != null ? 0 : resetAfter(0);
        this.nextKeep = keepAfter(0);
        scheduleRestore(0);
        this.relaxation = new RelaxationResidual(schedule, setup.batch(), setup.residualThreshold());
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

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Drive.class, this::onDrive)
                .onMessage(DriveBlock.class, this::onDriveBlock)
                .onMessage(Clock.class, this::onClock)
                .onMessage(Target.class, this::onTarget)
                .onMessage(Connect.class, this::onConnect)
                .onMessage(Wake.class, m -> this)
                .build();
    }

    private Behavior<Command> onConnect(Connect m) {
        synapses = m.synapses();
        ids = m.ids();
        arrive();
        advance();
        return this;
    }

    private Behavior<Command> onDrive(Drive m) {
        if (setup.timing().free()) inbox[m.slot()].offerLate(m.time(), m.horizon(), m.values());
        else inbox[m.slot()].offer(m.time(), m.horizon(), m.values());
        advance();
        return this;
    }

    private Behavior<Command> onDriveBlock(DriveBlock m) {
        inbox[m.slot()].offerBlock(m.times(), m.values(), m.horizon());
        advance();
        return this;
    }

    private Behavior<Command> onClock(Clock m) {
        inbox[m.slot()].promise(m.horizon());
        advance();
        return this;
    }

    private Behavior<Command> onTarget(Target m) {
        for (int k = 0; k < size; k++) if (setup.outputIndex()[k] == m.output()) targets[k].addLast(m);
        advance();
        return this;
    }

    /** Takes as many steps as the inputs allow. */
    private void advance() {
        if (synapses == null) return;
        while (!halted && t < endTime && inputsKnownThrough(t - lag)) {
            for (int k = 0; k < size; k++) { // only outputs feel the cost, each on its own nudge clock
                if (targets[k] == null) continue;
                NudgeSchedule clock = setup.nudgeClocks()[k];
                betaRe[k] = clock.betaAtStep(t);
                betaIm[k] = clock.betaImAtStep(t);
                stepTargets[k] = null;
                if (betaRe[k] != 0.0 || betaIm[k] != 0.0) {
                    long episode = clock.episodeOfStep(t);
                    stepTargets[k] = targetFor(k, episode);
                    if (stepTargets[k] == null) return;
                    if (setup.clamp() != null && clampedEpisode[k] != episode) fixClamp(k, episode);
                }
            }
            for (int k = 0; k < inbox.length; k++) {
                if (inbox[k].advanceTo(t)) {
                    double[] now = inbox[k].current();
                    double[] before = applied[k];
                    // two plain loops, no test per entry (x − 0.0 = x, so the same bits)
                    if (before == null) for (int b = 0; b < sum.length; b++) sum[b] += now[b];
                    else for (int b = 0; b < sum.length; b++) sum[b] += now[b] - before[b];
                    applied[k] = now;
                }
            }
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
                if (t == relaxation.nextStep()) measureResidual();
                if (t > holdThrough) { // during a reset's hold the drives in force were sent before it (ResetHold)
                    int batch = setup.batch();
                    for (int k = 0; k < size; k++) {
                        double[] target = stepTargets[k];
                        if (target != null && setup.clamp() != null) {
                            System.arraycopy(clamped[k], 0, s, k * row, row); // the rule clamps the output (CHL, coupled learning)
                        } else if (!setup.timing().update().updates(setup.units()[k], t)) {
                            continue; // it holds its state
                        } else if (target == null && !dynamics.isNoisy()) {
                            dynamics.freeSteps(s, k * batch, (k + 1) * batch, sum, bias[k], rhoNow); // the relaxation's hot loop, in one call
                        } else {
                            for (int b = 0; b < batch; b++) {
                                double noise = dynamics.isNoisy() ? setup.noise()[k].nextGaussian() : 0.0;
                                dynamics.step(s, k * batch + b, sum, bias[k], betaRe[k], betaIm[k], target == null ? 0.0 : target[b], noise, rhoNow);
                            }
                        }
                    }
                }
            }
            relaxation.passed(t);
            t++;
            scan = 0;
            arrive();
        }
    }

    /**
     * The last step of a phase: each unit's residual |ds/dt| per example, from the field, β and
     * target this step uses (the noise left out), before the step is taken. A clamped output has none.
     */
    private void measureResidual() {
        int batch = setup.batch();
        for (int k = 0; k < size; k++) {
            double[] target = stepTargets[k];
            if (target != null && setup.clamp() != null) continue;
            for (int b = 0; b < batch; b++) {
                relaxation.record(b, dynamics.residual(s, k * batch + b, sum, bias[k], betaRe[k], betaIm[k],
                        target == null ? 0.0 : target[b], rhoNow));
            }
        }
    }

    /** Every input link is known through {@code time}; resumes the scan at the link that blocked last. */
    private boolean inputsKnownThrough(long time) {
        while (scan < inbox.length) {
            if (inbox[scan].knownThrough() < time) return false;
            scan++;
        }
        return true;
    }

    /** The clamp of output k for this episode, fixed from its state as the clamped phase begins (the free state). */
    private void fixClamp(int k, long episode) {
        if (clamped[k] == null) clamped[k] = new double[row];
        for (int b = 0; b < row; b++) clamped[k][b] = setup.clamp().value(s[k * row + b], stepTargets[k][b], betaRe[k]);
        clampedEpisode[k] = episode;
    }

    private double[] targetFor(int k, long episode) {
        ArrayDeque<Target> q = targets[k];
        while (!q.isEmpty() && q.peekFirst().episode() < episode) q.pollFirst();
        Target first = q.peekFirst();
        return first != null && first.episode() == episode ? first.values() : null;
    }

    /** The unit is at state time t: learn, report, tell the synapses. */
    private void arrive() {
        for (int i = 0; i < s.length; i++) {
            if (!(Math.abs(s[i]) < BLOW_UP)) {
                halted = true;
                probe.tell(new ProbeActor.Diverged("unit " + setup.units()[i / row], t, s[i]));
                return;
            }
        }
        if (t == recordAt) {
            monitor.record(s);
            recordAt = monitor.next();
        }
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
            for (int k = 0; k < size; k++) {
                if (targets[k] != null) teacher.tell(new TeacherActor.FreeOutput(setup.outputIndex()[k], e, realParts(k)));
            }
            nextFreeSample = e + 1 < schedule.episodes() ? schedule.freeSampleTime(e + 1) : Long.MAX_VALUE;
        }
        outbox.offer(t, rho);
        if (t == endTime) {
            if (log != null) log.flush();
            if (monitor != null) probe.tell(monitor.report(Arrays.stream(monitor.positions()).map(k -> setup.units()[k]).toArray(), false));
            probe.tell(new ProbeActor.Relaxation(relaxation.stats())); // before the UnitFinals: the probe has it when they are all in
            for (int k = 0; k < size; k++) { // the slice's message counts go with its first unit
                probe.tell(new ProbeActor.UnitFinal(setup.units()[k], realParts(k), bias[k], setup.biasRules()[k].lastGradient(),
                        k == 0 ? sent : MessageKind.counters()));
            }
        }
    }

    /** Tells every synapse what the {@link StateOutbox} decided, counts it and traces it. */
    private final class ToSynapses implements Transmitter {
        @Override
        public void value(long sentAt, long time, long horizon, double[] rho) {
            tellSynapses(new SynapseActor.State(setup.units()[0], time, horizon, rho), MessageKind.STATE, sentAt, time, rho.length);
        }

        @Override
        public void window(long sentAt, long[] times, double[][] values, long horizon) {
            tellSynapses(new SynapseActor.StateBlock(setup.units()[0], times, values, horizon), MessageKind.STATE, sentAt, times[0],
                    times.length * values[0].length);
        }

        @Override
        public void clock(long sentAt, long horizon) {
            tellSynapses(new SynapseActor.Clock(setup.units()[0], horizon), MessageKind.STATE_CLOCK, sentAt, horizon, 0);
        }

        /** Sends one message to every synapse, counts it, and traces it (sent at {@code sentAt}, valid from {@code from}). */
        private void tellSynapses(SynapseActor.Command m, MessageKind kind, long sentAt, long from, int doubles) {
            for (ActorRef<SynapseActor.Command> syn : synapses) syn.tell(m);
            sent[kind.ordinal()] += synapses.size();
            if (log != null) for (int id : ids) log.record(kind, id, sentAt, from, doubles);
        }
    }

    /** The physical (real) part of unit k's state, one entry per example. */
    private double[] realParts(int k) {
        double[] re = new double[setup.batch()];
        for (int b = 0; b < re.length; b++) re[b] = s[k * row + components * b];
        return re;
    }
}
