package io.synaptor.actors;

import io.synaptor.scheduler.LinkDelay;
import io.synaptor.synapses.SynapseModel;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A synapse passes one end's value on without waiting for the other end's value of the same step, as
 * long as no sample is pending before it (W is fixed there); at a sample it waits for both ends, and
 * the drives after it carry the moved weight. Checked against the closed form w·ρ at link delay 1.
 */
class SynapseActorTest {
    private static final ActorTestKit KIT = ActorTestKit.create();

    @AfterAll
    static void stop() {
        KIT.shutdownTestKit();
    }

    /** One weight w (1 at first) between two single units; at τ = 3 it samples both ends and w becomes w + 1. */
    private static final class StepAtThree implements SynapseModel {
        static final long SAMPLE = 3;
        double w = 1;
        double[] seenI, seenJ;

        @Override public int cells() { return 1; }
        @Override public int coupling(int cell) { return 0; }
        @Override public int cellI(int cell) { return 0; }
        @Override public int cellJ(int cell) { return 0; }
        @Override public double weight(int cell) { return w; }
        @Override public long nextSampleTime(long t) { return t <= SAMPLE ? SAMPLE : Long.MAX_VALUE; }
        @Override public long nextUpdateTime(long t) { return nextSampleTime(t); }
        @Override public double[] driveToI(long tau, double[] valueJ) { return new double[]{w * valueJ[0]}; }
        @Override public double[] driveToJ(long tau, double[] valueI) { return new double[]{w * valueI[0]}; }
        @Override public double[] driveWithin(long tau, double[] value) { return new double[]{2 * w * value[0]}; } // (W + Wᵀ)ρ

        @Override
        public boolean learn(long tau, double[] valueI, double[] valueJ) {
            seenI = valueI;
            seenJ = valueJ;
            w += 1;
            return true;
        }
    }

    private static double rhoI(long t) {
        return t + 1;
    }

    private static double rhoJ(long t) {
        return 10 + t;
    }

    @Test
    void oneEndsValuesGoOnBeforeTheOtherEndCatchesUpButNotPastASample() {
        TestProbe<UnitActor.Command> i = KIT.createTestProbe();
        TestProbe<UnitActor.Command> j = KIT.createTestProbe();
        TestProbe<ProbeActor.Command> probe = KIT.createTestProbe();
        StepAtThree model = new StepAtThree();
        long end = 8;
        ActorRef<SynapseActor.Command> synapse = KIT.spawn(SynapseActor.create(7,
                new SynapseActor.Ends(new int[]{0}, i.getRef(), 0, new int[]{1}, j.getRef(), 0),
                model, new LinkDelay(1), new LinkDelay(1), 1, end, probe.getRef(), null, false, null));

        for (long t = 0; t <= 6; t++) synapse.tell(new SynapseActor.State(0, t, t, new double[]{rhoI(t)}));
        synapse.tell(new SynapseActor.State(1, 0, 0, new double[]{rhoJ(0)}));

        // End j is known through 0 only, yet it hears end i's values of 0, 1 and 2 (the initial state lands
        // at 0, later ones a step after they are sent); i's value at 3 waits for the sample at 3, which needs j's.
        List<UnitActor.Drive> early = drives(j, 3);
        assertEquals(List.of(0L, 2L, 3L), times(early));
        assertEquals(List.of(rhoI(0), rhoI(1), rhoI(2)), values(early));
        List<UnitActor.Drive> toI = drives(i, 1);
        assertEquals(List.of(0L), times(toI));
        assertEquals(List.of(rhoJ(0)), values(toI));

        for (long t = 1; t <= end; t++) synapse.tell(new SynapseActor.State(1, t, t, new double[]{rhoJ(t)}));
        synapse.tell(new SynapseActor.State(0, 7, end, new double[]{rhoI(7)}));

        // The sample saw both ends at 3; from there every drive carries w = 2.
        List<UnitActor.Drive> toJ = drives(j, 5); // (after the drives that followed it: the model's fields are then visible here)
        assertEquals(rhoI(3), model.seenI[0]);
        assertEquals(rhoJ(3), model.seenJ[0]);
        assertEquals(List.of(4L, 5L, 6L, 7L, 8L), times(toJ));
        assertEquals(List.of(2 * rhoI(3), 2 * rhoI(4), 2 * rhoI(5), 2 * rhoI(6), 2 * rhoI(7)), values(toJ));
    }

    @Test
    void aLateralBlockAnswersItsOneEndAndLearnsFromItAtTheSample() {
        TestProbe<UnitActor.Command> slice = KIT.createTestProbe();
        TestProbe<ProbeActor.Command> probe = KIT.createTestProbe();
        StepAtThree model = new StepAtThree();
        ActorRef<SynapseActor.Command> synapse = KIT.spawn(SynapseActor.create(8,
                new SynapseActor.Ends(new int[]{0}, slice.getRef(), 1, new int[]{0}, slice.getRef(), 1),
                model, new LinkDelay(1), new LinkDelay(1), 1, 5, probe.getRef(), null, false, null));

        for (long t = 0; t <= 4; t++) synapse.tell(new SynapseActor.State(0, t, t == 4 ? 5 : t, new double[]{rhoI(t)}));

        List<UnitActor.Drive> back = drives(slice, 5);
        assertEquals(List.of(0L, 2L, 3L, 4L, 5L), times(back));
        assertEquals(List.of(2 * rhoI(0), 2 * rhoI(1), 2 * rhoI(2), 4 * rhoI(3), 4 * rhoI(4)), values(back));
        assertEquals(rhoI(3), model.seenJ[0]);
    }

    /** The next {@code n} drives a unit is sent (clocks skipped), then none for a while. */
    private static List<UnitActor.Drive> drives(TestProbe<UnitActor.Command> unit, int n) {
        List<UnitActor.Drive> out = new ArrayList<>();
        while (out.size() < n) {
            if (unit.receiveMessage(Duration.ofSeconds(10)) instanceof UnitActor.Drive d) out.add(d);
        }
        while (true) {
            UnitActor.Command m;
            try {
                m = unit.receiveMessage(Duration.ofMillis(300));
            } catch (AssertionError quiet) {
                return out;
            }
            if (m instanceof UnitActor.Drive d) out.add(d); // one too many: the caller's assertion shows it
        }
    }

    private static List<Long> times(List<UnitActor.Drive> drives) {
        return drives.stream().map(UnitActor.Drive::time).toList();
    }

    private static List<Double> values(List<UnitActor.Drive> drives) {
        return drives.stream().map(d -> d.values()[0]).toList();
    }
}
