package io.synaptor.actors;

import io.synaptor.scheduler.LinkDelay;
import io.synaptor.scheduler.OutgoingLink;
import io.synaptor.scheduler.TimedInbox;
import io.synaptor.scheduler.Transmitter;
import io.synaptor.synapses.SynapseModel;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * One synapse (i, j) at unit granularity, or at block granularity the block of synapses between a
 * slice I of one layer and a slice J of the next (DESIGN.md, "Granularity": the same protocol with
 * longer vectors). It hears the values of both ends and sends each free end its drive — W·ρ(other),
 * a matrix product for a block of EqProp weights — stamped with the other end's send time plus the
 * link delay (DESIGN.md, "The protocol"). What a drive is and how the weights learn is the
 * {@link SynapseModel} it hosts ({@link io.synaptor.synapses.RuleBlock} for EqProp); the actor adds
 * the time protocol around it.
 *
 * <p>Virtual time, conservatively: the synapse handles each direction's events (a new value at one
 * end, a learning-rule sample) in time order, and a sample at τ only once both ends are known through
 * τ. The learning rule therefore sees ρ_i and ρ_j of the same instant, from its own clock alone;
 * between samples W is fixed, and a value of one end goes on at once, whatever the other end's clock.
 * A drive carries a horizon — how long it surely holds: until the other end's value changes or
 * the rule may move W — so a clamped input's drive is sent once per episode, not once per step;
 * when the horizon grows without a new value, a clock message says so. A link may jitter or lose
 * values ({@link LinkDelay}); the synapse then holds a new value back until it is sure to arrive.
 * What goes when, with which horizon, is decided in the scheduler ({@link OutgoingLink}); the actor tells it.
 *
 * <p>Free-running mode (wall-clock asynchrony) drops the ordering: each value is passed on as it
 * comes, stamped with its send time plus the delay, and the rule samples each end at its own
 * sample time — the value in force there — learning as soon as both ends have passed it.
 */
public final class SynapseActor extends AbstractBehavior<SynapseActor.Command> {

    public sealed interface Command extends WireMessage permits State, StateBlock, Clock, Wake {
    }

    /** cluster coordinator → block entity: be created (sharding starts an entity with its first message); nothing else. */
    public record Wake() implements Command {
    }

    /** unit → synapse: ρ(s) of {@code unit} valid from {@code time}, known through {@code horizon}. */
    public record State(int unit, long time, long horizon, double[] rho) implements Command {
    }

    /** unit → synapse: a window of states — value k from times[k] until the next one, the last through {@code horizon}. */
    public record StateBlock(int unit, long[] times, double[][] rho, long horizon) implements Command {
    }

    /** unit → synapse: {@code unit}'s value is unchanged through {@code horizon}. */
    public record Clock(int unit, long horizon) implements Command {
    }

    /**
     * The two ends (slices) of this block as the builder wires them: their units, the slices' refs
     * (null for a clamped input slice) and this block's slot at each. Messages name a slice by its
     * first unit.
     */
    public record Ends(int[] unitsI, ActorRef<UnitActor.Command> refI, int slotI,
                       int[] unitsJ, ActorRef<UnitActor.Command> refJ, int slotJ) {
        int unitI() {
            return unitsI[0];
        }

        int unitJ() {
            return unitsJ[0];
        }
    }

    /**
     * @param model   the synapses' model: drives and learning
     * @param toI     the link from this synapse to end i (its delay, jitter and loss); {@code toJ} likewise
     * @param monitor which of the block's weights to record ({@link Monitor}), or null for none
     */
    public static Behavior<Command> create(int id, Ends ends, SynapseModel model, LinkDelay toI, LinkDelay toJ,
                                           int window, long endTime, ActorRef<ProbeActor.Command> probe, TraceSink.Log log,
                                           boolean free, StateMonitor monitor) {
        return Behaviors.setup(ctx -> new SynapseActor(ctx, id, ends, model, toI, toJ, window, endTime, probe, log, free, monitor));
    }

    private final int id;
    private final Ends ends;
    private final SynapseModel model;
    private final long endTime;
    private final ActorRef<ProbeActor.Command> probe;
    private final TimedInbox<double[]> inI = new TimedInbox<>(-1);
    private final TimedInbox<double[]> inJ;   // a lateral block's one end is both: inI itself
    private final boolean lateral;
    private final int window;
    private final boolean free;
    private long knownI = -1; // free-running: how far each end has told us it got
    private long knownJ = -1;
    private final Past pastI = new Past();
    private final Past pastJ;
    private final TraceSink.Log log;
    private final Outgoing toI;
    private final Outgoing toJ;
    private long nextSample;
    private long nextUpdate;
    private boolean finished;
    private final long[] sent = MessageKind.counters();
    private final StateMonitor monitor;

