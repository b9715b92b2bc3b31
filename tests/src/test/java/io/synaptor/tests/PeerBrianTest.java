package io.synaptor.tests;

import io.synaptor.bench.LangevinBenchmark;
import io.synaptor.bench.LangevinExport;
import io.synaptor.bench.Peer;
import io.synaptor.network.LangevinNetwork;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

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
        Peer brian = Peer.find("langevin_brian2.py", "brian2", "python3-brian python3-dev g++");
        Assumptions.assumeTrue(brian.missing() == null, brian.missing());
        Path net = tmp.resolve("net.npz");
        LangevinExport.write(new LangevinNetwork(LangevinBenchmark.spec(1_000, 0.10)), 50, 1, net);
        double difference = brian.run(List.of("--net", net.toString(), "--steps", "100", "--repeats", "1", "--check", "50")).get("max_difference");
        assertTrue(difference < 1e-12, "Brian2 against the reference loop over 50 steps: " + difference);
        System.out.printf("PeerBrianTest: Brian2 within %.1e of the reference loop over 50 steps%n", difference);
    }
}
