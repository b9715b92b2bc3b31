package io.synaptor.actors;

import io.synaptor.network.RelaxationResidual;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Gathers what the run leaves behind — per-episode results, and every actor's final state,
 * parameters and message count — without being on the hot path: nothing waits for it. The run
 * has ended when every actor has reached the end time on its own clock and said so; there is no
 * barrier and no central synchroniser in the loop.
 *
 * <p>On a divergence report the probe waits a moment for any other unit that blew up earlier in
 * virtual time, then fails the run naming the first.
 */
public final class ProbeActor extends AbstractBehavior<ProbeActor.Command> {

    /** Everything but the probe's own timer ({@link Settle}) is a {@link WireMessage}. */
    public sealed interface Command permits EpisodeResult, UnitFinal, Relaxation, SynapseFinal, SourceFinal, Diverged, Lost, Settle, LostSettled, Recorded {
    }

    /** teacher → probe: one episode's outcome over its real (non-padding) examples. */
    public record EpisodeResult(long episode, int epoch, boolean training, double lossSum, int correct, int count,
                                int[] predicted, int[] labels) implements Command, WireMessage {
    }

    public record UnitFinal(int unit, double[] state, double bias, double biasGradient, long[] sent) implements Command, WireMessage {
    }

    /** unit slice → probe, just before its UnitFinal reports: what its relaxation check measured. */
    public record Relaxation(RelaxationResidual.Stats stats) implements Command, WireMessage {
    }

    /**
     * synapse actor → probe: the final weight and last gradient of up to {@link #FINALS_PER_MESSAGE} of its
     * couplings (a block of 100 × 100 sends three messages, not 10,000).
     */
    public record SynapseFinal(int[] synapses, double[] weights, double[] gradients, long[] sent) implements Command, WireMessage {
    }

    /** Couplings per {@link SynapseFinal}: 80 kB of numbers, far below a frame and quick on any link. */
    public static final int FINALS_PER_MESSAGE = 4096;

    /** a data source (input source or teacher) has sent all it will send. */
    public record SourceFinal(long[] sent) implements Command, WireMessage {
    }

    public record Diverged(String who, long time, double value) implements Command, WireMessage {
    }

    /** a cluster member → probe: its transport dropped a message of the run ({@link DropWatch}); the run cannot go on exactly. */
    public record Lost(String what) implements Command, WireMessage {
    }

    private record LostSettled() implements Command {
    }

    private record Settle() implements Command {
    }

    /**
     * actor → probe, just before its final report: what its {@link StateMonitor} recorded —
     * R times and episodes, and per time the entries {@code ids} (units, or couplings if
     * {@code weights}), each {@code examples} values.
     */
    public record Recorded(int[] ids, boolean weights, int examples, long[] times, long[] episodes, double[] values)
            implements Command, WireMessage {
    }

    /** How long to wait for earlier divergences once one is reported. */
    static final Duration SETTLE = Duration.ofMillis(300);

    /**
     * How long a reported loss waits before it ends the run: the messages a member sent to a node that died are
     * dropped too, and then the lost node — noticed within the failure detector's pause and the split-brain
     * resolver's settling (6 s + 10 s) — restarts the run from its checkpoint instead ({@link NodeLost}).
     */
    static final Duration LOST_SETTLE = Duration.ofSeconds(30);

