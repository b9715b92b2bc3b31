package io.synaptor.actors;

import io.synaptor.neurons.Activation;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

import java.util.ArrayList;
import java.util.List;

/**
 * An input unit, or at block granularity a slice of the input layer: its state is clamped to the
 * data, so it has no dynamics and needs no drives. It passes each clamp on to its synapses as
 * ρ(x), with the clamp's horizon, so that a clamped value costs one message per episode however many
 * steps the episode lasts. In a complex network (holomorphic EP) it sends ρ(x) + 0i, re/im
 * interleaved. Vectors hold the slice's units one after the other, each as its minibatch.
 */
public final class ClampedUnitActor extends AbstractBehavior<ClampedUnitActor.Command> {

    public sealed interface Command extends WireMessage permits Clamp, Connect, Wake {
    }

    /** cluster coordinator → input entity: be created (sharding starts an entity with its first message); nothing else. */
    public record Wake() implements Command {
    }

    /** input source → input slice: s = values (unit by unit, each its minibatch) from {@code time}, known through {@code horizon}. */
    public record Clamp(long time, long horizon, double[] values) implements Command {
    }

    /** builder → input unit: its synapses and their actor ids (for the trace). */
    public record Connect(List<ActorRef<SynapseActor.Command>> synapses, int[] ids) implements Command {
    }

    /**
     * @param components 1 for real states, 2 for complex ones
     * @param monitor    which of the slice's clamped values to record ({@link Monitor}), or null for none
     */
    static Behavior<Command> create(int[] units, Activation activation, int components, long endTime,
                                    ActorRef<ProbeActor.Command> probe, TraceSink.Log log, StateMonitor monitor) {
        return Behaviors.setup(ctx -> new ClampedUnitActor(ctx, units, activation, components, endTime, probe, log, monitor));
    }

    private final int[] units;
    private final Activation act;
    private final int components;
    private final long endTime;
    private final ActorRef<ProbeActor.Command> probe;
    private final List<Clamp> early = new ArrayList<>();
    private List<ActorRef<SynapseActor.Command>> synapses;
    private final long[] sent = MessageKind.counters();

    private final TraceSink.Log log;
    private int[] ids;
    private final StateMonitor monitor;
    private double[] clamped; // the values in force, for the monitor

    private ClampedUnitActor(ActorContext<Command> ctx, int[] units, Activation act, int components, long endTime,
                             ActorRef<ProbeActor.Command> probe, TraceSink.Log log, StateMonitor monitor) {
        super(ctx);
        this.monitor = monitor;
        this.log = log;
        this.units = units;
        this.act = act;
        this.components = components;
        this.endTime = endTime;
        this.probe = probe;
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Clamp.class, this::onClamp)
                .onMessage(Connect.class, this::onConnect)
                .onMessage(Wake.class, m -> this)
                .build();
    }

    private Behavior<Command> onConnect(Connect m) {
        synapses = m.synapses();
        ids = m.ids();
        for (Clamp c : early) forward(c);
        early.clear();
        return this;
    }

    private Behavior<Command> onClamp(Clamp c) {
        if (synapses == null) early.add(c);
        else forward(c);
        return this;
    }

    private void forward(Clamp c) {
        if (monitor != null) { // the last clamp held until this one; this one holds through its horizon
            if (clamped != null) monitor.recordBefore(c.time(), clamped);
            clamped = c.values();
            if (c.horizon() >= endTime) {
                monitor.recordBefore(endTime + 1, clamped);
                probe.tell(monitor.report(java.util.Arrays.stream(monitor.positions()).map(k -> units[k]).toArray(), false));
            }
        }
        double[] rho = new double[components * c.values().length];
        for (int b = 0; b < c.values().length; b++) rho[components * b] = act.rho(c.values()[b]);
        SynapseActor.State state = new SynapseActor.State(units[0], c.time(), c.horizon(), rho);
        for (ActorRef<SynapseActor.Command> syn : synapses) syn.tell(state);
        sent[MessageKind.STATE.ordinal()] += synapses.size();
        if (log != null) for (int id2 : ids) log.record(MessageKind.STATE, id2, c.time(), c.time(), rho.length);
        if (c.horizon() >= endTime) {
            if (log != null) log.flush();
            int batch = c.values().length / units.length;
            for (int k = 0; k < units.length; k++) { // the slice's message counts go with its first unit
                probe.tell(new ProbeActor.UnitFinal(units[k], java.util.Arrays.copyOfRange(c.values(), k * batch, (k + 1) * batch),
                        0.0, Double.NaN, k == 0 ? sent : MessageKind.counters()));
            }
        }
    }
}
