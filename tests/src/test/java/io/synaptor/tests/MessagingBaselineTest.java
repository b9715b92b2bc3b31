package io.synaptor.tests;

import io.synaptor.actors.MessageKind;
import io.synaptor.network.Coupling;
import io.synaptor.network.NetworkSpec;
import io.synaptor.network.Role;
import io.synaptor.bench.MessagingBenchmark;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * bench messaging compares like with like, counted by the actors themselves against counts in closed
 * form from the benchmark network's topology (no timing: speed targets live in the benchmark).
 * <ul>
 * <li>The simulator does real work at every step — states and drives, never the cheap clocks of a
 *     settled unit (its premise: the temperature keeps every state changing). Over the one episode of
 *     S steps (times 0..S): each free unit sends S + 1 states to each of its synapses; each input its
 *     one clamped state; each free–free synapse S + 1 drives to each end; an input's synapse one drive
 *     to its free end (its input never changes); the source one clamp per input; no target, no clock.</li>
 * <li>Raw Pekko of the same shape carries 4 messages per synapse and round (each end's value in,
 *     passed on to the other end); between the units alone, 2 — each for as many rounds as come
 *     nearest the simulator's count, so both send what it sent to within half a round.</li>
 * </ul>
 */
class MessagingBaselineTest {
    @Test
    void simulatorAndRawSidesCarryTheTrafficOfTheirShape() {
        int units = 60;
        int degree = 4;
        int steps = 12;
        MessagingBenchmark.Report r = MessagingBenchmark.run(units, degree, steps, 2, null);
        NetworkSpec net = MessagingBenchmark.network(units, degree, MessagingBenchmark.SEED);
        long synapses = net.couplings().size();
        assertEquals(synapses, r.synapses());
        long inputs = 0;
        for (Role role : net.roles()) if (role == Role.INPUT) inputs++;
        long freeEnds = 0; // synapse ends at free units
        long inputEnds = 0; // synapse ends at inputs (each input's synapse has a free other end)
        for (Coupling c : net.couplings()) {
            boolean iIn = net.roles()[c.i()] == Role.INPUT;
            boolean jIn = net.roles()[c.j()] == Role.INPUT;
            assertTrue(!(iIn && jIn), "no input-input synapse");
            if (iIn || jIn) inputEnds++;
            freeEnds += (iIn ? 0 : 1) + (jIn ? 0 : 1);
        }
        long perEnd = steps + 1;
        Map<MessageKind, Long> expected = new EnumMap<>(MessageKind.class);
        expected.put(MessageKind.STATE, perEnd * freeEnds + inputEnds);
        expected.put(MessageKind.STATE_CLOCK, 0L);
        expected.put(MessageKind.DRIVE, perEnd * (freeEnds - inputEnds) + inputEnds);
        expected.put(MessageKind.DRIVE_CLOCK, 0L);
        expected.put(MessageKind.CLAMP, inputs);
        expected.put(MessageKind.TARGET, 0L);
        // measured: 126 synapses, 6 inputs: STATE 3000, DRIVE 2701, CLAMP 6, sim 5707; relay 5544 (11 rounds), fan-out 5796 (23)
        System.out.printf("[MessagingBaselineTest] simulator %s = %d; raw same shape %d, units only %d%n",
                r.simSent(), r.sim().messages(), r.relay().messages(), r.fanout().messages());
        assertEquals(expected, new EnumMap<>(r.simSent()), "the simulator's messages by kind");
        long sim = expected.values().stream().mapToLong(Long::longValue).sum();
        assertEquals(sim, r.sim().messages());

        long relayRounds = Math.round(sim / (4.0 * synapses));
        long fanoutRounds = Math.round(sim / (2.0 * synapses));
        assertEquals(4 * synapses * relayRounds, r.relay().messages(), "same shape: 4 messages per synapse and round");
        assertEquals(2 * synapses * fanoutRounds, r.fanout().messages(), "units only: 2 messages per synapse and round");
        assertTrue(Math.abs(r.relay().messages() - sim) <= 2 * synapses, "the same shape sends the simulator's count to half a round");
        assertTrue(Math.abs(r.fanout().messages() - sim) <= synapses, "the units alone send the simulator's count to half a round");
        // the ratios are the benchmark's figures: rates of the same message counts, so only their sign and finiteness are fixed here
        assertTrue(r.ratio() > 0 && Double.isFinite(r.ratio()) && r.fanoutRatio() > 0 && Double.isFinite(r.fanoutRatio()),
                "ratios " + r.ratio() + ", " + r.fanoutRatio());
    }
}
