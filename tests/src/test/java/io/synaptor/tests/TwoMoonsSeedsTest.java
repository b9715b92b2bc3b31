package io.synaptor.tests;

import com.typesafe.config.ConfigFactory;
import io.synaptor.network.LabeledData;
import io.synaptor.network.LayeredNetworks;
import io.synaptor.network.NetworkSpec;
import io.synaptor.network.PhaseSchedule;
import io.synaptor.network.SynchronousSimulation;
import io.synaptor.neurons.Activation;
import io.synaptor.scenarios.Settings;
import io.synaptor.scenarios.TwoMoonsScenario;
import io.synaptor.scenarios.data.TwoMoons;
import io.synaptor.scheduler.RandomStreams;
import io.synaptor.synapses.Optimizer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Acceptance (issue 17, item 3): two-moons at its defaults reaches test accuracy ≥ 0.97 on at least 8
 * of seeds 1–10, and the mean of its last five epochs stays above 0.95 on every seed (no seed sits on
 * the linear plateau, ≈ 0.88). Run through the synchronous simulation — the actors' dynamics up to the
 * order of floating-point sums (SynchronousSimulationTest: parameters within 1e-9 after 3 epochs; over 40
 * epochs of training such differences grow, and the actors' seed 1 reads 0.9975 where this reads 1.0;
 * TrainingTest runs it) — with every default read from TwoMoonsScenario's settings, so a change of
 * default is tested as it ships.
 *
 * <p>Part of the full verification ({@code mvn -B verify -Pfull}, tag {@code full}): at 100–160 s it
 * was a fifth of the fast suite, where TrainingTest holds seed 1 through the actors to the same bound.
 */
@Tag("full")
class TwoMoonsSeedsTest {

    @Test
    @Timeout(value = 15, unit = java.util.concurrent.TimeUnit.MINUTES) // ~100 s on 2 quiet cores, 340 s under load
    void twoMoonsDefaultsHoldOnAtLeastEightOfSeedsOneToTen() {
        TwoMoonsScenario scenario = new TwoMoonsScenario();
        Settings s = Settings.resolve(scenario.name(), scenario.settings(), ConfigFactory.empty());
        assertEquals("one-sided", s.getString("learning.rule"));
        int epochs = s.getInt("training.epochs");
        Optimizer optimizer = Optimizer.of(s.getString("learning.optimizer"), s.getDouble("learning.rate-decay"));
        // the seeds are independent runs: two at a time on a 2-core machine
        List<double[]> runs = java.util.stream.LongStream.rangeClosed(1, 10).parallel()
                .mapToObj(seed -> lastEpochs(s, seed, epochs, optimizer)).toList();
        List<String> finals = new ArrayList<>();
        int held = 0;
        double worstLast5 = 1.0;
        for (int k = 0; k < runs.size(); k++) {
            double last = runs.get(k)[0], last5 = runs.get(k)[1];
            finals.add(String.format("%d: %.4f (last 5: %.4f)", k + 1, last, last5));
            if (last >= 0.97) held++;
            worstLast5 = Math.min(worstLast5, last5);
        }
        System.out.println("[TwoMoonsSeedsTest] test accuracy at the defaults, seeds 1–10: " + finals);
        assertTrue(held >= 8, "two-moons ≥ 0.97 on " + held + " of seeds 1–10: " + finals);
        assertTrue(worstLast5 > 0.95, "a seed's last five epochs average " + worstLast5 + ": " + finals);
    }

    /** One seed's run: the last epoch's test accuracy and the mean of the last five epochs'. */
    private static double[] lastEpochs(Settings s, long seed, int epochs, Optimizer optimizer) {
        LabeledData train = TwoMoonsScenario.encoded(s, TwoMoons.generate(s.getInt("training.train-size"), s.getDouble("data.noise"),
                RandomStreams.stream(seed, RandomStreams.Kind.DATA, 0)));
        LabeledData test = TwoMoonsScenario.encoded(s, TwoMoons.generate(s.getInt("training.test-size"), s.getDouble("data.noise"),
                RandomStreams.stream(seed, RandomStreams.Kind.DATA, 1)));
        NetworkSpec net = LayeredNetworks.build(s.getIntList("network.layers"), s.getInt("network.delay"),
                Activation.named(s.getString("units.activation")), s.getDouble("time.dt"), s.getDouble("units.temperature"),
                RandomStreams.stream(seed, RandomStreams.Kind.INIT, 0));
        PhaseSchedule schedule = new PhaseSchedule(s.getInt("training.batch"), s.getInt("time.free-steps"), s.getInt("time.nudge-steps"),
                s.getDouble("learning.beta"), s.getBoolean("learning.random-sign"), seed, epochs, train.size(), test.size());
        long sd = seed;
        SynchronousSimulation.Result r = SynchronousSimulation.of(net, schedule, train, test)
                .rate(s.getDouble("learning.rate")).reset(s.getBoolean("units.reset")).seed(sd).optimizer(optimizer).run();
        int[] correct = new int[epochs];
        int[] count = new int[epochs];
        for (SynchronousSimulation.Episode e : r.episodes()) {
            if (schedule.isTraining(e.episode())) continue;
            correct[schedule.epochOf(e.episode())] += e.correct();
            count[schedule.epochOf(e.episode())] += e.count();
        }
        assertEquals(test.size(), count[epochs - 1]);
        double last = (double) correct[epochs - 1] / count[epochs - 1];
        double last5 = 0;
        for (int e = epochs - 5; e < epochs; e++) last5 += (double) correct[e] / count[e] / 5;
        return new double[]{last, last5};
    }
}