    private SynapseActor(ActorContext<Command> ctx, int id, Ends ends, SynapseModel model, LinkDelay linkI, LinkDelay linkJ,
                         int window, long endTime, ActorRef<ProbeActor.Command> probe, TraceSink.Log log, boolean free,
                         StateMonitor monitor) {
        super(ctx);
        this.monitor = monitor;
        this.free = free;
        this.log = log;
        this.window = window;
        this.id = id;
        this.ends = ends;
        // A block inside one slice (lateral couplings) hears one value and sends one drive, (W + Wᵀ)ρ, on its one slot.
        this.lateral = ends.unitI() == ends.unitJ();
        this.inJ = lateral ? inI : new TimedInbox<>(-1);
        this.pastJ = lateral ? pastI : new Past();
        this.model = model;
        this.endTime = endTime;
        this.probe = probe;
        this.toI = ends.refI() == null ? null : new Outgoing(ends.refI(), ends.unitI(), ends.slotI(), linkI, inJ, true);
        this.toJ = ends.refJ() == null || lateral ? null : new Outgoing(ends.refJ(), ends.unitJ(), ends.slotJ(), linkJ, inI, false);
        this.nextSample = model.nextSampleTime(0);
        this.nextUpdate = model.nextUpdateTime(0);
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(State.class, this::onState)
                .onMessage(StateBlock.class, this::onStateBlock)
                .onMessage(Clock.class, this::onClock)
                .onMessage(Wake.class, m -> this)
                .build();
    }

    private Behavior<Command> onState(State m) {
        if (free) {
            freeValue(m.unit() == ends.unitI(), m.time(), m.horizon(), m.rho());
            return this;
        }
        inbox(m.unit()).offer(m.time(), m.horizon(), m.rho());
        pump();
        return this;
    }

    private Behavior<Command> onStateBlock(StateBlock m) {
        inbox(m.unit()).offerBlock(m.times(), m.rho(), m.horizon());
        pump();
        return this;
    }

    private Behavior<Command> onClock(Clock m) {
        if (free) {
            freeValue(m.unit() == ends.unitI(), m.horizon(), m.horizon(), null);
            return this;
        }
        inbox(m.unit()).promise(m.horizon());
        pump();
        return this;
    }

    private TimedInbox<double[]> inbox(int unit) {
        if (unit == ends.unitI()) return inI;
        if (unit == ends.unitJ()) return inJ;
        throw new IllegalStateException("synapse " + id + " got a message from unit " + unit);
    }

    /**
     * Handles what the ends' values allow, each direction in time order. W only moves at a sample, and
     * a sample waits for both ends; before it W is fixed, so a value of one end goes on to the other as
     * soon as it is known — it need not wait for the other end's value of the same step. Across nodes
     * that halves the critical path of a step at link delay 1: a drive crosses once a step, not a state
     * there and a drive back (docs/cluster.md, "A step's critical path across the nodes"). The drives
     * are the same values either way.
     */
    private void pump() {
        if (finished) return;
        while (true) {
            long fixed = Math.min(nextSample - 1, endTime); // W holds through here: no sample pending before
            long tI = ready(inI, fixed);
            long tJ = lateral ? tI : ready(inJ, fixed); // a lateral block's one end is both
            if (tI == tJ && tI != Long.MAX_VALUE) {
                process(tI); // both ends moved at once: one pass over the block
            } else if (tI < tJ) {
                forward(tI, inI, toJ);
            } else if (tJ < tI) {
                forward(tJ, inJ, toI);
            } else if (nextSample <= endTime && inI.knownThrough() >= nextSample && inJ.knownThrough() >= nextSample) {
                process(nextSample);
            } else {
                break;
            }
        }
        // Each direction has handled everything through its end's horizon, or up to the pending sample.
        long learned = nextSample > endTime ? Long.MAX_VALUE : nextSample - 1;
        if (toI != null && toI.started()) toI.publish(Math.min(inJ.knownThrough(), learned));
        if (toJ != null && toJ.started()) toJ.publish(Math.min(inI.knownThrough(), learned));
        if (Math.min(inI.knownThrough(), inJ.knownThrough()) >= endTime
                && Math.min(Math.min(inI.nextPendingTime(), inJ.nextPendingTime()), nextSample) > endTime) {
            finish();
        }
    }

