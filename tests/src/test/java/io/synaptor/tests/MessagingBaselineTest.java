package io.synaptor.tests;

import io.synaptor.scenarios.bench.MessagingBenchmark;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * bench messaging's raw Pekko sides carry the traffic their shape implies, counted by the actors
 * themselves: through one relay per synapse, 4 messages per synapse and round (each end's value
 * in, each passed on); between the units alone, 2. Both run as many rounds as match the
 * simulator's own count.
 */
class MessagingBaselineTest {
    @Test
    void rawSidesCarryTheTrafficOfTheirShape() {
        MessagingBenchmark.Report r = MessagingBenchmark.run(60, 4, 12, 2, null);
        long synapses = r.synapses();
        long sim = r.sim().messages();
        long relayRounds = Math.max(1, Math.round(sim / (4.0 * synapses)));
        long fanoutRounds = Math.max(1, Math.round(sim / (2.0 * synapses)));
        assertEquals(4 * synapses * relayRounds, r.relay().messages(), "same shape: 4 messages per synapse and round");
        assertEquals(2 * synapses * fanoutRounds, r.fanout().messages(), "units only: 2 messages per synapse and round");
        assertTrue(Math.abs(r.relay().messages() - sim) <= 2 * synapses, "the same shape sends the simulator's count to half a round");
        assertTrue(r.ratio() > 0 && Double.isFinite(r.ratio()) && r.fanoutRatio() > 0 && Double.isFinite(r.fanoutRatio()),
                "ratios " + r.ratio() + ", " + r.fanoutRatio());
    }
}
