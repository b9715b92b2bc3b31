package io.synaptor.actors;

import io.synaptor.network.LabeledData;
import io.synaptor.network.PhaseSchedule;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The teacher hears its Start from the builder and the outputs' reports from the output units — two
 * senders, not ordered. A report that comes first (a short free phase runs on the initial states,
 * before any clamp) must wait for Start, not stop the teacher and stall the run (issue 17, item 2).
 */
class TeacherActorTest {
    private static final ActorTestKit KIT = ActorTestKit.create();

    @AfterAll
    static void stop() {
        KIT.shutdownTestKit();
    }

    @Test
    void anOutputReportBeforeStartIsScoredOnceStartArrives() {
        // one evaluation episode of two examples and one output
        LabeledData test = new LabeledData(new double[][]{{0.1}, {0.9}}, new double[][]{{0.0}, {1.0}});
        PhaseSchedule schedule = new PhaseSchedule(2, 2, 1, 0.1, false, 1, 1, 0, 2);
        TestProbe<ProbeActor.Command> probe = KIT.createTestProbe();
        TestProbe<InputSourceActor.Command> inputs = KIT.createTestProbe();
        TestProbe<UnitActor.Command> output = KIT.createTestProbe();
        ActorRef<TeacherActor.Command> teacher = KIT.spawn(TeacherActor.create(schedule, LabeledData.empty(), test, 2,
                inputs.getRef(), new int[]{3}, probe.getRef(), null));

        teacher.tell(new TeacherActor.FreeOutput(0, 0, new double[]{0.2, 0.7}));
        probe.expectNoMessage(java.time.Duration.ofMillis(200)); // nothing to score against before Start
        teacher.tell(new TeacherActor.Start(List.of(output.getRef())));

        ProbeActor.EpisodeResult r = probe.expectMessageClass(ProbeActor.EpisodeResult.class);
        assertEquals(0, r.episode());
        assertEquals(2, r.count());
        // ½Σ(s − y)² over the two examples: ½(0.2² + 0.3²)
        assertEquals(0.5 * (0.04 + 0.09), r.lossSum(), 1e-15);
        assertEquals(new InputSourceActor.Progress(0), inputs.expectMessageClass(InputSourceActor.Progress.class));
        probe.expectMessageClass(ProbeActor.SourceFinal.class); // the last episode: the teacher is done
    }
}
