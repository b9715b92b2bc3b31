package io.synaptor.tests;

import io.synaptor.bench.LangevinBenchmark;
import io.synaptor.bench.LangevinExport;
import io.synaptor.network.LangevinNetwork;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 22, item 4: bench langevin's peer, Brian2 (bench/peers/langevin_brian2.py, cython target), runs the network the
 * simulator's reference loop runs. The benchmark's N = 1,000 network at 10 % (LangevinExport writes its couplings and a
 * noiseless trajectory of the reference loop from a random start), 50 steps at T = 0: Brian2's states agree with the
 * loop's to round-off at every step (measured 3.4e-15; tanh and the field's sum differ in the last bits). Skipped
 * where /usr/bin/python3 has no Brian2 (Debian: python3-brian, with python3-dev and g++ for the cython target).
 */
class PeerBrianTest {

    @Test
    void brianRunsTheReferenceTrajectory(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(hasBrian(), "no /usr/bin/python3 with brian2 (Debian: apt-get install python3-brian python3-dev g++)");
        Path net = tmp.resolve("net.npz");
        LangevinExport.write(new LangevinNetwork(LangevinBenchmark.spec(1_000, 0.10)), 50, 1, net);
        Process p = new ProcessBuilder("/usr/bin/python3", Path.of("..", "bench", "peers", "langevin_brian2.py").toString(), "--net", net.toString(),
                "--steps", "100", "--repeats", "1", "--check", "50").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        String[] lines = out.strip().split("\n");
        double difference = Double.NaN;
        for (String word : lines[lines.length - 1].split("\\s+")) if (word.startsWith("max_difference=")) difference = Double.parseDouble(word.substring(15));
        assertTrue(difference < 1e-12, "Brian2 against the reference loop over 50 steps: " + difference + "\n" + out);
        System.out.printf("PeerBrianTest: Brian2 within %.1e of the reference loop over 50 steps%n", difference);
    }

    private static boolean hasBrian() {
        try {
            Process p = new ProcessBuilder("/usr/bin/python3", "-c", "import brian2").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
