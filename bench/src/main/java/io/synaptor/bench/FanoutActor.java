package io.synaptor.bench;

import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;

/**
 * A unit of {@link MessagingBenchmark}'s raw Pekko baselines: a node of a graph that, in each
 * round, sends one small message carrying a double to each neighbour — another node, or the
 * {@link RelayActor} of one of its synapses — and moves to the next round as soon as it has heard
 * every neighbour's message of the current round. No barrier, no coordinator — the same local,
 * lock-step-free shape as the simulator's units, with none of its arithmetic.
 *
 * <p>A neighbour is at most one round ahead (it cannot finish round r+1 without this node's
 * round-r+1 message), so per-round counters live in a small ring.
 */
public final class FanoutActor extends AbstractBehavior<FanoutActor.Command> {

    public sealed interface Command permits Connect, Value {
    }

    /** builder → node: its neighbours; the node starts on receiving it. */
    public record Connect(List<ActorRef<Command>> neighbours) implements Command {
    }

    /** neighbour → node: one value of round {@code round} from node {@code from} (a relay passes on who sent it). */
    public record Value(int from, int round, double value) implements Command {
    }

    /** What the nodes sent and heard, added up as each finishes (the counts are the benchmark's, not a formula's). */
    public record Traffic(LongAdder sent, LongAdder received) {
        public Traffic() {
            this(new LongAdder(), new LongAdder());
        }
    }

    /** Rounds tracked at once (a power of two; two would do, see the class comment). */
    private static final int RING = 4;

    public static Behavior<Command> create(int id, int rounds, CountDownLatch done, Traffic traffic) {
        return Behaviors.setup(ctx -> new FanoutActor(ctx, id, rounds, done, traffic));
    }

    private final int id;
    private final int rounds;
    private final CountDownLatch done;
    private final Traffic traffic;
    private final int[] received = new int[RING];
    private long heard;
    private long told;
    private ActorRef<Command>[] neighbours;
    private int round;
    private double value;

    private FanoutActor(ActorContext<Command> ctx, int id, int rounds, CountDownLatch done, Traffic traffic) {
        super(ctx);
        this.id = id;
        this.rounds = rounds;
        this.done = done;
        this.traffic = traffic;
        this.value = id;
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Value.class, this::onValue)
                .onMessage(Connect.class, this::onConnect)
                .build();
    }

    @SuppressWarnings({"unchecked", "rawtypes"}) // a generic array: fast indexing on the hot path
    private Behavior<Command> onConnect(Connect m) {
        neighbours = m.neighbours().toArray(new ActorRef[0]);
        if (rounds == 0) {
            finish();
            return this;
        }
        send();
        advance();
        return this;
    }

    private Behavior<Command> onValue(Value m) {
        int r = m.round();
        if (r < round || r >= round + RING - 1) {
            throw new IllegalStateException("round " + r + " message at round " + round);
        }
        received[r & (RING - 1)]++;
        heard++;
        value = 0.5 * (value + m.value());
        advance();
        return this;
    }

    /** Takes every round whose messages are all in. */
    private void advance() {
        if (neighbours == null) return;
        while (round < rounds && received[round & (RING - 1)] == neighbours.length) {
            received[round & (RING - 1)] = 0;
            round++;
            if (round == rounds) {
                finish();
                return;
            }
            send();
        }
    }

    /** One immutable message per round, shared by all neighbours (as a unit shares its state message). */
    private void send() {
        Value v = new Value(id, round, value);
        for (ActorRef<Command> n : neighbours) n.tell(v);
        told += neighbours.length;
    }

    /** Every round's messages are in (no neighbour sends past the last round): the counts are final. */
    private void finish() {
        traffic.sent().add(told);
        traffic.received().add(heard);
        done.countDown();
    }
}
