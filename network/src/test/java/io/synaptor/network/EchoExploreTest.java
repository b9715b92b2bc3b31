package io.synaptor.network;

import io.synaptor.neurons.Leapfrog;
import io.synaptor.neurons.Tanh;
import io.synaptor.synapses.Optimizer;
import org.junit.jupiter.api.Test;
import java.util.SplittableRandom;

class EchoExploreTest {
    @Test
    void train() {
        int units = Integer.getInteger("u", 12), T = Integer.getInteger("T", 60), epochs = Integer.getInteger("ep", 20), batch = 20;
        double dt = Double.parseDouble(System.getProperty("dt", "0.2")), rate = Double.parseDouble(System.getProperty("rate", "0.01"));
        double alpha = Double.parseDouble(System.getProperty("alpha", "1"));
        double noise = Double.parseDouble(System.getProperty("noise", "0.3"));
        double[] omegas = java.util.Arrays.stream(System.getProperty("om", "1,1.5,2").split(",")).mapToDouble(Double::parseDouble).toArray();
        for (int seed = 1; seed <= Integer.getInteger("seeds", 2); seed++) {
            EchoNetwork.Built b = EchoNetwork.recurrent(units, 1, 3, new Tanh(), new Leapfrog(dt, 0), 0.5, 0.5, alpha, new SplittableRandom(seed));
            Sequences train = SequenceTasks.noisySinusoids(600, T, dt, omegas, noise, 10, 1.0, new SplittableRandom(100 + seed));
            Sequences test = SequenceTasks.noisySinusoids(300, T, dt, omegas, noise, 10, 1.0, new SplittableRandom(200 + seed));
            int per = 600 / batch;
            int[][] mb = new int[per * epochs][];
            SplittableRandom r = new SplittableRandom(seed);
            for (int e = 0; e < epochs; e++) {
                int[] p = ExampleOrder.permutation(600, r);
                for (int k = 0; k < per; k++) mb[e * per + k] = java.util.Arrays.copyOfRange(p, k * batch, (k + 1) * batch);
            }
            EchoReference ref = new EchoReference(b.net());
            long t0 = System.nanoTime();
            EchoNetwork.Parameters p = ref.train(b.init(), train, mb, per, rate, Optimizer.of("adam", 1.0), ref::bptt, (q, e) -> {});
            double eps = Double.parseDouble(System.getProperty("eps", "0.01"));
            EchoProgram prog = new EchoProgram(T, 1, 1, eps, EchoProgram.Form.SYMMETRIC);
            EchoNetwork.Parameters q = ref.train(b.init(), train, mb, per, rate, Optimizer.of("adam", 1.0), (pp, d, ex) -> ref.echoGradient(pp, d, ex, prog), (qq, e) -> {});
            System.out.printf("   RHEL eps %.0e: train %.3f test %.3f%n", eps, ref.accuracy(q, train), ref.accuracy(q, test));
            System.out.printf("seed %d init acc %.3f  BPTT: train %.3f test %.3f (%.1f s)%n", seed, ref.accuracy(b.init(), test), ref.accuracy(p, train), ref.accuracy(p, test), (System.nanoTime()-t0)/1e9);
        }
    }
}
