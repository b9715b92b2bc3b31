package io.synaptor.actors;

import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;

/**
 * The builder in one JVM: spawns every actor of a {@link SimulationPlan}, wires them, and lets them
 * go. It takes no further part: the run proceeds by local messages alone and ends when every actor
 * has reached the end time on its own clock.
 */
public final class Simulation {
    private Simulation() {
    }

    /** @param trace where every actor logs the messages it sends, or null for no trace */
    public static Behavior<Void> create(SimulationSpec spec, ProgressListener listener, CompletableFuture<RunResult> result,
                                        TraceSink trace) {
        return Behaviors.setup(ctx -> {
            try {
                return build(ctx, new SimulationPlan(spec), listener, result, trace);
            } catch (RuntimeException e) {
                result.completeExceptionally(e); // a spec the actors cannot be built from fails the run now, not after a stall
                throw e;
            }
        });
    }

    private static Behavior<Void> build(ActorContext<Void> ctx, SimulationPlan plan, ProgressListener listener,
                                        CompletableFuture<RunResult> result, TraceSink trace) {
        int n = plan.spec.network().size();
        IntFunction<TraceSink.Log> log = id -> trace == null ? null : trace.log(id);
        ActorRef<ProbeActor.Command> probe = ctx.spawn(plan.probe(listener, result), "probe");
        int slices = plan.slices.size();
        @SuppressWarnings({"unchecked", "rawtypes"})
        ActorRef<ClampedUnitActor.Command>[] clamped = new ActorRef[slices];
        List<ActorRef<ClampedUnitActor.Command>> inputRefs = new ArrayList<>();
        for (int a : plan.inputSlices()) {
            int first = plan.slices.get(a)[0];
            clamped[a] = ctx.spawn(plan.input(a, probe, log.apply(first)), "in-" + first);
            inputRefs.add(clamped[a]);
        }
        ActorRef<InputSourceActor.Command> source = ctx.spawn(plan.source(inputRefs, probe, log.apply(-1)), "input-source");
        ActorRef<TeacherActor.Command> teacher = ctx.spawn(plan.teacher(source, probe, log.apply(-2)), "teacher");
        @SuppressWarnings({"unchecked", "rawtypes"})
        ActorRef<UnitActor.Command>[] free = new ActorRef[slices];
        for (int a = 0; a < slices; a++) {
            if (clamped[a] != null) continue;
            int first = plan.slices.get(a)[0];
            free[a] = ctx.spawn(plan.unit(a, teacher, probe, log.apply(first)), "u-" + first);
        }
        List<ActorRef<SynapseActor.Command>> blockRefs = new ArrayList<>();
        for (int b = 0; b < plan.blocks.size(); b++) {
            SimulationPlan.Block block = plan.blocks.get(b);
            int first = block.first();
            blockRefs.add(ctx.spawn(plan.block(b, free[block.sliceI()], free[block.sliceJ()], probe, log.apply(n + first)),
                    "s-" + first));
        }
        for (int a = 0; a < slices; a++) {
            List<ActorRef<SynapseActor.Command>> refs = plan.synapsesOf(a, blockRefs::get);
            int[] ids = plan.synapseIdsOf(a);
            if (free[a] != null) free[a].tell(new UnitActor.Connect(refs, ids));
            else clamped[a].tell(new ClampedUnitActor.Connect(refs, ids));
        }
        List<ActorRef<UnitActor.Command>> outputRefs = new ArrayList<>();
        for (int a : plan.outputSlices()) outputRefs.add(free[a]);
        listener.started();
        teacher.tell(new TeacherActor.Start(outputRefs));
        source.tell(new InputSourceActor.Start());
        return Behaviors.empty();
    }
}
