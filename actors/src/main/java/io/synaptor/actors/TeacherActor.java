package io.synaptor.actors;

import io.synaptor.network.EpisodeScore;
import io.synaptor.network.LabeledData;
import io.synaptor.network.PhaseSchedule;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.StashBuffer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The nudge source: it sends each output unit its targets (β(t) itself is on every unit's own
 * clock), and it watches the outputs at the end of each free phase, which is where per-example
 * loss and accuracy come from. It keeps the data a bounded number of episodes ahead of the
 * network (flow control in wall-clock time, never a barrier in virtual time).
 *
 * <p>Its {@link Start} comes from the builder, its {@link FreeOutput}s from the output units: two
 * senders, whose messages Pekko does not order with each other. Under load a report has been seen
 * to arrive first (a finite-relaxation run: a short free phase's first steps need only the initial
 * states, not the clamps that follow the builder's Start); the teacher then failed on it (no outputs
 * yet), stopped, and left the run to the stall watch after 300 s — the intermittent stall of
 * issue 17. It now keeps such reports until Start (a stash).
 */
public final class TeacherActor extends AbstractBehavior<TeacherActor.Command> {

    public sealed interface Command extends WireMessage permits Start, FreeOutput {
    }

    public record Start(List<ActorRef<UnitActor.Command>> outputs) implements Command {
    }

    /** output unit → teacher: its state at the end of an episode's free phase. */
    public record FreeOutput(int output, long episode, double[] state) implements Command {
    }

    /** @param outputIds the output units' ids, in output order (for the trace); {@code log} may be null */
    public static Behavior<Command> create(PhaseSchedule schedule, LabeledData train, LabeledData test, int window,
                                           ActorRef<InputSourceActor.Command> inputs, int[] outputIds,
                                           ActorRef<ProbeActor.Command> probe, TraceSink.Log log) {
        // Before Start at most every output's report of the episodes the data may run ahead, and a margin.
        int early = outputIds.length * (window + 2) + 16;
        return Behaviors.withStash(early, stash -> Behaviors.setup(ctx -> new TeacherActor(ctx, stash,
                new EpisodeFeed(schedule, train, test, window), inputs, outputIds, probe, log)));
    }

    private final StashBuffer<Command> early;
    private final EpisodeFeed feed;
    private final ActorRef<InputSourceActor.Command> inputs;
    private final ActorRef<ProbeActor.Command> probe;
    private final Map<Long, double[][]> pending = new HashMap<>();
    private final Map<Long, Integer> reported = new HashMap<>();
    private final Map<Long, int[]> shown = new HashMap<>();
    private List<ActorRef<UnitActor.Command>> outputs;
    private final long[] sent = MessageKind.counters();

    private final int[] outputIds;
    private final TraceSink.Log log;

    private TeacherActor(ActorContext<Command> ctx, StashBuffer<Command> early, EpisodeFeed feed,
                         ActorRef<InputSourceActor.Command> inputs, int[] outputIds, ActorRef<ProbeActor.Command> probe,
                         TraceSink.Log log) {
        super(ctx);
        this.early = early;
        this.outputIds = outputIds;
        this.log = log;
        this.feed = feed;
        this.inputs = inputs;
        this.probe = probe;
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Start.class, this::onStart)
                .onMessage(FreeOutput.class, this::onFreeOutput)
                .build();
    }

    private Behavior<Command> onStart(Start m) {
        outputs = m.outputs();
        for (long e = 0; e < feed.initial(); e++) sendTargets(e);
        return early.unstashAll(this);
    }

    private void sendTargets(long episode) {
        int[] examples = feed.examples(episode);
        shown.put(episode, examples);
        if (outputs.isEmpty()) { // a network with no outputs (a free-running Langevin network): nothing to wait for or score
            complete(episode, new double[0][]);
            return;
        }
        if (!feed.schedule.isTraining(episode)) return;
        LabeledData train = feed.data(episode);
        for (int o = 0; o < outputs.size(); o++) {
            // the targets, then — for weighted examples — each example's weight (SliceEpisode nudges with β·λ_b)
            double[] y = new double[(train.weighted() ? 2 : 1) * examples.length];
            for (int b = 0; b < examples.length; b++) y[b] = train.y()[examples[b]][o];
            if (train.weighted()) for (int b = 0; b < examples.length; b++) y[examples.length + b] = train.weights()[examples[b]];
            outputs.get(o).tell(new UnitActor.Target(o, episode, y));
            sent[MessageKind.TARGET.ordinal()]++;
            if (log != null) {
                long start = feed.schedule.start(episode);
                log.record(MessageKind.TARGET, outputIds[o], start, start, y.length);
            }
        }
    }

    private Behavior<Command> onFreeOutput(FreeOutput m) {
        if (outputs == null) { // before Start (see the class comment)
            early.stash(m);
            return this;
        }
        double[][] states = pending.computeIfAbsent(m.episode(), e -> new double[outputs.size()][]);
        states[m.output()] = m.state();
        int count = reported.merge(m.episode(), 1, Integer::sum);
        if (count == outputs.size()) complete(m.episode(), states);
        return this;
    }

    private void complete(long episode, double[][] states) {
        pending.remove(episode);
        reported.remove(episode);
        int[] examples = shown.remove(episode);
        boolean training = feed.schedule.isTraining(episode);
        LabeledData data = feed.data(episode);
        int valid = feed.schedule.validCount(episode);
        EpisodeScore score = EpisodeScore.of(states, examples, data, valid);
        probe.tell(new ProbeActor.EpisodeResult(episode, feed.schedule.epochOf(episode), training, score.lossSum(),
                score.correct(), valid, score.predicted(), score.labels()));
        inputs.tell(new InputSourceActor.Progress(episode));
        long next = feed.after(episode);
        if (next >= 0) sendTargets(next);
        if (feed.isLast(episode)) {
            if (log != null) log.flush();
            probe.tell(new ProbeActor.SourceFinal(sent));
        }
    }
}
