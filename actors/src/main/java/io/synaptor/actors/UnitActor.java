package io.synaptor.actors;

import io.synaptor.network.SliceModel;
import io.synaptor.scheduler.StateOutbox;
import io.synaptor.scheduler.TimedInbox;
import io.synaptor.scheduler.Timing;
import io.synaptor.scheduler.Transmitter;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;

/**
 * A population slice of free units (hidden or output) — one unit at unit granularity, a block of a
 * layer at block granularity (DESIGN.md, "Granularity": the same messages, longer vectors). It
 * integrates ds/dt = −∂F/∂s for its units on its own clock, one minibatch vector per unit, and
 * tells its synapses ρ(s) after every step (DESIGN.md, "The protocol"). Every vector holds the
 * slice's units one after the other, each as its minibatch.
 *
 * <p>What the slice does at each step — for EqProp the nudges, clamps, resets, centered EP's return
 * to the free state, the step itself, the biases' learning ({@link io.synaptor.network.SliceEpisode});
 * for driven oscillators their protocol ({@link io.synaptor.network.ProtocolSlice}) — is the
 * {@link SliceModel} this actor hosts; the actor adds the time protocol around it.
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

    /**
     * teacher → unit: the data of stream {@code output} for one episode — EqProp's target of an output
     * (β(t) is read from the schedule), a driven oscillator's coordinate of a minibatch.
     */
    public record Target(int output, long episode, double[] values) implements Command {
    }

    /** builder → unit: the synapses to tell, in slot order, with their actor ids (for the trace); the unit starts on receiving it. */
    public record Connect(List<ActorRef<SynapseActor.Command>> synapses, int[] ids) implements Command {
    }

    /**
     * What a slice is, as the builder sets it up: its model, the number of links that drive it, and
     * the timing (free-running lag, send-on-delta, windows).
     */
    public record Setup(SliceModel model, int slots, Timing timing) {
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
    private final SliceModel model;
    private final long endTime;
    private final ActorRef<ProbeActor.Command> probe;
    private final TimedInbox<double[]>[] inbox;
    private final double[][] applied;
    private final double[] sum;
    private final double[] s;
    private final int size;
    private final int row;                      // entries per unit: components × batch
    private final int[] streams;                // per unit of the slice: its data stream, or −1
    private final ArrayDeque<Target>[] targets; // per unit of the slice (those with a stream only)
    private final SliceModel.Inputs inputs = this::inputFor; // made once: no allocation per step
    private final SliceModel.Reports reports;   // to the teacher
    private List<ActorRef<SynapseActor.Command>> synapses;
    private long t;
    private int scan;
    private boolean halted;
    private final long[] sent = MessageKind.counters();
    private final TraceSink.Log log;
    private int[] ids;
    private final int lag;
    private final StateOutbox outbox; // what to tell the synapses at each state time (send-on-delta, windows)
    private final StateMonitor monitor;
    private long recordAt = Long.MAX_VALUE; // the monitor's next record time (never, without one)

    @SuppressWarnings({"unchecked", "rawtypes"}) // generic arrays: fast indexing on the hot path
    private UnitActor(ActorContext<Command> ctx, Setup setup, ActorRef<TeacherActor.Command> teacher,
                      ActorRef<ProbeActor.Command> probe, TraceSink.Log log, StateMonitor monitor) {
        super(ctx);
        this.log = log;
        this.monitor = monitor;
        if (monitor != null) recordAt = monitor.next();
        this.setup = setup;
        this.model = setup.model();
        this.lag = Math.max(0, setup.timing().freeLag());
        this.endTime = model.endTime();
        this.outbox = new StateOutbox(setup.timing(), endTime, new ToSynapses());
        this.reports = (stream, e, values) -> teacher.tell(new TeacherActor.FreeOutput(stream, e, values));
        this.probe = probe;
        this.inbox = new TimedInbox[setup.slots()];
        for (int k = 0; k < inbox.length; k++) inbox[k] = new TimedInbox<>(-1);
        this.applied = new double[setup.slots()][];
        this.size = model.units().length;
        this.row = model.row();
        this.sum = new double[model.fieldLength()];
        this.s = model.state();
        this.streams = new int[size];
        this.targets = new ArrayDeque[size];
        for (int k = 0; k < size; k++) {
            streams[k] = model.stream(k);
            if (streams[k] >= 0) targets[k] = new ArrayDeque<>();
        }
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
        for (int k = 0; k < size; k++) if (streams[k] == m.output()) targets[k].addLast(m);
        advance();
        return this;
    }

    /** Takes as many steps as the inputs allow. */
    private void advance() {
        if (synapses == null) return;
        while (!halted && t < endTime && inputsKnownThrough(t - lag)) {
            if (!model.ready(t, inputs)) return; // e.g. a nudged output waits for its target
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
            model.step(t, sum);
            t++;
            scan = 0;
            arrive();
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

    private double[] inputFor(int stream, long episode) {
        int k = 0;
        while (streams[k] != stream) k++;
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
                probe.tell(new ProbeActor.Diverged(model.describe(i / row), t, s[i]));
                return;
            }
        }
        if (t == recordAt) {
            monitor.record(s);
            recordAt = monitor.next();
        }
        double[] value = model.arrive(t, reports);
        outbox.offer(t, value, model.holdsThrough(t));
        if (t == endTime) {
            if (log != null) log.flush();
            if (monitor != null) probe.tell(monitor.report(Arrays.stream(monitor.positions()).map(k -> model.units()[k]).toArray(), false));
            probe.tell(new ProbeActor.Relaxation(model.relaxation())); // before the UnitFinals: the probe has it when they are all in
            for (int k = 0; k < size; k++) { // the slice's message counts go with its first unit
                probe.tell(new ProbeActor.UnitFinal(model.units()[k], model.realParts(k), model.bias(k), model.lastBiasGradient(k),
                        k == 0 ? sent : MessageKind.counters()));
            }
        }
    }

    /** Tells every synapse what the {@link StateOutbox} decided, counts it and traces it. */
    private final class ToSynapses implements Transmitter {
        @Override
        public void value(long sentAt, long time, long horizon, double[] rho) {
            tellSynapses(new SynapseActor.State(model.units()[0], time, horizon, rho), MessageKind.STATE, sentAt, time, rho.length);
        }

        @Override
        public void window(long sentAt, long[] times, double[][] values, long horizon) {
            tellSynapses(new SynapseActor.StateBlock(model.units()[0], times, values, horizon), MessageKind.STATE, sentAt, times[0],
                    times.length * values[0].length);
        }

        @Override
        public void clock(long sentAt, long horizon) {
            tellSynapses(new SynapseActor.Clock(model.units()[0], horizon), MessageKind.STATE_CLOCK, sentAt, horizon, 0);
        }

        /** Sends one message to every synapse, counts it, and traces it (sent at {@code sentAt}, valid from {@code from}). */
        private void tellSynapses(SynapseActor.Command m, MessageKind kind, long sentAt, long from, int doubles) {
            for (ActorRef<SynapseActor.Command> syn : synapses) syn.tell(m);
            sent[kind.ordinal()] += synapses.size();
            if (log != null) for (int id : ids) log.record(kind, id, sentAt, from, doubles);
        }
    }
}
