package io.synaptor.network;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The local force-matching update of every knot (the oscillators' a, b, c and the couplings' J, each
 * from what it measures at its own ends) is the gradient of the minibatch loss Σ_b ½λ_b Σ_i e_ib²: checked
 * against central finite differences on a 4-oscillator graph with a cycle. Also the energy distance.
 */
class ProtocolRulesTest {
    private static final NoisingSchedule SCHEDULE = new NoisingSchedule(0.7, 0.01, 2.0);
    private static final OscillatorNetwork.Spec SPEC = new OscillatorNetwork.Spec(4,
            List.of(new int[]{0, 1}, new int[]{1, 2}, new int[]{0, 2}, new int[]{2, 3}), SCHEDULE, 4, 0.01, 1.0);

    private static OscillatorNetwork net(SplittableRandom r) {
        OscillatorNetwork net = new OscillatorNetwork(SPEC);
        for (int i = 0; i < 4; i++) {
            double[][] k = new double[3][4];
            for (int j = 0; j < 4; j++) {
                k[0][j] = 0.5 + r.nextDouble();
                k[1][j] = r.nextDouble() - 0.5;
                k[2][j] = 5.0 + r.nextDouble(); // far from the c ≥ 0 bound
            }
            net.oscillator(i).set(k);
        }
        for (int c = 0; c < 4; c++) net.coupling(c).set(r.doubles(4, -0.5, 0.5).toArray());
        return net;
    }

    private static double loss(OscillatorNetwork net, DenoisingBatches.Batch b) {
        return net.train(b, new OscillatorNetwork.Learning(ProtocolRule.FORCE_MATCHING, 0.0, 0.0), new SplittableRandom[4]);
    }

    @Test
    void forceMatchingUpdateIsTheLossGradient() {
        SplittableRandom r = new SplittableRandom(3);
        double[][] data = new double[40][4];
        for (double[] d : data) for (int i = 0; i < 4; i++) d[i] = 3.0 * r.nextDouble() - 1.5;
        DenoisingBatches.Batch b = new DenoisingBatches(data, SCHEDULE, ProtocolRule.FORCE_MATCHING, 0.0, 40, 9).next();
        double rate = 1e-4;
        OscillatorNetwork stepped = net(new SplittableRandom(5));
        stepped.train(b, new OscillatorNetwork.Learning(ProtocolRule.FORCE_MATCHING, rate, 0.0), new SplittableRandom[4]);
        double worst = 0;
        for (int ii = 0; ii < 4; ii++) {
            for (int pp = 0; pp < 3; pp++) {
                for (int kk = 0; kk < 4; kk++) {
                    int i = ii, p = pp, k = kk;
                    double analytic = -(stepped.oscillator(i).knots()[p][k] - net(new SplittableRandom(5)).oscillator(i).knots()[p][k]) * b.size() / rate;
                    double fd = finiteDifference(b, (n, h) -> {
                        double[][] kn = n.oscillator(i).knots();
                        kn[p][k] += h;
                        n.oscillator(i).set(kn);
                    });
                    worst = Math.max(worst, Math.abs(analytic - fd) / Math.max(1.0, Math.abs(fd)));
                }
            }
        }
        for (int cc = 0; cc < 4; cc++) {
            for (int kk = 0; kk < 4; kk++) {
                int c = cc, k = kk;
                double analytic = -(stepped.coupling(c).knots()[k] - net(new SplittableRandom(5)).coupling(c).knots()[k]) * b.size() / rate;
                double fd = finiteDifference(b, (n, h) -> {
                    double[] kn = n.coupling(c).knots();
                    kn[k] += h;
                    n.coupling(c).set(kn);
                });
                worst = Math.max(worst, Math.abs(analytic - fd) / Math.max(1.0, Math.abs(fd)));
            }
        }
        System.out.printf("[ProtocolRulesTest] force matching vs finite differences: worst relative error %.2e%n", worst);
        assertTrue(worst < 5e-7, "worst relative error " + worst); // measured 6.8e-8 (central differences)
    }

    private interface Nudge {
        void apply(OscillatorNetwork net, double h);
    }

    private static double finiteDifference(DenoisingBatches.Batch b, Nudge nudge) {
        double h = 1e-5;
        OscillatorNetwork up = net(new SplittableRandom(5));
        nudge.apply(up, h);
        OscillatorNetwork down = net(new SplittableRandom(5));
        nudge.apply(down, -h);
        return (loss(up, b) - loss(down, b)) / (2 * h);
    }

    @Test
    void energyDistanceSeesAShiftAndNotANewDraw() {
        SplittableRandom r = new SplittableRandom(1);
        double[][] x = new double[800][2], y = new double[800][2], z = new double[800][2];
        for (int n = 0; n < 800; n++) {
            x[n] = new double[]{r.nextGaussian(), r.nextGaussian()};
            y[n] = new double[]{r.nextGaussian(), r.nextGaussian()};
            z[n] = new double[]{r.nextGaussian() + 1.0, r.nextGaussian()};
        }
        double same = EnergyDistance.of(x, y);
        double shifted = EnergyDistance.of(x, z);
        assertEquals(0.0, same, 0.02);
        assertTrue(shifted > 0.3 && shifted < 0.7, "shifted: " + shifted);
    }
}
