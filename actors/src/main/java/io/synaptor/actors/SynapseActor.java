package io.synaptor.actors;

import io.synaptor.scheduler.LinkDelay;
import io.synaptor.scheduler.TimedInbox;
import io.synaptor.synapses.LearningRule;
import io.synaptor.synapses.PairwiseCoupling;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * One synapse (i, j): it hears ρ from both ends and sends each free end its drive W·ρ(other),
 * stamped with the other end's send time plus the link delay (DESIGN.md, "The protocol").
 *
 * <p>Virtual time, conservatively: the synapse handles its events (a new value at either end, a
 * learning-rule sample) in time order, and handles time τ only once both ends are known through
 * τ. The learning rule therefore sees ρ_i and ρ_j of the same instant, from its own clock alone.
 * A drive carries a horizon — how long it surely holds: until the other end's value changes or
 * the rule may move W — so a clamped input's drive is sent once per episode, not once per step;
 * when the horizon grows without a new value, a clock message says so.
 */
public final class SynapseActor extends AbstractBehavior<SynapseActor.Command> {

    public sealed interface Command permits State, Clock {
    }

    /** unit → synapse: ρ(s) of {@code unit} valid from {@code time}, known through {@code horizon}. */
    public record State(int unit, long time, long horizon, double[] rho) implements Command {
    }

    /** unit → synapse: {@code unit}'s value is unchanged through {@code horizon}. */
    public record Clock(int unit, long horizon) implements Command {
    }

    /** The two ends of this synapse as the builder wires them; a null ref marks a clamped end. */
    public record Ends(int unitI, ActorRef<UnitActor.Command> refI, int slotI,
                       int unitJ, ActorRef<UnitActor.Command> refJ, int slotJ) {
    }

    public static Behavior<Command> create(int id, Ends ends, double weight, LinkDelay delay, LearningRule rule,
                                           long endTime, ActorRef<ProbeActor.Command> probe) {
        return Behaviors.setup(ctx -> new SynapseActor(ctx, id, ends, weight, delay, rule, endTime, probe));
    }

    private final int id;
    private final Ends ends;
    private final PairwiseCoupling coupling;
    private final LinkDelay delay;
    private final LearningRule rule;
    private final long endTime;
    private final ActorRef<ProbeActor.Command> probe;
    private final TimedInbox<double[]> inI = new TimedInbox<>(-1);
    private final TimedInbox<double[]> inJ = new TimedInbox<>(-1);
    private long nextSample;
    private long nextUpdate;
    private long promisedI = -1;
    private long promisedJ = -1;
    private boolean started;
    private boolean finished;
    private final long[] sent = MessageKind.counters();

    private SynapseActor(ActorContext<Command> ctx, int id, Ends ends, double weight, LinkDelay delay,
                         LearningRule rule, long endTime, ActorRef<ProbeActor.Command> probe) {
        super(ctx);
        this.id = id;
        this.ends = ends;
        this.coupling = new PairwiseCoupling(weight);
        this.delay = delay;
        this.rule = rule;
        this.endTime = endTime;
        this.probe = probe;
        this.nextSample = rule.nextSampleTime(0);
        this.nextUpdate = rule.nextUpdateTime(0);
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(State.class, this::onState)
                .onMessage(Clock.class, this::onClock)
                .build();
    }

    private Behavior<Command> onState(State m) {
        inbox(m.unit()).offer(m.time(), m.horizon(), m.rho());
        pump();
        return this;
    }

    private Behavior<Command> onClock(Clock m) {
        inbox(m.unit()).promise(m.horizon());
        pump();
        return this;
    }

    private TimedInbox<double[]> inbox(int unit) {
        if (unit == ends.unitI()) return inI;
        if (unit == ends.unitJ()) return inJ;
        throw new IllegalStateException("synapse " + id + " got a message from unit " + unit);
    }

    /** Handles every event whose time both ends are known through, in time order. */
    private void pump() {
        if (finished) return;
        while (true) {
            long next = Math.min(Math.min(inI.nextPendingTime(), inJ.nextPendingTime()), nextSample);
            if (next > endTime || inI.knownThrough() < next || inJ.knownThrough() < next) break;
            process(next);
        }
        if (started) {
            if (ends.refI() != null) promisedI = promise(ends.refI(), ends.slotI(), inJ, promisedI);
            if (ends.refJ() != null) promisedJ = promise(ends.refJ(), ends.slotJ(), inI, promisedJ);
        }
        if (Math.min(inI.knownThrough(), inJ.knownThrough()) >= endTime
                && Math.min(Math.min(inI.nextPendingTime(), inJ.nextPendingTime()), nextSample) > endTime) {
            finished = true;
            probe.tell(new ProbeActor.SynapseFinal(id, coupling.weight(), rule.lastGradient(), sent));
        }
    }

    private void process(long tau) {
        boolean changedI = inI.advanceTo(tau);
        boolean changedJ = inJ.advanceTo(tau);
        boolean moved = false;
        if (tau == nextSample) {
            double dw = rule.observe(tau, inI.current(), inJ.current());
            if (dw != 0.0) {
                coupling.add(dw);
                moved = true;
                if (!Double.isFinite(coupling.weight())) {
                    probe.tell(new ProbeActor.Diverged("synapse " + id + " (" + ends.unitI() + "–" + ends.unitJ() + ")",
                            tau, coupling.weight()));
                }
            }
            nextSample = rule.nextSampleTime(tau + 1);
            nextUpdate = rule.nextUpdateTime(tau + 1);
        }
        started = true;
        if (ends.refI() != null && (changedJ || moved)) promisedI = drive(ends.refI(), ends.slotI(), tau, inJ);
        if (ends.refJ() != null && (changedI || moved)) promisedJ = drive(ends.refJ(), ends.slotJ(), tau, inI);
    }

    /** The last time the drive computed from {@code other}'s current value surely holds at the receiver. */
    private long horizon(TimedInbox<double[]> other) {
        long holds = Math.min(other.holdsThrough(), nextUpdate - 1);
        return holds + delay.steps();
    }

    private long drive(ActorRef<UnitActor.Command> to, int slot, long tau, TimedInbox<double[]> other) {
        long h = horizon(other);
        to.tell(new UnitActor.Drive(slot, delay.arrival(tau), h, coupling.drive(other.current())));
        sent[MessageKind.DRIVE.ordinal()]++;
        return h;
    }

    private long promise(ActorRef<UnitActor.Command> to, int slot, TimedInbox<double[]> other, long promised) {
        long h = horizon(other);
        if (h <= promised) return promised;
        to.tell(new UnitActor.Clock(slot, h));
        sent[MessageKind.DRIVE_CLOCK.ordinal()]++;
        return h;
    }
}