    /** The time of an end's next value if it can be handled now (known, and before W may move), else Long.MAX_VALUE. */
    private static long ready(TimedInbox<double[]> in, long fixed) {
        long t = in.nextPendingTime();
        return t <= fixed && t <= in.knownThrough() ? t : Long.MAX_VALUE;
    }

    /** One end's value from τ, before the next sample: the other end's drive changes (W is fixed until then). */
    private void forward(long tau, TimedInbox<double[]> in, Outgoing out) {
        in.advanceTo(tau);
        if (out == null) return;
        out.handled(tau);
        out.change(tau, out.drive(tau, in.current()));
    }

    /**
     * Free-running: end i (or j) says its value is {@code rho} from {@code time} (null: unchanged) and
     * that it got through {@code horizon}. Learn at every sample time both ends have passed, from the
     * values in force there, and pass the value on.
     */
    private void freeValue(boolean fromI, long time, long horizon, double[] rho) {
        if (finished) return;
        if (rho != null) (fromI ? pastI : pastJ).add(time, rho);
        if (fromI || lateral) knownI = Math.max(knownI, horizon);
        if (!fromI || lateral) knownJ = Math.max(knownJ, horizon);
        learnFree();
        Outgoing out = fromI && !lateral ? toJ : toI;
        if (out != null) {
            if (rho != null) out.link.freeSend(time, horizon, out.drive(time, rho));
            else out.link.freeClock(horizon);
        }
        if (knownI >= endTime && knownJ >= endTime && nextSample > endTime) finish();
    }

    private void learnFree() {
        while (nextSample <= Math.min(knownI, knownJ) && nextSample <= endTime) {
            long tau = nextSample;
            boolean moved = learn(tau, pastI.at(tau), pastJ.at(tau));
            pastI.forgetBefore(tau);
            pastJ.forgetBefore(tau);
            nextSample = model.nextSampleTime(tau + 1);
            if (moved) {
                // Every value already passed on with the old weight goes again with the new one.
                if (toI != null) pastJ.resend(toI, tau);
                if (toJ != null) pastI.resend(toJ, tau);
            }
        }
    }

    /** Free-running: one end's recent values with the times they took effect, back to the next sample time. */
    private final class Past {
        private record Value(long time, double[] rho) {
        }

        private final java.util.ArrayDeque<Value> values = new java.util.ArrayDeque<>();

        void add(long time, double[] value) {
            values.addLast(new Value(time, value));
        }

        /** The value in force at τ. */
        double[] at(long tau) {
            var it = values.descendingIterator();
            while (it.hasNext()) {
                Value v = it.next();
                if (v.time() <= tau) return v.rho();
            }
            return values.peekFirst().rho();
        }

        /** Passes every value on again, from τ on, with the current weight. */
        void resend(Outgoing out, long tau) {
            for (Value v : values) {
                long from = Math.max(v.time(), tau);
                out.link.freeSend(from, from, out.drive(from, v.rho()));
            }
        }

        /** Drops what no later time can need: everything but the last value in force at τ. */
        void forgetBefore(long tau) {
            while (values.size() > 1) {
                var it = values.iterator();
                it.next();
                if (it.next().time() > tau) break;
                values.pollFirst();
            }
        }
    }

    /** The model learns from both ends' values at τ; true if a drive changes. A weight that stops being finite is reported. */
    private boolean learn(long tau, double[] valueI, double[] valueJ) {
        if (monitor != null) recordWeightsBefore(tau); // W only moves here: what it was before τ holds at every earlier record time
        boolean moved = model.learn(tau, valueI, valueJ);
        if (model.diverged() >= 0) {
            for (int k = 0; k < model.cells(); k++) {
                double w = model.weight(k);
                if (!Double.isFinite(w)) {
                    probe.tell(new ProbeActor.Diverged("synapse " + model.coupling(k) + " (" + ends.unitsI()[model.cellI(k)] + "–"
                            + ends.unitsJ()[model.cellJ(k)] + ")", tau, w));
                }
            }
        }
        return moved;
    }

    /** Records the weights at the monitor's record times before τ (they held since the last sample). */
    private void recordWeightsBefore(long tau) {
        monitor.recordBefore(tau, model::weight);
    }

