package io.synaptor.tests;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.synaptor.bench.Peer;
import io.synaptor.network.EchoNetwork;
import io.synaptor.network.EchoReference;
import io.synaptor.network.SequenceTasks;
import io.synaptor.network.Sequences;
import io.synaptor.neurons.Identity;
import io.synaptor.neurons.Leapfrog;
import io.synaptor.neurons.Tanh;
import io.synaptor.scenarios.GradientStats;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 23: the dense reference's trajectory and BPTT against an independent implementation —
 * bench/peers/echo_torch.py writes the potential and the leapfrog from the equations and differentiates the
 * trajectory with torch.autograd (float64). A tanh net (pairwise couplings, damping 0.1), and the two masses on
 * springs. Measured: loss within 4e-16, gradient within 4.3e-16 (relative) — round-off, summed in other orders. Skipped where
 * python3 with torch is missing.
 */
class EchoTorchTest {

    @Test
    void autogradThroughTheSameTrajectoryIsTheReferencesBptt(@TempDir Path tmp) throws Exception {
        Peer torch = Peer.find("echo_torch.py", "torch", "python3-torch");
        Assumptions.assumeTrue(torch.missing() == null, torch.missing());
        EchoNetwork.Built tanh = EchoNetwork.recurrent(6, 1, 2, new Tanh(), new Leapfrog(0.1, 0.1), 1.0, 0.5, 1.5, new SplittableRandom(11));
        Sequences sine = SequenceTasks.sineTracking(1, 80, 0.1, 1.0, 2, new SplittableRandom(12));
        EchoNetwork springs = new EchoNetwork(2, 1, Identity.LINEAR, EchoNetwork.Kind.SPRING, new int[][]{{0, 1}}, new int[][]{{0, 0}},
                new int[]{0, 1}, new Leapfrog(0.1, 0.0), EnumSet.allOf(EchoNetwork.Group.class));
        EchoNetwork.Built masses = new EchoNetwork.Built(springs, new EchoNetwork.Parameters(new double[]{0.7}, new double[]{1.0},
                new double[]{0.1, -0.2}, new double[]{1.0, 2.0}));
        for (EchoNetwork.Built b : List.of(tanh, masses)) {
            Path net = tmp.resolve("net.json"), out = tmp.resolve("grad.json");
            Files.writeString(net, json(b, sine));
            Map<String, Double> printed = torch.run(List.of("--net", net.toString(), "--out", out.toString()));
            Config got = ConfigFactory.parseFile(out.toFile());
            double[] autograd = got.getDoubleList("gradient").stream().mapToDouble(Double::doubleValue).toArray();
            EchoReference ref = new EchoReference(b.net());
            double loss = ref.loss(b.init(), sine, new int[]{0});
            double[] bptt = ref.bptt(b.init(), sine, new int[]{0}).flat();
            double lossError = Math.abs(loss - printed.get("loss")) / Math.abs(loss);
            double gradError = GradientStats.relativeError(bptt, autograd);
            System.out.printf("[EchoTorchTest] %s: loss %.6f (autograd %.6f, %.1e), gradient %.1e%n", b.net().kind(), loss, printed.get("loss"),
                    lossError, gradError);
            assertTrue(lossError < 1e-13, "loss " + loss + " vs " + printed.get("loss"));
            assertTrue(gradError < 1e-13, "BPTT vs autograd: " + gradError + "\n" + Arrays.toString(bptt) + "\n" + Arrays.toString(autograd));
        }
    }

    /** The network, its parameters and the first sequence, as echo_torch.py reads them. */
    private static String json(EchoNetwork.Built b, Sequences data) {
        EchoNetwork n = b.net();
        EchoNetwork.Parameters p = b.init();
        StringBuilder s = new StringBuilder("{");
        s.append("\"units\": ").append(n.units()).append(", \"phi\": \"").append(n.phi().name()).append("\", \"kind\": \"")
                .append(n.kind() == EchoNetwork.Kind.SPRING ? "spring" : "pairwise").append("\", \"dt\": ").append(n.leapfrog().dt())
                .append(", \"damping\": ").append(n.leapfrog().damping());
        s.append(", \"w\": ").append(list(p.w())).append(", \"in\": ").append(list(p.in())).append(", \"bias\": ").append(list(p.bias()))
                .append(", \"stiffness\": ").append(list(p.stiffness()));
        s.append(", \"pairs\": ").append(nested(n.pairs())).append(", \"inputLinks\": ").append(nested(n.inputLinks()))
                .append(", \"outputs\": ").append(Arrays.toString(n.outputs()));
        s.append(", \"inputs\": ").append(Arrays.stream(data.inputs()[0]).map(EchoTorchTest::list).collect(Collectors.joining(", ", "[", "]")));
        s.append(", \"targets\": ").append(Arrays.stream(data.targets()[0]).map(EchoTorchTest::list).collect(Collectors.joining(", ", "[", "]")));
        s.append(", \"lossAt\": ").append(Arrays.toString(data.lossAt()));
        return s.append("}").toString();
    }

    private static String list(double[] v) {
        return Arrays.stream(v).mapToObj(Double::toString).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String nested(int[][] v) {
        return Arrays.stream(v).map(Arrays::toString).collect(Collectors.joining(", ", "[", "]"));
    }
}
