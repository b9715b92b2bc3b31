package io.synaptor.actors;

import io.synaptor.network.LabeledData;
import io.synaptor.network.PhaseSchedule;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

import java.util.List;

/**
 * Clamps the input units to each episode's minibatch. Episode e's clamp holds for its state
 * times (start, start + length] (episode 0 from time 0), so a synapse sampling the nudged state
 * at the episode's last instant still sees that episode's input.
 */
public final class InputSourceActor extends AbstractBehavior<InputSourceActor.Command> {

    public sealed interface Command extends WireMessage permits Start, Progress {
    }

    public record Start() implements Command {
    }

    /** teacher → input source: the outputs have reported this episode's free phase. */
    public record Progress(long episode) implements Command {
    }

    /**
     * @param inputSlices the input slices, and for each the data columns of its units ({@code columns})
     *                    and its actor id (its first unit, for the trace); {@code log} may be null
     */
    public static Behavior<Command> create(PhaseSchedule schedule, LabeledData train, LabeledData test, int window,
                                           List<ActorRef<ClampedUnitActor.Command>> inputSlices, int[][] columns,
                                           int[] inputIds, ActorRef<ProbeActor.Command> probe, TraceSink.Log log) {
        return Behaviors.setup(ctx -> new InputSourceActor(ctx, new EpisodeFeed(schedule, train, test, window), inputSlices,
                columns, inputIds, probe, log));
    }

    private final EpisodeFeed feed;
    private final List<ActorRef<ClampedUnitActor.Command>> inputUnits;
    private final ActorRef<ProbeActor.Command> probe;
    private final long[] sent = MessageKind.counters();

    private final int[] inputIds;
    private final int[][] columns;
    private final TraceSink.Log log;

    private InputSourceActor(ActorContext<Command> ctx, EpisodeFeed feed, List<ActorRef<ClampedUnitActor.Command>> inputUnits,
                             int[][] columns, int[] inputIds, ActorRef<ProbeActor.Command> probe, TraceSink.Log log) {
        super(ctx);
        this.columns = columns;
        this.inputIds = inputIds;
        this.log = log;
        this.feed = feed;
        this.inputUnits = inputUnits;
        this.probe = probe;
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Start.class, m -> {
                    for (long e = 0; e < feed.initial(); e++) clamp(e);
                    return this;
                })
                .onMessage(Progress.class, m -> {
                    long next = feed.after(m.episode());
                    if (next >= 0) clamp(next);
                    return this;
                })
                .build();
    }

    private void clamp(long episode) {
        int[] examples = feed.examples(episode);
        double[][] x = feed.data(episode).x();
        long start = feed.schedule.start(episode);
        long from = episode == 0 ? 0 : start + 1;
        long through = start + feed.schedule.length(episode);
        for (int d = 0; d < inputUnits.size(); d++) {
            int[] cols = columns[d];
            double[] values = new double[cols.length * examples.length];
            for (int k = 0; k < cols.length; k++) {
                for (int b = 0; b < examples.length; b++) values[k * examples.length + b] = x[examples[b]][cols[k]];
            }
            inputUnits.get(d).tell(new ClampedUnitActor.Clamp(from, through, values));
            sent[MessageKind.CLAMP.ordinal()]++;
            if (log != null) log.record(MessageKind.CLAMP, inputIds[d], start, from, values.length);
        }
        if (feed.isLast(episode)) {
            if (log != null) log.flush();
            probe.tell(new ProbeActor.SourceFinal(sent));
        }
    }
}
