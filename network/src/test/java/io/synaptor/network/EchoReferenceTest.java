package io.synaptor.network;

import io.synaptor.neurons.Identity;
import io.synaptor.neurons.Leapfrog;
import io.synaptor.neurons.Tanh;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Hamiltonian network's dense reference: BPTT against finite differences, and echo learning against BPTT. */
class EchoReferenceTest {
    static final int[] ONE = {0};

    static EchoNetwork.Built net(boolean linear, double damping) {
        return EchoNetwork.recurrent(6, 1, 1, linear ? Identity.LINEAR : new Tanh(), new Leapfrog(0.1, damping), linear ? 0.5 : 1.5, 0.8,
                1.0, new SplittableRandom(7));
    }

    static Sequences sine() {
        return SequenceTasks.sineTracking(1, 100, 0.1, 1.0, 1, new SplittableRandom(3));
    }

    static double relError(double[] a, double[] b) {
        double num = 0, den = 0;
        for (int k = 0; k < a.length; k++) {
            num += (a[k] - b[k]) * (a[k] - b[k]);
            den += b[k] * b[k];
        }
        return Math.sqrt(num / den);
    }

    @Test
    void bpttIsTheGradientOfTheDiscreteTrajectory() {
        for (double damping : new double[]{0.0, 0.3}) {
            EchoNetwork.Built b = net(false, damping);
            EchoReference ref = new EchoReference(b.net());
            Sequences data = sine();
            double[] exact = ref.bptt(b.init(), data, ONE).flat();
            double[] fd = new double[exact.length];
            double h = 1e-6;
            for (int k = 0; k < fd.length; k++) {
                EchoNetwork.Parameters plus = b.init().copy(), minus = b.init().copy();
                plus.add(k, h);
                minus.add(k, -h);
                fd[k] = (ref.loss(plus, data, ONE) - ref.loss(minus, data, ONE)) / (2 * h);
            }
            double err = relError(exact, fd);
            System.out.printf("damping %.1f: BPTT vs finite differences %.2e%n", damping, err);
            assertTrue(err < 1e-7, "BPTT vs central differences: " + err);
        }
    }

    @Test
    void symmetricEchoConvergesAsEpsilonSquaredAndOneSidedAsEpsilon() {
        EchoNetwork.Built b = net(false, 0.0);
        EchoReference ref = new EchoReference(b.net());
        Sequences data = sine();
        double[] exact = ref.bptt(b.init(), data, ONE).flat();
        double[] eps = {1e-2, 1e-3, 1e-4};
        double[] sym = new double[3], one = new double[3];
        for (int k = 0; k < 3; k++) {
            sym[k] = relError(ref.echoGradient(b.init(), data, ONE, new EchoProgram(100, 1, 1, eps[k], EchoProgram.Form.SYMMETRIC)).flat(), exact);
            one[k] = relError(ref.echoGradient(b.init(), data, ONE, new EchoProgram(100, 1, 1, eps[k], EchoProgram.Form.ONE_SIDED)).flat(), exact);
        }
        // a strongly nonlinear net (gain 1.5): measured 1.3e-1, 1.6e-3, 1.6e-5 and 2.8e-1, 3.4e-2, 3.5e-3
        for (int k = 1; k < 3; k++) {
            double slopeSym = Math.log10(sym[k - 1] / sym[k]), slopeOne = Math.log10(one[k - 1] / one[k]);
            assertTrue(slopeSym > 1.8 && slopeSym < 2.2, "symmetric: slope " + slopeSym + " between ε = " + eps[k - 1] + " and " + eps[k]);
            assertTrue(slopeOne > 0.85 && slopeOne < 1.15, "one-sided: slope " + slopeOne + " between ε = " + eps[k - 1] + " and " + eps[k]);
        }
    }

    @Test
    void linearNetEchoIsExact() {
        EchoNetwork.Built b = net(true, 0.0);
        EchoReference ref = new EchoReference(b.net());
        Sequences data = sine();
        double[] exact = ref.bptt(b.init(), data, ONE).flat();
        for (double eps : new double[]{1e-2, 1.0}) {
            double sym = relError(ref.echoGradient(b.init(), data, ONE, new EchoProgram(100, 1, 1, eps, EchoProgram.Form.SYMMETRIC)).flat(), exact);
            System.out.printf("linear eps %.0e: %.3e%n", eps, sym);
            assertTrue(sym < 1e-9, "linear symmetric at ε = " + eps + ": " + sym);
        }
    }
}
