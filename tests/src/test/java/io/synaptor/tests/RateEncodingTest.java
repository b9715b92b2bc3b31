package io.synaptor.tests;

import io.synaptor.network.LabeledData;
import io.synaptor.neurons.Activation;
import io.synaptor.scenarios.data.RateEncoding;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Issue 5, the image scenarios' data.encoding=rate: every input unit presents its pixel as ρ. */
class RateEncodingTest {
    @ParameterizedTest
    @ValueSource(strings = {"sigmoid", "tanh", "hard-sigmoid"})
    void everyInputPresentsItsPixelAsItsRate(String name) {
        Activation act = Activation.named(name);
        SplittableRandom r = new SplittableRandom(5);
        double[][] x = new double[20][784];
        for (double[] row : x) for (int k = 0; k < row.length; k++) row[k] = r.nextInt(4) == 0 ? 0.0 : r.nextInt(256) / 255.0;
        double[][] y = new double[20][10];
        LabeledData data = new LabeledData(x, y);
        LabeledData encoded = RateEncoding.encode(data, act);
        assertSame(y, encoded.y());
        double margin = name.equals("hard-sigmoid") ? 0.0 : Activation.RATE_MARGIN;
        double low = name.equals("tanh") ? -1.0 + margin : margin; // pixels never reach tanh's lower end
        double worst = 0;
        for (int i = 0; i < x.length; i++) {
            for (int k = 0; k < 784; k++) {
                double p = x[i][k];
                double want = Math.min(Math.max(p, low), 1.0 - margin); // ρ stops 10⁻³ inside an open range
                assertEquals(Double.doubleToRawLongBits(act.stateOf(p)), Double.doubleToRawLongBits(encoded.x()[i][k]),
                        "the state of pixel " + p + " bit for bit (equal neighbours share one logarithm)");
                double got = act.rho(encoded.x()[i][k]);
                assertEquals(want, got, 1e-12, name + " pixel " + p);
                worst = Math.max(worst, Math.abs(got - p));
            }
        }
        assertEquals(margin, worst, 1e-12, "only the ends of an open range move, by the margin");
    }
}
