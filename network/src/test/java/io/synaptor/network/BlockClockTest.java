package io.synaptor.network;

import io.synaptor.synapses.BlockClock;
import io.synaptor.synapses.NudgeShape;
import io.synaptor.synapses.NudgeSchedule;
import io.synaptor.synapses.ShiftedSchedule;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A block's remembered clock answers exactly as the schedule it wraps, whatever the order of questions. */
class BlockClockTest {
    @Test
    void remembersWithoutChangingAnAnswer() {
        for (NudgeShape shape : new NudgeShape[]{NudgeShape.ONE_SIDED, NudgeShape.CENTERED, NudgeShape.circle(4)}) {
            NudgeSchedule base = ShiftedSchedule.of(new PhaseSchedule(5, 7, 3, 0.2, true, 11, 3, 40, 13, shape), 2);
            BlockClock clock = new BlockClock(base);
            SplittableRandom random = new SplittableRandom(3);
            long end = base.endTime();
            for (int q = 0; q < 20_000; q++) {
                // repeat a question often, as a block's weights do, and move on now and then
                long t = random.nextInt(4) == 0 ? random.nextLong(end + 5) : q / 50;
                long e = base.episodeOfState(t);
                int k = random.nextInt(shape.points());
                assertEquals(base.episodeOfState(t), clock.episodeOfState(t));
                assertEquals(base.episodeOfStep(t), clock.episodeOfStep(t));
                assertEquals(base.isTraining(e), clock.isTraining(e));
                assertEquals(base.epochOf(e), clock.epochOf(e));
                assertEquals(base.start(e), clock.start(e));
                assertEquals(base.freeSampleTime(e), clock.freeSampleTime(e));
                assertEquals(base.pointSampleTime(e, k), clock.pointSampleTime(e, k));
                assertEquals(base.nudgedSampleTime(e), clock.nudgedSampleTime(e));
                assertEquals(base.counterNudgedSampleTime(e), clock.counterNudgedSampleTime(e));
                assertEquals(base.beta(e), clock.beta(e));
                assertEquals(base.nextTrainingTime(t, base::freeSampleTime, base::nudgedSampleTime),
                        clock.nextTrainingTime(t, clock::freeSampleTime, clock::nudgedSampleTime));
            }
        }
    }
}
