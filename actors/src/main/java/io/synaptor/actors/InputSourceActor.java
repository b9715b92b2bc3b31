package io.synaptor.actors;

import io.synaptor.network.ExampleOrder;
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

    public sealed interface Command permits Start, Progress {
    }

    public record Start() implements Command {
    }

    /** teacher → input source: the outputs have reported this episode's free phase. */
    public record Progress(long episode) implements Command {
    }

    public static Behavior<Command> create(PhaseSchedule schedule, LabeledData train, LabeledData test, int window,
                                           List<ActorRef<ClampedUnitActor.Command>> inputUnits,
                                           ActorRef<ProbeActor.Command> probe) {
        return Behaviors.setup(ctx -> new InputSourceActor(ctx, schedule, train, test, window, inputUnits, probe));
    }

    private final PhaseSchedule schedule;
    private final ExampleOrder order;
    private final LabeledData train;
    private final LabeledData test;
    private final int window;
    private final List<ActorRef<ClampedUnitActor.Command>> inputUnits;
    private final ActorRef<ProbeActor.Command> probe;
    private long messages;

    private InputSourceActor(ActorContext<Command> ctx, PhaseSchedule schedule, LabeledData train, LabeledData test,
                             int window, List<ActorRef<ClampedUnitActor.Command>> inputUnits,
                             ActorRef<ProbeActor.Command> probe) {
        super(ctx);
        this.schedule = schedule;
        this.order = new ExampleOrder(schedule);
        this.train = train;
        this.test = test;
        this.window = window;
        this.inputUnits = inputUnits;
        this.probe = probe;
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Start.class, m -> {
                    for (long e = 0; e < Math.min(window, schedule.episodes()); e++) clamp(e);
                    return this;
                })
                .onMessage(Progress.class, m -> {
                    if (m.episode() + window < schedule.episodes()) clamp(m.episode() + window);
                    return this;
                })
                .build();
    }

    private void clamp(long episode) {
        int[] examples = order.examples(episode);
        double[][] x = schedule.isTraining(episode) ? train.x() : test.x();
        long start = schedule.start(episode);
        long from = episode == 0 ? 0 : start + 1;
        long through = start + schedule.length(episode);
        for (int d = 0; d < inputUnits.size(); d++) {
            double[] values = new double[examples.length];
            for (int b = 0; b < values.length; b++) values[b] = x[examples[b]][d];
            inputUnits.get(d).tell(new ClampedUnitActor.Clamp(from, through, values));
            messages++;
        }
        if (episode == schedule.episodes() - 1) probe.tell(new ProbeActor.SourceFinal(messages));
    }
}