    /** The block is done: its trace goes out, then its couplings' final reports, in a few messages (the block's message counts with the first). */
    private void finish() {
        finished = true;
        if (log != null) log.flush();
        boolean first = true;
        if (monitor != null) {
            recordWeightsBefore(endTime + 1);
            probe.tell(monitor.report(java.util.Arrays.stream(monitor.positions()).map(model::coupling).toArray(), true));
        }
        for (int from = 0; from < model.cells(); from += ProbeActor.FINALS_PER_MESSAGE) {
            int n = Math.min(ProbeActor.FINALS_PER_MESSAGE, model.cells() - from);
            int[] ids = new int[n];
            double[] w = new double[n];
            double[] g = new double[n];
            for (int k = 0; k < n; k++) {
                ids[k] = model.coupling(from + k);
                w[k] = model.weight(from + k);
                g[k] = model.lastGradient(from + k);
            }
            probe.tell(new ProbeActor.SynapseFinal(ids, w, g, first ? sent : MessageKind.counters()));
            first = false;
        }
    }

    private void process(long tau) {
        boolean changedI = inI.advanceTo(tau);
        boolean changedJ = lateral ? changedI : inJ.advanceTo(tau);
        boolean moved = false;
        if (tau == nextSample) {
            moved = learn(tau, inI.current(), inJ.current());
            nextSample = model.nextSampleTime(tau + 1);
            nextUpdate = model.nextUpdateTime(tau + 1);
        }
        if (toI != null) toI.handled(tau);
        if (toJ != null) toJ.handled(tau);
        boolean newI = toI != null && (changedJ || moved);
        boolean newJ = toJ != null && (changedI || moved);
        if (newI && newJ) { // both directions from one pass over the block
            double[][] both = model.drives(tau, inI.current(), inJ.current());
            toI.change(tau, both[0]);
            toJ.change(tau, both[1]);
        } else if (newI) {
            toI.change(tau, toI.drive(tau, inJ.current()));
        } else if (newJ) {
            toJ.change(tau, toJ.drive(tau, inI.current()));
        }
    }

    /**
     * One outgoing direction: the drive W·ρ(other end) towards one unit, through its link. Its
     * {@link OutgoingLink} decides what goes when and with which horizon; this tells, counts and traces it.
     */
    private final class Outgoing implements Transmitter {
        private final ActorRef<UnitActor.Command> to;
        private final int unit;
        private final int slot;
        private final TimedInbox<double[]> other;
        private final boolean towardsI;
        private final OutgoingLink link;
        private long at = -1; // the last time it handled; −1 before its first

        Outgoing(ActorRef<UnitActor.Command> to, int unit, int slot, LinkDelay link, TimedInbox<double[]> other, boolean towardsI) {
            this.towardsI = towardsI;
            this.to = to;
            this.unit = unit;
            this.slot = slot;
            this.other = other;
            this.link = new OutgoingLink(link, window, endTime, this);
        }

        /** The drive changed at τ (the other end moved, or W did) to {@code drive}. */
        void change(long tau, double[] drive) {
            link.change(tau, holds(), drive);
        }

        /** This direction handled time τ. */
        void handled(long tau) {
            at = tau;
        }

        /** It has handled a value, so it may promise how long the value holds. */
        boolean started() {
            return at >= 0;
        }

        /** After a pump: every event of this direction through {@code frontier} is processed. */
        void publish(long frontier) {
            link.publish(at, frontier, holds());
        }

        /** The drive this direction's unit feels at τ from the other end's value. */
        double[] drive(long tau, double[] otherValue) {
            if (lateral) return model.driveWithin(tau, otherValue);
            return towardsI ? model.driveToI(tau, otherValue) : model.driveToJ(tau, otherValue);
        }

        /** The last send time through which the current value surely stays the value (until the other end changes or W may move). */
        private long holds() {
            return Math.min(other.holdsThrough(), nextUpdate - 1);
        }

        @Override
        public void value(long sentAt, long time, long horizon, double[] value) {
            to.tell(new UnitActor.Drive(slot, time, horizon, value));
            sent[MessageKind.DRIVE.ordinal()]++;
            if (log != null) log.record(MessageKind.DRIVE, unit, sentAt, time, value.length);
        }

        @Override
        public void window(long sentAt, long[] times, double[][] values, long horizon) {
            to.tell(new UnitActor.DriveBlock(slot, times, values, horizon));
            sent[MessageKind.DRIVE.ordinal()]++;
            if (log != null) log.record(MessageKind.DRIVE, unit, sentAt, times[0], times.length * values[0].length);
        }

        @Override
        public void clock(long sentAt, long horizon) {
            to.tell(new UnitActor.Clock(slot, horizon));
            sent[MessageKind.DRIVE_CLOCK.ordinal()]++;
            if (log != null) log.record(MessageKind.DRIVE_CLOCK, unit, sentAt, horizon, 0);
        }
    }
}
