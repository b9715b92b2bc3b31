package io.synaptor.tests;

import io.synaptor.actors.ProbeActor;
import io.synaptor.actors.ProgressListener;
import io.synaptor.actors.RunResult;
import io.synaptor.actors.SimulationRunner;
import io.synaptor.actors.SimulationSpec;
import io.synaptor.network.LabeledData;
import io.synaptor.network.NetworkSpec;
import io.synaptor.network.PhaseSchedule;
import io.synaptor.network.SynchronousSimulation;
import io.synaptor.scheduler.Timing;
import io.synaptor.scheduler.UpdateModel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * An episode that starts with a reset does not remember the episode before it (ResetHold): the same
 * examples after two different ones give the same outputs — the same bits in the synchronous
 * simulation, the same to round-off in the actors. Without the hold the drives sent before the reset moved the first steps, and with a
 * short free phase the loss differed in the second decimal.
 */
class ResetHoldTest {

    @ParameterizedTest(name = "delay {0}, jitter {1}")
    @CsvSource({"1, 0", "3, 0", "2, 2"})
    void anEpisodeAfterAResetDoesNotDependOnThePreviousOne(int delay, int jitter) throws Exception {
        NetworkSpec net = Nets.random(new int[]{3, 7, 2}, delay, 4);
        LabeledData before1 = Nets.randomData(5, 3, 2, 11);
        LabeledData before2 = Nets.randomData(5, 3, 2, 12);
        LabeledData same = Nets.randomData(5, 3, 2, 13);
        int freeSteps = 8 + delay + jitter; // short: the relaxation has not forgotten where it started
        Timing timing = new Timing(UpdateModel.everyStep(net.size()), jitter, 0.0, 0, 7);

        ProbeActor.EpisodeResult[] second = new ProbeActor.EpisodeResult[2];
        double[][] syncOutputs = new double[2][];
        double[] firstLoss = new double[2];
        for (int v = 0; v < 2; v++) {
            LabeledData test = concat(v == 0 ? before1 : before2, same);
            PhaseSchedule schedule = new PhaseSchedule(5, freeSteps, 1, 0.1, false, 1, 1, 0, test.size());
            RunResult r = SimulationRunner.run(SimulationSpec.builder(net, schedule, LabeledData.empty(), test).rate(0.0)
                    .reset(true).seed(1).window(2).timing(timing)
                    .build(), SimulationRunner.Runtime.defaults(), ProgressListener.NONE);
            assertEquals(2, r.episodes().size());
            firstLoss[v] = r.episodes().get(0).lossSum();
            second[v] = r.episodes().get(1);
            SynchronousSimulation.Result sync = SynchronousSimulation.of(net, schedule, LabeledData.empty(), test)
                    .reset(true).seed(1).timing(timing).run();
            syncOutputs[v] = Arrays.stream(net.outputs()).mapToObj(o -> sync.states()[o]).flatMapToDouble(Arrays::stream).toArray();
            assertEquals(sync.episodes().get(1).lossSum(), second[v].lossSum(), 1e-12, "actors and synchronous simulation (summed in another order)");
        }
        assertNotEquals(firstLoss[0], firstLoss[1], "the episodes before differ");
        // the actors' running field sums (add new, subtract old) keep the rounding of their history: 1e-12, not bits
        assertEquals(second[0].lossSum(), second[1].lossSum(), 1e-12, "the same examples after a reset, whatever came before");
        assertArrayEquals(second[0].predicted(), second[1].predicted());
        assertArrayEquals(syncOutputs[0], syncOutputs[1]);
    }

    private static LabeledData concat(LabeledData a, LabeledData b) {
        double[][] x = new double[a.size() + b.size()][];
        double[][] y = new double[x.length][];
        for (int k = 0; k < x.length; k++) {
            x[k] = k < a.size() ? a.x()[k] : b.x()[k - a.size()];
            y[k] = k < a.size() ? a.y()[k] : b.y()[k - a.size()];
        }
        return new LabeledData(x, y);
    }
}
