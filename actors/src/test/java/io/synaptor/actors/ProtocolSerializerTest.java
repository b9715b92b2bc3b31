package io.synaptor.actors;

import io.synaptor.network.LabeledData;
import io.synaptor.network.LayeredNetworks;
import io.synaptor.network.NetworkSpec;
import io.synaptor.synapses.Couplings;
import io.synaptor.network.PersistentStates;
import io.synaptor.network.PhaseSchedule;
import io.synaptor.neurons.Activation;
import io.synaptor.scheduler.RandomStreams;
import io.synaptor.scheduler.Timing;
import io.synaptor.scheduler.UpdateModel;
import io.synaptor.synapses.NudgeShape;
import io.synaptor.synapses.Optimizer;
import io.synaptor.synapses.Rules;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Issue 6: every protocol message round-trips through the protobuf serializer, as Pekko itself
 * would carry it (serializer chosen by the configuration's binding, manifest, bytes, back), over
 * random contents; and a message type without a binding is found at start-up.
 */
class ProtocolSerializerTest {
    private static ActorSystem<Void> system;
    private static ActorRef<Object> someone;

    @BeforeAll
    static void start() {
        system = ActorSystem.create(Behaviors.empty(), ClusterNode.SYSTEM,
                ClusterNode.config("127.0.0.1", 0, List.of(), List.of(ClusterNode.SUBMITTER), "test", 1, null));
        someone = system.systemActorOf(Behaviors.ignore(), "someone", org.apache.pekko.actor.typed.Props.empty());
    }

    @AfterAll
    static void stop() {
        SimulationRunner.stop(system);
    }

    @Test
    void everyMessageRoundTrips() throws Exception {
        ProtocolSerializer.checkBindings(system);
        var serialization = SerializationExtension.get(Adapter.toClassic(system));
        Map<Class<?>, Function<SplittableRandom, Object>> gen = generators();
        int checked = 0;
        for (Class<?> type : ProtocolSerializer.protocolTypes()) {
            if (!WireMessage.class.isAssignableFrom(type)) continue;
            Function<SplittableRandom, Object> g = gen.get(type);
            if (g == null) fail("no generator for " + type.getName() + ": add one so the property covers it");
            SplittableRandom r = new SplittableRandom(type.getName().hashCode());
            for (int k = 0; k < 50; k++) {
                Object m = g.apply(r);
                var ser = serialization.findSerializerFor(m);
                assertInstanceOf(ProtocolSerializer.class, ser, type.getName());
                byte[] bytes = ser.toBinary(m);
                Object back = serialization.deserialize(bytes, ser.identifier(), Serializers.manifestFor(ser, m)).get();
                assertSame(m, back, type.getSimpleName());
                checked++;
            }
        }
        assertTrue(checked >= 50 * 25, "all message types: " + checked);
    }

    @Test
    void aTypeWithoutABindingIsRefused() throws Exception {
        ProtocolSerializer s = (ProtocolSerializer) SerializationExtension.get(Adapter.toClassic(system)).serializerFor(UnitActor.Drive.class);
        record Stray(int x) implements WireMessage {
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.toBinary(new Stray(1)));
        assertTrue(e.getMessage().contains("no protobuf binding"), e.getMessage());
        assertTrue(s.boundTypes().containsAll(ProtocolSerializer.protocolTypes().stream()
                .filter(WireMessage.class::isAssignableFrom).toList()));
    }

    /**
     * A spec survives the codec field by field — every component of SimulationSpec and of the records
     * it holds, doubles to the bit, but the examples, of which only the count travels — and one with
     * persistent states or a monitor (one JVM only) is refused in one sentence rather than sent without them.
     */
    @Test
    void specsRoundTripFieldByField() throws Exception {
        SplittableRandom r = new SplittableRandom(18);
        int sent = 0;
        int refused = 0;
        for (int k = 0; k < 400; k++) {
            SimulationSpec s = spec(r);
            if (s.persistent() != null || s.monitor().active()) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SpecCodec.encode(s));
                assertTrue(e.getMessage().contains(s.persistent() != null ? "persistent" : "monitor"), e.getMessage());
                refused++;
            } else {
                SimulationSpec withheld = new SimulationSpec(s.network(), s.schedule(), s.rule(), s.rate(),
                        LabeledData.withheld(s.train().size()), LabeledData.withheld(s.test().size()), s.reset(), s.seed(), s.window(),
                        s.timing(), s.blockSize(), s.rates(), s.persistent(), s.optimizer(), s.monitor(), s.tolerance());
                assertSame(withheld, SpecCodec.decode(SpecCodec.encode(s)), "spec " + k);
                sent++;
            }
        }
        assertTrue(sent >= 50 && refused >= 50, sent + " sent, " + refused + " refused");
    }

    /** Records with arrays, lists and refs compared by content (record equals compares arrays by identity). */
    private static void assertSame(Object a, Object b, String what) throws Exception {
        if (a == null || b == null) {
            assertEquals(a, b, what);
            return;
        }
        assertEquals(a.getClass(), b.getClass(), what);
        if (a.getClass().isRecord()) {
            for (RecordComponent c : a.getClass().getRecordComponents()) {
                assertSame(c.getAccessor().invoke(a), c.getAccessor().invoke(b), what + "." + c.getName());
            }
        } else if (a.getClass().isArray()) {
            assertEquals(Array.getLength(a), Array.getLength(b), what);
            for (int k = 0; k < Array.getLength(a); k++) assertSame(Array.get(a, k), Array.get(b, k), what + "[" + k + "]");
        } else if (a instanceof List<?> la) {
            List<?> lb = (List<?>) b;
            assertEquals(la.size(), lb.size(), what);
            for (int k = 0; k < la.size(); k++) {
                assertSame(la.get(k), lb.get(k), what + "[" + k + "]");
            }
        } else if (a instanceof ActorRef<?> ra) {
            assertEquals(ra.path(), ((ActorRef<?>) b).path(), what);
        } else if (a instanceof Double da) {
            assertEquals(Double.doubleToRawLongBits(da), Double.doubleToRawLongBits((Double) b), what); // bits, NaN included
        } else {
            assertEquals(a, b, what);
        }
    }

    private static double[] doubles(SplittableRandom r) {
        if (r.nextInt(3) == 0) return levels(r);
        double[] v = new double[r.nextInt(0, 12)];
        for (int k = 0; k < v.length; k++) v[k] = r.nextInt(20) == 0 ? Double.NaN : r.nextGaussian() * Math.exp(r.nextInt(-30, 30));
        return v;
    }

    /** Long vectors of few distinct values (as a clamped image), some over the 256 that {@link Levels} packs, −0.0 and NaN among them. */
    private static double[] levels(SplittableRandom r) {
        int distinct = r.nextInt(1, 300);
        double[] pool = new double[distinct];
        for (int k = 0; k < distinct; k++) pool[k] = switch (k % 7) {
            case 0 -> -0.0;
            case 1 -> Double.longBitsToDouble(0x7ff8000000000001L + k); // NaNs with payloads
            default -> r.nextGaussian();
        };
        double[] v = new double[r.nextInt(Levels.MIN_LENGTH - 2, 1000)];
        for (int k = 0; k < v.length; k++) v[k] = pool[r.nextInt(distinct)];
        return v;
    }

    private static double[][] rows(SplittableRandom r) {
        double[][] v = new double[r.nextInt(1, 5)][];
        for (int k = 0; k < v.length; k++) v[k] = doubles(r);
        return v;
    }

    private static long[] longs(SplittableRandom r) {
        return r.longs(r.nextInt(0, 8)).toArray();
    }

    private static int[] ints(SplittableRandom r) {
        return r.ints(r.nextInt(0, 8)).toArray();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T> ActorRef<T> ref() {
        return (ActorRef) someone;
    }

    private static <T> List<ActorRef<T>> refs(SplittableRandom r) {
        List<ActorRef<T>> out = new ArrayList<>();
        for (int k = r.nextInt(0, 4); k > 0; k--) out.add(ref());
        return List.copyOf(out);
    }

    private static Map<Class<?>, Function<SplittableRandom, Object>> generators() {
        Map<Class<?>, Function<SplittableRandom, Object>> g = new HashMap<>();
        g.put(UnitActor.Drive.class, r -> new UnitActor.Drive(r.nextInt(), r.nextLong(), r.nextLong(), doubles(r)));
        g.put(UnitActor.DriveBlock.class, r -> new UnitActor.DriveBlock(r.nextInt(), longs(r), rows(r), r.nextLong()));
        g.put(UnitActor.Clock.class, r -> new UnitActor.Clock(r.nextInt(), r.nextLong()));
        g.put(UnitActor.Target.class, r -> new UnitActor.Target(r.nextInt(), r.nextLong(), doubles(r)));
        g.put(UnitActor.Connect.class, r -> new UnitActor.Connect(refs(r), ints(r)));
        g.put(UnitActor.Wake.class, r -> new UnitActor.Wake());
        g.put(SynapseActor.State.class, r -> new SynapseActor.State(r.nextInt(), r.nextLong(), r.nextLong(), doubles(r)));
        g.put(SynapseActor.StateBlock.class, r -> new SynapseActor.StateBlock(r.nextInt(), longs(r), rows(r), r.nextLong()));
        g.put(SynapseActor.Clock.class, r -> new SynapseActor.Clock(r.nextInt(), r.nextLong()));
        g.put(SynapseActor.Wake.class, r -> new SynapseActor.Wake());
        g.put(ClampedUnitActor.Clamp.class, r -> new ClampedUnitActor.Clamp(r.nextLong(), r.nextLong(), doubles(r)));
        g.put(ClampedUnitActor.Connect.class, r -> new ClampedUnitActor.Connect(refs(r), ints(r)));
        g.put(ClampedUnitActor.Wake.class, r -> new ClampedUnitActor.Wake());
        g.put(InputSourceActor.Start.class, r -> new InputSourceActor.Start());
        g.put(InputSourceActor.Progress.class, r -> new InputSourceActor.Progress(r.nextLong()));
        g.put(TeacherActor.Start.class, r -> new TeacherActor.Start(refs(r)));
        g.put(TeacherActor.FreeOutput.class, r -> new TeacherActor.FreeOutput(r.nextInt(), r.nextLong(), doubles(r)));
        g.put(ProbeActor.EpisodeResult.class, r -> new ProbeActor.EpisodeResult(r.nextLong(), r.nextInt(), r.nextBoolean(),
                r.nextGaussian(), r.nextInt(), r.nextInt(), ints(r), ints(r)));
        g.put(ProbeActor.UnitFinal.class, r -> new ProbeActor.UnitFinal(r.nextInt(), doubles(r), r.nextGaussian(), r.nextGaussian(), longs(r)));
        g.put(ProbeActor.Relaxation.class, r -> new ProbeActor.Relaxation(new io.synaptor.network.RelaxationResidual.Stats(r.nextInt(),
                r.nextInt(), r.nextDouble(), doubles(r), doubles(r), longs(r))));
        g.put(ProbeActor.SynapseFinal.class, r -> {
            int[] ids = ints(r);
            return new ProbeActor.SynapseFinal(ids, r.doubles(ids.length).toArray(), r.doubles(ids.length).map(x -> -x).toArray(), longs(r));
        });
        g.put(ProbeActor.Recorded.class, r -> new ProbeActor.Recorded(ints(r), r.nextBoolean(), r.nextInt(), longs(r), longs(r), doubles(r)));
        g.put(ProbeActor.SourceFinal.class, r -> new ProbeActor.SourceFinal(longs(r)));
        g.put(ProbeActor.Diverged.class, r -> new ProbeActor.Diverged("unit " + r.nextInt(), r.nextLong(), r.nextGaussian()));
        g.put(ProbeActor.Lost.class, r -> new ProbeActor.Lost("State to unit " + r.nextInt() + ", Due to overflow of send queue"));
        g.put(NodeAgent.Prepare.class, r -> {
            byte[] part = new byte[r.nextInt(0, 64)];
            for (int k = 0; k < part.length; k++) part[k] = (byte) r.nextInt();
            int parts = 1 + r.nextInt(4);
            return new NodeAgent.Prepare("run-" + r.nextInt(), r.nextInt(parts), parts, part, ref(), ref());
        });
        g.put(NodeAgent.Known.class, r -> {
            List<ActorRef<UnitActor.Command>> slices = new ArrayList<>();
            for (int k = r.nextInt(0, 5); k > 0; k--) slices.add(r.nextBoolean() ? null : ref());
            return new NodeAgent.Known("run", r.nextBoolean() ? null : ref(), java.util.Collections.unmodifiableList(slices));
        });
        g.put(NodeAgent.Finish.class, r -> new NodeAgent.Finish("run-" + r.nextLong()));
        g.put(ClusterRun.Ack.class, r -> new ClusterRun.Ack("run", "node-" + r.nextInt()));
        g.put(ClusterRun.Placed.class, r -> new ClusterRun.Placed("run", r.nextInt(3), r.nextInt(), ref()));
        g.put(ClusterRun.Done.class, r -> new ClusterRun.Done("run-" + r.nextInt(), "node-" + r.nextInt(), new Traffic(r.nextLong(), r.nextLong())));
        return g;
    }

    /**
     * A random small spec with every field drawn: layered net of any activation, dt and temperature,
     * schedule of any shape, timing with every knob (virtual or free-running), rule, rates per
     * projection or none, optimizer kind and decay, block size, tolerance. A free phase longer than a
     * reset's hold (≤ 5 steps). Persistent states and monitors half the time: they stay on one JVM, and are refused.
     */
    private static SimulationSpec spec(SplittableRandom r) {
        long seed = r.nextLong(1000);
        int[] layers = {2, 1 + r.nextInt(5), 2};
        int delay = 1 + r.nextInt(3);
        NetworkSpec net = LayeredNetworks.build(layers, delay, Activation.ALL.get(r.nextInt(Activation.ALL.size())),
                0.1 + r.nextDouble(), r.nextDouble(), RandomStreams.stream(seed, RandomStreams.Kind.INIT, 0))
                .withCouplingModel(Couplings.named(Couplings.names().get(r.nextInt(Couplings.names().size()))));
        LabeledData train = new LabeledData(new double[][]{{r.nextDouble(), 1}, {0, r.nextDouble()}}, new double[][]{{1, 0}, {0, 1}});
        LabeledData test = new LabeledData(new double[][]{{r.nextDouble(), 0}}, new double[][]{{0, 1}});
        NudgeShape shape = switch (r.nextInt(4)) {
            case 0 -> NudgeShape.ONE_SIDED;
            case 1 -> NudgeShape.CENTERED;
            case 2 -> NudgeShape.circle(2 + r.nextInt(4));
            default -> NudgeShape.oscillating(2 + r.nextInt(3), 1);
        };
        PhaseSchedule schedule = new PhaseSchedule(1 + r.nextInt(2), 8 + r.nextInt(5), 3 + r.nextInt(5), r.nextGaussian(), r.nextBoolean(),
                r.nextLong(), 1 + r.nextInt(4), train.size(), test.size(), shape, r.nextInt(3));
        double[] rates = new double[net.size()];
        for (int k = 0; k < rates.length; k++) rates[k] = r.nextDouble();
        boolean free = r.nextInt(4) == 0; // free-running: real latencies only, no jitter, drop or window
        Timing timing = free
                ? new Timing(new UpdateModel(r.nextLong(), rates), 0, 0, r.nextInt(3), r.nextLong(), r.nextDouble() * 0.1, 1, r.nextInt(4))
                : new Timing(new UpdateModel(r.nextLong(), rates), r.nextInt(3), r.nextDouble() * 0.5, r.nextInt(3), r.nextLong(),
                r.nextDouble() * 0.1, 1 + r.nextInt(delay), -1);
        double[] projectionRates = r.nextBoolean() ? new double[0] : new double[]{r.nextDouble(), r.nextDouble()};
        Optimizer optimizer = Optimizer.of(Optimizer.NAMES.get(r.nextInt(Optimizer.NAMES.size())), r.nextDouble());
        PersistentStates.Bank persistent = r.nextBoolean() ? new PersistentStates.Bank() : null;
        Monitor monitor = r.nextBoolean() ? new Monitor(new int[]{0}, new int[0], 1 + r.nextInt(3), new long[]{r.nextInt(3)}) : Monitor.NONE;
        return SimulationSpec.builder(net, schedule, train, test).rule(Rules.names().get(r.nextInt(Rules.names().size())))
                .rate(r.nextDouble()).reset(r.nextBoolean()).seed(r.nextLong()).window(1 + r.nextInt(4)).timing(timing)
                .blockSize(1 + r.nextInt(3)).projectionRates(projectionRates).persistent(persistent).optimizer(optimizer)
                .monitor(monitor).tolerance(Math.exp(r.nextGaussian())).build();
    }
}
