package io.synaptor.actors;

import io.synaptor.network.DenoisingBatches;
import io.synaptor.network.ProtocolSlice;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

import java.util.List;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The experimenter of a run on the common actors that is not an EqProp {@link SimulationSpec}: the
 * run's root, it sets up the apparatus (the probe, the unit and synapse actors with their models) and
 * then, for a protocol-learning run (seed 001; {@link ProtocolRun}), hands each oscillator
 * ({@link ProtocolSlice}) its coordinate of the noised minibatches (at most {@link #WINDOW} ahead of the
 * slowest), reads back each oscillator's share of the loss (a probe, off the learning path: oscillators
 * and couplings learn from what they measure themselves) and tells the probe each minibatch's loss. A
 * share that is not finite — a protocol that left the finite numbers — is reported as a divergence.
 * Without minibatches ({@link TrapRun}, a sampling run) each report a unit sends is an episode of its own.
 */
final class ProtocolDriver extends AbstractBehavior<ProtocolDriver.Command> {

    sealed interface Command permits Reported {
    }

    /** oscillator → driver (through the teacher-side adapter): its share of a minibatch's loss. */
    record Reported(TeacherActor.Command message) implements Command {
    }

    /** Minibatches the data may run ahead of the slowest oscillator. */
    static final int WINDOW = 2;

    /**
     * @param spawn   sets up the apparatus in this actor's context, its reports going to the given ref
     * @param batches  the minibatches (null: none, and each report is an episode)
     * @param steps    minibatches to present
     * @param episodes episodes the probe expects: the minibatches, or the reports without them
     * @param period  steps per minibatch ({@link ProtocolSlice#period})
     * @param log     where to trace the data messages, or null
     */
    static Behavior<Command> create(Function<ActorContext<?>, Function<ActorRef<TeacherActor.Command>, Apparatus>> spawn,
                                    DenoisingBatches batches, long steps, long episodes, int period, TraceSink.Log log) {
        return Behaviors.setup(ctx -> new ProtocolDriver(ctx, spawn, batches, steps, episodes, period, log));
    }

    private final DenoisingBatches batches;
    private final long steps;
    private final long episodes;
    private final int period;
    private final TraceSink.Log log;
    private final List<ActorRef<UnitActor.Command>> oscillators;
    private final ActorRef<ProbeActor.Command> probe;
    private final TreeMap<Long, double[]> losses = new TreeMap<>();
    private final TreeMap<Long, Integer> reported = new TreeMap<>();
    private final long[] sent = MessageKind.counters();
    private long presented;
    private long completed;
    private int epoch;

    private ProtocolDriver(ActorContext<Command> ctx, Function<ActorContext<?>, Function<ActorRef<TeacherActor.Command>, Apparatus>> spawn,
                           DenoisingBatches batches, long steps, long episodes, int period, TraceSink.Log log) {
        super(ctx);
        this.batches = batches;
        this.steps = steps;
        this.episodes = episodes;
        this.period = period;
        this.log = log;
        Apparatus a = spawn.apply(ctx).apply(ctx.messageAdapter(TeacherActor.Command.class, Reported::new));
        this.oscillators = a.units();
        this.probe = a.probe();
        while (presented < Math.min(steps, WINDOW)) present();
        if (episodes == 0) finish();
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder().onMessage(Reported.class, this::onReported).build();
    }

    private void present() {
        DenoisingBatches.Batch b = batches.next();
        long start = presented * period;
        for (int i = 0; i < oscillators.size(); i++) {
            double[] data = ProtocolSlice.data(b.x()[i], b.target()[i], b.t(), b.weight());
            oscillators.get(i).tell(new UnitActor.Target(i, presented, data));
            sent[MessageKind.TARGET.ordinal()]++;
            if (log != null) log.record(MessageKind.TARGET, i, start, start, data.length);
        }
        presented++;
    }

    private Behavior<Command> onReported(Reported r) {
        if (!(r.message() instanceof TeacherActor.FreeOutput m)) return this;
        if (batches == null) { // no minibatches: each report is an episode
            probe.tell(new ProbeActor.EpisodeResult(completed, 0, false, m.state()[0], 0, 1, new int[0], new int[0]));
            if (++completed == episodes) finish();
            return this;
        }
        losses.computeIfAbsent(m.episode(), k -> new double[oscillators.size()])[m.output()] = m.state()[0];
        reported.merge(m.episode(), 1, Integer::sum);
        while (!reported.isEmpty() && reported.firstKey() == completed && reported.firstEntry().getValue() == oscillators.size()) {
            reported.pollFirstEntry();
            double[] shares = losses.pollFirstEntry().getValue();
            double loss = 0;
            for (int i = 0; i < shares.length; i++) { // in oscillator order: the reference's sum
                if (!Double.isFinite(shares[i])) {
                    probe.tell(new ProbeActor.Diverged("the protocol of oscillator " + i + " (training step " + completed + ")",
                            (completed + 1) * period + 1, shares[i]));
                    return this;
                }
                loss += shares[i];
            }
            if (completed > 0 && completed % batches.batchesPerEpoch() == 0) epoch++;
            probe.tell(new ProbeActor.EpisodeResult(completed, epoch, true, loss, 0, batches.batchSize(), new int[0], new int[0]));
            completed++;
            if (presented < steps) present();
            if (completed == steps) finish();
        }
        return this;
    }

    private void finish() {
        if (log != null) log.flush();
        probe.tell(new ProbeActor.SourceFinal(sent));
    }
}
