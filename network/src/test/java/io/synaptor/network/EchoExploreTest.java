package io.synaptor.network;

import io.synaptor.neurons.Leapfrog;
import io.synaptor.neurons.Tanh;
import org.junit.jupiter.api.Test;
import java.util.SplittableRandom;

class EchoExploreTest {
    @Test
    void grid() {
        for (double gain : new double[]{0.5})
            for (double in : new double[]{0.3, 0.5})
                for (int seed = 1; seed <= 10; seed++) {
                    EchoNetwork.Built b = EchoNetwork.recurrent(6, 1, 1, new Tanh(), new Leapfrog(0.1, 0), gain, in, 1.0, true, new SplittableRandom(seed));
                    EchoReference ref = new EchoReference(b.net());
                    Sequences data = SequenceTasks.sineTracking(1, 100, 0.1, 1.0, 1, new SplittableRandom(3));
                    double[] exact = ref.bptt(b.init(), data, new int[]{0}).flat(); double nrm=0; for(double v:exact) nrm+=v*v; var tr=ref.forward(b.init(),data,0); double my=0; for(double[] r:tr.y()) for(double v:r) my=Math.max(my,Math.abs(v));
                    StringBuilder sb = new StringBuilder(String.format("gain %.1f in %.1f seed %d |g| %.2e loss %.2f ymax %.2f:", gain, in, seed, Math.sqrt(nrm), ref.loss(b.init(),data,new int[]{0}), my));
                    for (double eps : new double[]{1e-2, 1e-3}) {
                        double sym = EchoReferenceTest.relError(ref.echoGradient(b.init(), data, new int[]{0}, new EchoProgram(100, 1, 1, eps, EchoProgram.Form.SYMMETRIC)).flat(), exact);
                        double one = EchoReferenceTest.relError(ref.echoGradient(b.init(), data, new int[]{0}, new EchoProgram(100, 1, 1, eps, EchoProgram.Form.ONE_SIDED)).flat(), exact);
                        sb.append(String.format("  eps %.0e sym %.2e one %.2e", eps, sym, one));
                    }
                    System.out.println(sb);
                }
    }
}
