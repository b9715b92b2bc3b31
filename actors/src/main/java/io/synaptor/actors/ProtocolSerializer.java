package io.synaptor.actors;

import com.google.protobuf.Internal;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import io.synaptor.proto.Empty;
import io.synaptor.proto.Row;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorRefResolver;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.SerializerWithStringManifest;

import java.io.NotSerializableException;
import java.util.concurrent.atomic.LongAdder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The wire form of every {@link WireMessage} (DESIGN.md, "The protocol"): one protobuf message of
 * {@code synaptor.proto} per record, named by a short manifest; actor references travel as Pekko's
 * serialized paths. Java serialization is off in cluster mode, so a message without a binding
 * here cannot leave its node — {@link #checkBindings} finds one at start-up.
 */
public final class ProtocolSerializer extends SerializerWithStringManifest {
    /** Pekko's serializer id for this class (ids below 40 are Pekko's own). */
    public static final int ID = 7_420_001;

    /** How one record class travels: its manifest and its two directions. */
    /** @param simulation a message of the simulation itself (counted when it crosses nodes), not a start-up or control one */
    private record Binding<T>(Class<T> type, String manifest, Write<T> encode, Decode<T> decode, boolean simulation) {
        byte[] write(Object m) {
            return encode.apply(type.cast(m));
        }
    }

    @FunctionalInterface
    interface Encode<T> {
        MessageLite apply(T m);
    }

    /** A message straight to bytes ({@link PackedWriter}). */
    @FunctionalInterface
    interface Write<T> {
        byte[] apply(T m);
    }

    @FunctionalInterface
    interface Decode<T> {
        T apply(byte[] bytes) throws InvalidProtocolBufferException;
    }

    private final Map<Class<?>, Binding<?>> byType = new LinkedHashMap<>();
    private final Map<String, Binding<?>> byManifest = new LinkedHashMap<>();
    private final ActorRefResolver refs;
    // Artery serializes exactly the messages that leave this JVM, so this counts cross-node messages.
    private final LongAdder crossed = new LongAdder();
    private final LongAdder crossedBytes = new LongAdder();
    // ClusterMessages binds through the package-private bind(); the protocol's records bind here.

    public ProtocolSerializer(ExtendedActorSystem system) {
        this.refs = ActorRefResolver.get(Adapter.toTyped(system));
        bindProtocol();
        ClusterMessages.bind(this);
    }

    @Override
    public int identifier() {
        return ID;
    }

    @Override
    public String manifest(Object o) {
        return binding(o.getClass()).manifest();
    }

    @Override
    public byte[] toBinary(Object o) {
        Binding<?> b = binding(o.getClass());
        byte[] bytes = b.write(o);
        if (b.simulation()) {
            crossed.increment();
            crossedBytes.add(bytes.length);
        }
        return bytes;
    }

    /**
     * Simulation messages this JVM has sent to actors on other nodes so far, and their bytes (start-up and
     * control messages — the cluster's own and the entities' {@code Wake} — are not counted).
     */
    public static Traffic crossedNodes(ActorSystem<?> system) {
        try {
            Serializer s = SerializationExtension.get(system.classicSystem()).serializerFor(UnitActor.Drive.class);
            return s instanceof ProtocolSerializer p ? new Traffic(p.crossed.sum(), p.crossedBytes.sum()) : Traffic.NONE;
        } catch (NotSerializableException e) {
            return Traffic.NONE; // a one-JVM system without the binding sends nothing across
        }
    }

    @Override
    public Object fromBinary(byte[] bytes, String manifest) throws NotSerializableException {
        Binding<?> b = byManifest.get(manifest);
        if (b == null) throw new NotSerializableException("no protocol message has the manifest '" + manifest + "'");
        try {
            return b.decode().apply(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new NotSerializableException("a corrupt " + b.type().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** The record classes this serializer writes. */
    public List<Class<?>> boundTypes() {
        return List.copyOf(byType.keySet());
    }

    private Binding<?> binding(Class<?> type) {
        Binding<?> b = byType.get(type);
        if (b == null) throw new IllegalArgumentException(type.getName() + " has no protobuf binding in ProtocolSerializer");
        return b;
    }

    <T> void bind(Class<T> type, String manifest, Encode<T> encode, Decode<T> decode) {
        bindBytes(type, manifest, m -> encode.apply(m).toByteArray(), decode);
    }

    private <T> void bindBytes(Class<T> type, String manifest, Write<T> encode, Decode<T> decode) {
        boolean control = ClusterMessages.types().contains(type) || type.getSimpleName().equals("Wake");
        Binding<T> b = new Binding<>(type, manifest, encode, decode, !control);
        if (byType.put(type, b) != null || byManifest.put(manifest, b) != null) {
            throw new IllegalStateException("bound twice: " + type.getName() + " / " + manifest);
        }
    }

    String ref(ActorRef<?> ref) {
        return refs.toSerializationFormat(ref);
    }

    <T> ActorRef<T> ref(String path) {
        return refs.resolveActorRef(path);
    }

    <T> List<ActorRef<T>> refList(List<String> paths) {
        List<ActorRef<T>> out = new ArrayList<>(paths.size());
        for (String p : paths) out.add(ref(p));
        return List.copyOf(out);
    }

    /** A parsed repeated double field as an array; the parser's own list is read without boxing. */
    static double[] doubles(List<Double> values) {
        double[] out = new double[values.size()];
        if (values instanceof Internal.DoubleList primitive) {
            for (int k = 0; k < out.length; k++) out[k] = primitive.getDouble(k);
        } else {
            for (int k = 0; k < out.length; k++) out[k] = values.get(k);
        }
        return out;
    }

    /** A vector written as packed doubles, or as its {@link Levels} and a byte per entry. */
    static double[] values(List<Double> values, List<Double> levels, com.google.protobuf.ByteString levelOf) {
        return levels.isEmpty() ? doubles(values) : Levels.expand(doubles(levels), levelOf.toByteArray());
    }

    static long[] longs(List<Long> values) {
        long[] out = new long[values.size()];
        if (values instanceof Internal.LongList primitive) {
            for (int k = 0; k < out.length; k++) out[k] = primitive.getLong(k);
        } else {
            for (int k = 0; k < out.length; k++) out[k] = values.get(k);
        }
        return out;
    }

    static int[] ints(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }

    static Iterable<Double> boxed(double[] v) {
        return java.util.Arrays.stream(v).boxed().toList();
    }

    static Iterable<Long> boxed(long[] v) {
        return java.util.Arrays.stream(v).boxed().toList();
    }

    static Iterable<Integer> boxed(int[] v) {
        return java.util.Arrays.stream(v).boxed().toList();
    }

    static double[][] rows(List<Row> rows) {
        double[][] out = new double[rows.size()][];
        for (int k = 0; k < out.length; k++) out[k] = doubles(rows.get(k).getValuesList());
        return out;
    }

    private void bindProtocol() {
        bindBytes(UnitActor.Drive.class, "u.drive",
                m -> PackedWriter.values(m.slot(), m.time(), m.horizon(), m.values()),
                b -> {
                    var p = io.synaptor.proto.Drive.parseFrom(b);
                    return new UnitActor.Drive(p.getSlot(), p.getTime(), p.getHorizon(), doubles(p.getValuesList()));
                });
        bindBytes(UnitActor.DriveBlock.class, "u.drives",
                m -> PackedWriter.block(m.slot(), m.times(), m.values(), m.horizon()),
                b -> {
                    var p = io.synaptor.proto.DriveBlock.parseFrom(b);
                    return new UnitActor.DriveBlock(p.getSlot(), longs(p.getTimesList()), rows(p.getRowsList()), p.getHorizon());
                });
        bind(UnitActor.Clock.class, "u.clock",
                m -> io.synaptor.proto.Clock.newBuilder().setLink(m.slot()).setHorizon(m.horizon()).build(),
                b -> {
                    var p = io.synaptor.proto.Clock.parseFrom(b);
                    return new UnitActor.Clock(p.getLink(), p.getHorizon());
                });
        bind(UnitActor.Target.class, "u.target",
                m -> io.synaptor.proto.Target.newBuilder().setOutput(m.output()).setEpisode(m.episode())
                        .addAllValues(boxed(m.values())).build(),
                b -> {
                    var p = io.synaptor.proto.Target.parseFrom(b);
                    return new UnitActor.Target(p.getOutput(), p.getEpisode(), doubles(p.getValuesList()));
                });
        bind(UnitActor.Connect.class, "u.connect",
                m -> connect(m.synapses(), m.ids()),
                b -> {
                    var p = io.synaptor.proto.Connect.parseFrom(b);
                    return new UnitActor.Connect(refList(p.getSynapsesList()), ints(p.getIdsList()));
                });
        bind(UnitActor.Wake.class, "u.wake", m -> Empty.getDefaultInstance(), b -> new UnitActor.Wake());

        bindBytes(SynapseActor.State.class, "s.state",
                m -> PackedWriter.state(m.unit(), m.time(), m.horizon(), m.rho()),
                b -> {
                    var p = io.synaptor.proto.State.parseFrom(b);
                    return new SynapseActor.State(p.getUnit(), p.getTime(), p.getHorizon(),
                            values(p.getValuesList(), p.getLevelsList(), p.getLevelOf()));
                });
        bindBytes(SynapseActor.StateBlock.class, "s.states",
                m -> PackedWriter.block(m.unit(), m.times(), m.rho(), m.horizon()),
                b -> {
                    var p = io.synaptor.proto.StateBlock.parseFrom(b);
                    return new SynapseActor.StateBlock(p.getUnit(), longs(p.getTimesList()), rows(p.getRowsList()), p.getHorizon());
                });
        bind(SynapseActor.Clock.class, "s.clock",
                m -> io.synaptor.proto.Clock.newBuilder().setLink(m.unit()).setHorizon(m.horizon()).build(),
                b -> {
                    var p = io.synaptor.proto.Clock.parseFrom(b);
                    return new SynapseActor.Clock(p.getLink(), p.getHorizon());
                });
        bind(SynapseActor.Wake.class, "s.wake", m -> Empty.getDefaultInstance(), b -> new SynapseActor.Wake());

        bindBytes(ClampedUnitActor.Clamp.class, "i.clamp",
                m -> PackedWriter.clamp(m.time(), m.horizon(), m.values()),
                b -> {
                    var p = io.synaptor.proto.Clamp.parseFrom(b);
                    return new ClampedUnitActor.Clamp(p.getTime(), p.getHorizon(), values(p.getValuesList(), p.getLevelsList(), p.getLevelOf()));
                });
        bind(ClampedUnitActor.Connect.class, "i.connect",
                m -> connect(m.synapses(), m.ids()),
                b -> {
                    var p = io.synaptor.proto.Connect.parseFrom(b);
                    return new ClampedUnitActor.Connect(refList(p.getSynapsesList()), ints(p.getIdsList()));
                });
        bind(ClampedUnitActor.Wake.class, "i.wake", m -> Empty.getDefaultInstance(), b -> new ClampedUnitActor.Wake());

        bind(InputSourceActor.Start.class, "src.start", m -> Empty.getDefaultInstance(), b -> new InputSourceActor.Start());
        bind(InputSourceActor.Progress.class, "src.progress",
                m -> io.synaptor.proto.Progress.newBuilder().setEpisode(m.episode()).build(),
                b -> new InputSourceActor.Progress(io.synaptor.proto.Progress.parseFrom(b).getEpisode()));

        bind(TeacherActor.Start.class, "t.start",
                m -> {
                    var p = io.synaptor.proto.Outputs.newBuilder();
                    for (ActorRef<?> r : m.outputs()) p.addOutputs(ref(r));
                    return p.build();
                },
                b -> new TeacherActor.Start(refList(io.synaptor.proto.Outputs.parseFrom(b).getOutputsList())));
        bind(TeacherActor.FreeOutput.class, "t.free",
                m -> io.synaptor.proto.FreeOutput.newBuilder().setOutput(m.output()).setEpisode(m.episode())
                        .addAllState(boxed(m.state())).build(),
                b -> {
                    var p = io.synaptor.proto.FreeOutput.parseFrom(b);
                    return new TeacherActor.FreeOutput(p.getOutput(), p.getEpisode(), doubles(p.getStateList()));
                });

        bind(ProbeActor.EpisodeResult.class, "p.episode",
                m -> io.synaptor.proto.EpisodeResult.newBuilder().setEpisode(m.episode()).setEpoch(m.epoch())
                        .setTraining(m.training()).setLossSum(m.lossSum()).setCorrect(m.correct()).setCount(m.count())
                        .addAllPredicted(boxed(m.predicted())).addAllLabels(boxed(m.labels())).build(),
                b -> {
                    var p = io.synaptor.proto.EpisodeResult.parseFrom(b);
                    return new ProbeActor.EpisodeResult(p.getEpisode(), p.getEpoch(), p.getTraining(), p.getLossSum(),
                            p.getCorrect(), p.getCount(), ints(p.getPredictedList()), ints(p.getLabelsList()));
                });
        bind(ProbeActor.UnitFinal.class, "p.unit",
                m -> io.synaptor.proto.UnitFinal.newBuilder().setUnit(m.unit()).addAllState(boxed(m.state()))
                        .setBias(m.bias()).setBiasGradient(m.biasGradient()).addAllSent(boxed(m.sent())).build(),
                b -> {
                    var p = io.synaptor.proto.UnitFinal.parseFrom(b);
                    return new ProbeActor.UnitFinal(p.getUnit(), doubles(p.getStateList()), p.getBias(), p.getBiasGradient(),
                            longs(p.getSentList()));
                });
        bind(ProbeActor.Relaxation.class, "p.relaxation",
                m -> io.synaptor.proto.Relaxation.newBuilder().setFirstEpoch(m.stats().firstEpoch()).setBatch(m.stats().batch())
                        .setThreshold(m.stats().threshold()).addAllFreeMax(boxed(m.stats().freeMax()))
                        .addAllNudgedMax(boxed(m.stats().nudgedMax())).addAllUnconverged(boxed(m.stats().unconverged())).build(),
                b -> {
                    var p = io.synaptor.proto.Relaxation.parseFrom(b);
                    return new ProbeActor.Relaxation(new io.synaptor.network.RelaxationResidual.Stats(p.getFirstEpoch(), p.getBatch(),
                            p.getThreshold(), doubles(p.getFreeMaxList()), doubles(p.getNudgedMaxList()), longs(p.getUnconvergedList())));
                });
        bind(ProbeActor.SynapseFinal.class, "p.synapse",
                m -> io.synaptor.proto.SynapseFinal.newBuilder().addAllSynapses(boxed(m.synapses())).addAllWeights(boxed(m.weights()))
                        .addAllGradients(boxed(m.gradients())).addAllSent(boxed(m.sent())).build(),
                b -> {
                    var p = io.synaptor.proto.SynapseFinal.parseFrom(b);
                    return new ProbeActor.SynapseFinal(ints(p.getSynapsesList()), doubles(p.getWeightsList()), doubles(p.getGradientsList()),
                            longs(p.getSentList()));
                });
        bind(ProbeActor.Recorded.class, "p.recorded",
                m -> io.synaptor.proto.Recorded.newBuilder().addAllIds(boxed(m.ids())).setWeights(m.weights())
                        .setExamples(m.examples()).addAllTimes(boxed(m.times())).addAllEpisodes(boxed(m.episodes()))
                        .addAllValues(boxed(m.values())).build(),
                b -> {
                    var p = io.synaptor.proto.Recorded.parseFrom(b);
                    return new ProbeActor.Recorded(ints(p.getIdsList()), p.getWeights(), p.getExamples(), longs(p.getTimesList()),
                            longs(p.getEpisodesList()), doubles(p.getValuesList()));
                });
        bind(ProbeActor.SourceFinal.class, "p.source",
                m -> io.synaptor.proto.SourceFinal.newBuilder().addAllSent(boxed(m.sent())).build(),
                b -> new ProbeActor.SourceFinal(longs(io.synaptor.proto.SourceFinal.parseFrom(b).getSentList())));
        bind(ProbeActor.Diverged.class, "p.diverged",
                m -> io.synaptor.proto.Diverged.newBuilder().setWho(m.who()).setTime(m.time()).setValue(m.value()).build(),
                b -> {
                    var p = io.synaptor.proto.Diverged.parseFrom(b);
                    return new ProbeActor.Diverged(p.getWho(), p.getTime(), p.getValue());
                });
        bind(ProbeActor.Lost.class, "p.lost",
                m -> io.synaptor.proto.Lost.newBuilder().setWhat(m.what()).build(),
                b -> new ProbeActor.Lost(io.synaptor.proto.Lost.parseFrom(b).getWhat()));
    }

    private MessageLite connect(List<? extends ActorRef<?>> synapses, int[] ids) {
        var p = io.synaptor.proto.Connect.newBuilder().addAllIds(boxed(ids));
        for (ActorRef<?> r : synapses) p.addSynapses(ref(r));
        return p.build();
    }

    /**
     * Refuses to start when a protocol message would not travel: every record of the actors' sealed
     * command interfaces is either a {@link WireMessage} bound here, or an actor's private timer.
     * Also checks that Pekko picks this serializer for each (the configuration's binding).
     */
    public static void checkBindings(ActorSystem<?> system) {
        List<String> missing = new ArrayList<>();
        var serialization = SerializationExtension.get(system.classicSystem());
        for (Class<?> type : protocolTypes()) {
            if (!WireMessage.class.isAssignableFrom(type)) {
                // only an actor's own private messages (timers, adapters) may stay off the wire
                if (!java.lang.reflect.Modifier.isPrivate(type.getModifiers())) missing.add(type.getName());
                continue;
            }
            Serializer s;
            try {
                s = serialization.serializerFor(type);
            } catch (RuntimeException | NotSerializableException e) {
                missing.add(type.getName());
                continue;
            }
            if (!(s instanceof ProtocolSerializer p) || !p.byType.containsKey(type)) missing.add(type.getName());
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("protocol messages without a protobuf binding: " + String.join(", ", missing));
        }
    }

    /** Every record permitted by the protocol's sealed interfaces (and the cluster's messages). */
    public static List<Class<?>> protocolTypes() {
        List<Class<?>> out = new ArrayList<>();
        for (Class<?> sealed : List.of(UnitActor.Command.class, SynapseActor.Command.class, ClampedUnitActor.Command.class,
                InputSourceActor.Command.class, TeacherActor.Command.class, ProbeActor.Command.class)) {
            for (Class<?> c : sealed.getPermittedSubclasses()) out.add(c);
        }
        out.addAll(ClusterMessages.types());
        return out;
    }
}
