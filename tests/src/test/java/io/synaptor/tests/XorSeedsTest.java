package io.synaptor.tests;

import io.synaptor.network.LabeledData;
import io.synaptor.network.LayeredNetworks;
import io.synaptor.network.NetworkSpec;
import io.synaptor.network.PhaseSchedule;
import io.synaptor.network.SynchronousSimulation;
import io.synaptor.neurons.Activation;
import io.synaptor.scenarios.Setting;
import io.synaptor.scenarios.XorScenario;
import io.synaptor.scenarios.data.Xor;
import io.synaptor.scheduler.RandomStreams;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Acceptance (issue 17, item 3): xor at its defaults reaches test accuracy 1.0 on at least 8 of seeds
 * 1–10. Run through the synchronous simulation — the actors' dynamics bit for bit
 * (SynchronousSimulationTest), here with the scenario's rate decay — with the defaults read from
 * XorScenario's settings, so a change of default is tested as it ships. The actors' run of seed 1 is
 * ReadmeTableTest's xor row and TrainingTest.xorIsSolved.
 */
class XorSeedsTest {

    @Test
    void xorDefaultsHoldOnAtLeastEightOfSeedsOneToTen() {
        Map<String, Object> d = new XorScenario().settings().stream()
                .collect(Collectors.toMap(Setting::path, Setting::defaultValue));
        assertEquals("one-sided", d.get("learning.rule"));
        List<Number> layerList = (List<Number>) d.get("network.layers");
        int[] layers = layerList.stream().mapToInt(Number::intValue).toArray();
        double dt = num(d, "time.dt");
        int t1 = (int) num(d, "time.free-steps");
        int t2 = (int) num(d, "time.nudge-steps");
        int epochs = (int) num(d, "training.epochs");
        int batch = (int) num(d, "training.batch");
        LabeledData data = Xor.points();
        List<Double> finals = new ArrayList<>();
        int solved = 0;
        for (long seed = 1; seed <= 10; seed++) {
            NetworkSpec net = LayeredNetworks.build(layers, (int) num(d, "network.delay"), Activation.named((String) d.get("units.activation")),
                    dt, num(d, "units.temperature"), RandomStreams.stream(seed, RandomStreams.Kind.INIT, 0));
            PhaseSchedule schedule = new PhaseSchedule(batch, t1, t2, num(d, "learning.beta"), (Boolean) d.get("learning.random-sign"),
                    seed, epochs, data.size(), data.size());
            long sd = seed;
            SynchronousSimulation.Result r = SynchronousSimulation.of(net, schedule, data, data)
                    .rate(num(d, "learning.rate")).reset(true).seed(sd).rateDecay(num(d, "learning.rate-decay")).run();
            int correct = 0;
            int count = 0;
            for (SynchronousSimulation.Episode e : r.episodes()) {
                if (!schedule.isTraining(e.episode()) && schedule.epochOf(e.episode()) == epochs - 1) {
                    correct += e.correct();
                    count += e.count();
                }
            }
            assertEquals(data.size(), count);
            finals.add((double) correct / count);
            if (correct == count) solved++;
        }
        assertTrue(solved >= 8, "xor solved on " + solved + " of seeds 1–10: " + finals);
    }

    private static double num(Map<String, Object> d, String key) {
        return ((Number) d.get(key)).doubleValue();
    }
}
