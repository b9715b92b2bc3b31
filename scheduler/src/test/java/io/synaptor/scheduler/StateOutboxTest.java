package io.synaptor.scheduler;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a unit tells its synapses (DESIGN.md, "Time"): send-on-delta and K-step windows, message by message. */
class StateOutboxTest {

    private static Timing timing(double threshold, int window) {
        return new Timing(UpdateModel.everyStep(1), 0, 0.0, 0, 0L, threshold, window, -1);
    }

    private static List<String> run(Timing timing, long end, double[] rho) {
        OutgoingLinkTest.Recorder r = new OutgoingLinkTest.Recorder();
        StateOutbox out = new StateOutbox(timing, end, r);
        for (int t = 0; t < rho.length; t++) out.offer(t, new double[]{rho[t]}); // a fresh vector each step, as a unit sends
        return r.log;
    }

    @Test
    void everyChangeGoesAtOnceAndAnUnchangedValueAsAClock() {
        // threshold 0: one bit of change is enough; the same bits in a new vector are no change
        assertEquals(List.of(
                "V s=0 t=0 h=0 1.0",
                "C s=1 h=1",
                "V s=2 t=2 h=2 " + Math.nextUp(1.0),
                "V s=3 t=3 h=3 -0.0",
                "V s=4 t=4 h=4 0.0"), run(timing(0.0, 1), 10, new double[]{1.0, 1.0, Math.nextUp(1.0), -0.0, 0.0}));
    }

    @Test
    void sendOnDeltaMeasuresFromTheLastValueSent() {
        // threshold 1/8 (exact in binary): a move of exactly 1/8 stays; drift adds up from the last value sent, not the last seen
        assertEquals(List.of(
                "V s=0 t=0 h=0 0.0",
                "C s=1 h=1",            // 1/16
                "C s=2 h=2",            // 1/8: not more than the threshold
                "V s=3 t=3 h=3 0.1875", // 3/16 > 1/8 from 0
                "C s=4 h=4",            // 1/4 is 1/16 from 3/16
                "V s=5 t=5 h=5 0.375",  // 3/16 from 3/16
                "V s=6 t=6 h=6 NaN"),   // a blown-up value always goes
                run(timing(0.125, 1), 10, new double[]{0, 0.0625, 0.125, 0.1875, 0.25, 0.375, Double.NaN}));
    }

    @Test
    void aWindowGoesAtZeroAtEveryMultipleOfKAndAtTheEnd() {
        // K = 3, the end at 10: windows close at 0, 3, 6, 9 and 10; each carries the values sent since the last, with their times
        double[] rho = {1, 2, 2, 2, 3, 4, 4, 4, 4, 4, 5};
        assertEquals(List.of(
                "W s=0 t=[0] h=0 [1.0]",
                "W s=3 t=[1] h=3 [2.0]",
                "W s=6 t=[4, 5] h=6 [3.0,4.0]",
                "C s=9 h=9",               // nothing new in 7 … 9
                "W s=10 t=[10] h=10 [5.0]"), run(timing(0.0, 3), 10, rho));
    }

    @Test
    void aFullWindowCarriesKValues() {
        double[] rho = {0, 1, 2, 3, 4, 5, 6};
        assertEquals(List.of(
                "W s=0 t=[0] h=0 [0.0]",
                "W s=3 t=[1, 2, 3] h=3 [1.0,2.0,3.0]",
                "W s=6 t=[4, 5, 6] h=6 [4.0,5.0,6.0]"), run(timing(0.0, 3), 6, rho));
    }

    @Test
    void sendOnDeltaAppliesInsideWindowsToo() {
        double[] rho = {0, 0.0625, 0.25, 0.25, 0.3125};
        assertEquals(List.of(
                "W s=0 t=[0] h=0 [0.0]",
                "W s=2 t=[2] h=2 [0.25]",
                "C s=4 h=4"), run(timing(0.125, 2), 4, rho));
    }
}
