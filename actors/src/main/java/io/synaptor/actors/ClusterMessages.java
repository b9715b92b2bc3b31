package io.synaptor.actors;

import com.google.protobuf.ByteString;
import io.synaptor.proto.Ack;
import io.synaptor.proto.Done;
import io.synaptor.proto.Finish;
import io.synaptor.proto.Known;
import io.synaptor.proto.Placed;
import io.synaptor.proto.Prepare;
import org.apache.pekko.actor.typed.ActorRef;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The protobuf bindings of the cluster's start-up messages ({@link NodeAgent}, {@link ClusterRun}). */
final class ClusterMessages {
    private ClusterMessages() {
    }

    static List<Class<?>> types() {
        List<Class<?>> out = new ArrayList<>(List.of(NodeAgent.Command.class.getPermittedSubclasses()));
        out.addAll(List.of(ClusterRun.Command.class.getPermittedSubclasses()));
        return out;
    }

    static void bind(ProtocolSerializer s) {
        s.bind(NodeAgent.Prepare.class, "n.prepare",
                m -> Prepare.newBuilder().setRun(m.run()).setPart(m.part()).setParts(m.parts()).setSpecPart(ByteString.copyFrom(m.spec()))
                        .setProbe(s.ref(m.probe())).setCoordinator(s.ref(m.coordinator())).build(),
                b -> {
                    var p = Prepare.parseFrom(b);
                    return new NodeAgent.Prepare(p.getRun(), p.getPart(), p.getParts(), p.getSpecPart().toByteArray(),
                            s.ref(p.getProbe()), s.ref(p.getCoordinator()));
                });
        s.bind(NodeAgent.Known.class, "n.known",
                m -> {
                    var p = Known.newBuilder().setRun(m.run()).setTeacher(m.teacher() == null ? "" : s.ref(m.teacher()));
                    for (ActorRef<?> r : m.slices()) p.addSlices(r == null ? "" : s.ref(r));
                    return p.build();
                },
                b -> {
                    var p = Known.parseFrom(b);
                    List<ActorRef<UnitActor.Command>> slices = new ArrayList<>();
                    for (String r : p.getSlicesList()) slices.add(r.isEmpty() ? null : s.ref(r));
                    return new NodeAgent.Known(p.getRun(), p.getTeacher().isEmpty() ? null : s.ref(p.getTeacher()),
                            Collections.unmodifiableList(slices));
                });
        s.bind(NodeAgent.Finish.class, "n.finish",
                m -> Finish.newBuilder().setRun(m.run()).build(),
                b -> new NodeAgent.Finish(Finish.parseFrom(b).getRun()));
        s.bind(ClusterRun.Ack.class, "c.ack",
                m -> Ack.newBuilder().setRun(m.run()).setNode(m.node()).build(),
                b -> {
                    var p = Ack.parseFrom(b);
                    return new ClusterRun.Ack(p.getRun(), p.getNode());
                });
        s.bind(ClusterRun.Done.class, "c.done",
                m -> Done.newBuilder().setRun(m.run()).setNode(m.node()).setCrossNodeMessages(m.crossed().messages())
                        .setCrossNodeBytes(m.crossed().bytes()).build(),
                b -> {
                    var p = Done.parseFrom(b);
                    return new ClusterRun.Done(p.getRun(), p.getNode(), new Traffic(p.getCrossNodeMessages(), p.getCrossNodeBytes()));
                });
        s.bind(ClusterRun.Placed.class, "c.placed",
                m -> Placed.newBuilder().setRun(m.run()).setKind(m.kind()).setIndex(m.index()).setRef(s.ref(m.ref())).build(),
                b -> {
                    var p = Placed.parseFrom(b);
                    return new ClusterRun.Placed(p.getRun(), p.getKind(), p.getIndex(), s.ref(p.getRef()));
                });
    }
}