    /** @param sources the data sources that report a {@link SourceFinal} (EqProp: the input source and the teacher) */
    public static Behavior<Command> create(int units, int synapses, long episodes, int sources, ProgressListener listener,
                                           CompletableFuture<RunResult> result) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers ->
                new ProbeActor(ctx, timers, units, synapses, episodes, sources, listener, result)));
    }

    private final TimerScheduler<Command> timers;
    private final long episodes;
    private final ProgressListener listener;
    private final CompletableFuture<RunResult> result;
    private final double[][] states;
    private final double[] biases;
    private final double[] biasGradients;
    private final double[] weights;
    private final double[] weightGradients;
    private final List<EpisodeResult> results = new ArrayList<>();
    private final List<Diverged> divergences = new ArrayList<>();
    private Lost lost; // the first message of the run a member's transport dropped
    private final List<Recorded> recorded = new ArrayList<>();
    private RelaxationResidual.Stats relaxation = RelaxationResidual.Stats.none();
    private int unitsLeft;
    private int synapsesLeft;
    private int sourcesLeft;
    private final long[] sent = MessageKind.counters();

    private ProbeActor(ActorContext<Command> ctx, TimerScheduler<Command> timers, int units, int synapses, long episodes,
                       int sources, ProgressListener listener, CompletableFuture<RunResult> result) {
        super(ctx);
        this.timers = timers;
        this.episodes = episodes;
        this.listener = listener;
        this.result = result;
        this.states = new double[units][];
        this.biases = new double[units];
        this.biasGradients = new double[units];
        this.weights = new double[synapses];
        this.weightGradients = new double[synapses];
        this.unitsLeft = units;
        this.synapsesLeft = synapses;
        this.sourcesLeft = sources;
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(EpisodeResult.class, m -> {
                    results.add(m);
                    listener.episode(m);
                    return check();
                })
                .onMessage(UnitFinal.class, m -> {
                    states[m.unit()] = m.state();
                    biases[m.unit()] = m.bias();
                    biasGradients[m.unit()] = m.biasGradient();
                    count(m.sent());
                    unitsLeft--;
                    return check();
                })
                .onMessage(Relaxation.class, m -> { // a slice sends it before its UnitFinal: here before the run ends
                    relaxation = relaxation.merge(m.stats());
                    return this;
                })
                .onMessage(SynapseFinal.class, m -> {
                    for (int k = 0; k < m.synapses().length; k++) {
                        weights[m.synapses()[k]] = m.weights()[k];
                        weightGradients[m.synapses()[k]] = m.gradients()[k];
                    }
                    count(m.sent());
                    synapsesLeft -= m.synapses().length;
                    return check();
                })
                .onMessage(SourceFinal.class, m -> {
                    count(m.sent());
                    sourcesLeft--;
                    return check();
                })
                .onMessage(Recorded.class, m -> {
                    recorded.add(m);
                    return this;
                })
                .onMessage(Diverged.class, m -> {
                    if (divergences.isEmpty()) timers.startSingleTimer(new Settle(), SETTLE);
                    divergences.add(m);
                    return this;
                })
                .onMessage(Lost.class, m -> {
                    if (lost == null) {
                        lost = m;
                        timers.startSingleTimer(new LostSettled(), LOST_SETTLE);
                    }
                    return this;
                })
                .onMessage(LostSettled.class, m -> {
                    result.completeExceptionally(new MessageLost(lost.what())); // unless a lost node ended the run first
                    return Behaviors.stopped();
                })
                .onMessage(Settle.class, m -> {
                    Diverged first = divergences.stream()
                            .min(Comparator.comparingLong(Diverged::time).thenComparing(Diverged::who)).orElseThrow();
                    result.completeExceptionally(new SimulationDiverged(first.who(), first.time(), first.value()));
                    return Behaviors.stopped();
                })
                .build();
    }

    private Behavior<Command> check() {
        if (!divergences.isEmpty() || lost != null) return this; // never a result once a message of the run is gone
        if (unitsLeft == 0 && synapsesLeft == 0 && sourcesLeft == 0 && results.size() == episodes) {
            results.sort(Comparator.comparingLong(EpisodeResult::episode));
            listener.finished();
            result.complete(new RunResult(states, biases, biasGradients, weights, weightGradients,
                    List.copyOf(results), RunResult.tally(sent), Recording.merge(recorded), relaxation));
            return Behaviors.stopped();
        }
        return this;
    }

    private void count(long[] more) {
        for (int k = 0; k < sent.length; k++) sent[k] += more[k];
    }
}
