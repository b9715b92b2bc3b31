package io.synaptor.actors;

import io.synaptor.network.Coupling;
import io.synaptor.network.NetworkSpec;
import io.synaptor.network.PhaseSchedule;
import io.synaptor.network.Role;
import io.synaptor.scheduler.Timing;
import io.synaptor.synapses.NudgeSchedule;
import io.synaptor.synapses.ShiftedSchedule;
import io.synaptor.scheduler.RandomStreams;
import io.synaptor.synapses.Rules;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The builder: turns a {@link SimulationSpec} into actors — one per unit and one per synapse
 * (unit granularity), an input source, a teacher and a probe — wires them, and lets them go. It
 * takes no further part: the run proceeds by local messages alone and ends when every actor has
 * reached the end time on its own clock.
 */
public final class Simulation {
    private Simulation() {
    }

    /** @param trace where every actor logs the messages it sends, or null for no trace */
    public static Behavior<Void> create(SimulationSpec spec, ProgressListener listener, CompletableFuture<RunResult> result,
                                        TraceSink trace) {
        return Behaviors.setup(ctx -> {
            NetworkSpec net = spec.network();
            PhaseSchedule schedule = spec.schedule();
            int n = net.size();
            java.util.function.IntFunction<TraceSink.Log> log = id -> trace == null ? null : trace.log(id);
            boolean complex = schedule.shape().complex();
            int components = complex ? 2 : 1;
            List<Coupling> couplings = net.couplings();
            ActorRef<ProbeActor.Command> probe = ctx.spawn(
                    ProbeActor.create(n, couplings.size(), schedule.episodes(), listener, result), "probe");

            // Each unit's slots: the couplings it takes part in, in spec order.
            List<List<Integer>> slotsOf = new ArrayList<>();
            for (int u = 0; u < n; u++) slotsOf.add(new ArrayList<>());
            for (int k = 0; k < couplings.size(); k++) {
                slotsOf.get(couplings.get(k).i()).add(k);
                slotsOf.get(couplings.get(k).j()).add(k);
            }

            List<ActorRef<ClampedUnitActor.Command>> inputRefs = new ArrayList<>();
            @SuppressWarnings({"unchecked", "rawtypes"}) // a generic array: fast indexing on the hot path
            ActorRef<ClampedUnitActor.Command>[] clamped = new ActorRef[n];
            for (int u : net.inputs()) {
                clamped[u] = ctx.spawn(ClampedUnitActor.create(u, net.activation(), components, schedule.endTime(), probe, log.apply(u)), "in-" + u);
                inputRefs.add(clamped[u]);
            }
            ActorRef<InputSourceActor.Command> source = ctx.spawn(InputSourceActor.create(
                    schedule, spec.train(), spec.test(), spec.window(), inputRefs, net.inputs(), probe, log.apply(-1)), "input-source");
            ActorRef<TeacherActor.Command> teacher = ctx.spawn(TeacherActor.create(
                    schedule, spec.train(), spec.test(), spec.window(), source, net.outputs(), probe, log.apply(-2)), "teacher");

            int[] outputIndex = new int[n];
            java.util.Arrays.fill(outputIndex, -1);
            int[] outs = net.outputs();
            for (int o = 0; o < outs.length; o++) outputIndex[outs[o]] = o;
            @SuppressWarnings({"unchecked", "rawtypes"}) // a generic array: fast indexing on the hot path
            ActorRef<UnitActor.Command>[] units = new ActorRef[n];
            Timing timing = spec.timing();
            for (int u = 0; u < n; u++) {
                if (net.roles()[u] == Role.INPUT) continue;
                NudgeSchedule clock = ShiftedSchedule.of(schedule, timing.skew(RandomStreams.Kind.UNIT, u));
                UnitActor.Setup setup = new UnitActor.Setup(u, outputIndex[u], slotsOf.get(u).size(), schedule.batch(),
                        net.biases()[u], net.dynamics(complex), Rules.create(spec.rule(), clock, spec.rate()), schedule, spec.reset(), Rules.clampsOutputs(spec.rule()),
                        RandomStreams.stream(spec.seed(), RandomStreams.Kind.UNIT, u), timing, clock);
                units[u] = ctx.spawn(UnitActor.create(setup, teacher, probe, log.apply(u)), "u-" + u);
            }

            List<List<ActorRef<SynapseActor.Command>>> synapsesOf = new ArrayList<>();
            List<List<Integer>> synapseIds = new ArrayList<>(); // actor ids for the trace: synapse k is n + k
            for (int u = 0; u < n; u++) {
                synapsesOf.add(new ArrayList<>());
                synapseIds.add(new ArrayList<>());
            }
            for (int k = 0; k < couplings.size(); k++) {
                Coupling c = couplings.get(k);
                SynapseActor.Ends ends = new SynapseActor.Ends(
                        c.i(), units[c.i()], slotsOf.get(c.i()).indexOf(k),
                        c.j(), units[c.j()], slotsOf.get(c.j()).indexOf(k));
                NudgeSchedule clock = ShiftedSchedule.of(schedule, timing.skew(RandomStreams.Kind.SYNAPSE, k));
                ActorRef<SynapseActor.Command> syn = ctx.spawn(SynapseActor.create(k, ends, c.weight(),
                        timing.link(k, 0, c.delay()), timing.link(k, 1, c.delay()), Rules.create(spec.rule(), clock, spec.rate()),
                        timing.window(), schedule.endTime(), probe, log.apply(n + k), timing.free()), "s-" + k);
                synapsesOf.get(c.i()).add(syn);
                synapsesOf.get(c.j()).add(syn);
                synapseIds.get(c.i()).add(n + k);
                synapseIds.get(c.j()).add(n + k);
            }

            for (int u = 0; u < n; u++) {
                int[] ids = synapseIds.get(u).stream().mapToInt(Integer::intValue).toArray();
                if (units[u] != null) units[u].tell(new UnitActor.Connect(List.copyOf(synapsesOf.get(u)), ids));
                else clamped[u].tell(new ClampedUnitActor.Connect(List.copyOf(synapsesOf.get(u)), ids));
            }
            List<ActorRef<UnitActor.Command>> outputRefs = new ArrayList<>();
            for (int o : outs) outputRefs.add(units[o]);
            teacher.tell(new TeacherActor.Start(outputRefs));
            source.tell(new InputSourceActor.Start());
            return Behaviors.empty();
        });
    }
}
