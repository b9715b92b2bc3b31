package io.synaptor.scheduler;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The timing models of issue 4, against their definitions. */
class TimingModelsTest {

    /** A(τ) = max over τ' ≤ τ of τ' + D + J(τ'): in order, between τ + D and τ + D + jitter, and exactly that maximum. */
    @Test
    void jitteredArrivalsAreTheRunningMaximum() {
        LinkDelay link = new LinkDelay(3, 4, 0.0, 77, 5);
        long running = Long.MIN_VALUE;
        long before = 0;
        for (long tau = 1; tau < 2000; tau++) {
            long a = link.arrival(tau);
            long own = tau + 3 + (long) (RandomStreams.uniform(77, RandomStreams.Kind.JITTER, 5, tau) * 5);
            running = Math.max(running, own);
            assertEquals(running, a, "A(" + tau + ")");
            assertTrue(a >= tau + 3 && a <= tau + 7);
            assertTrue(a >= before);
            before = a;
        }
        assertEquals(0, link.arrival(0));
        assertEquals(13, new LinkDelay(3).arrival(10));
    }

    @Test
    void lossHappensAtItsRateAndTheNextValueGetsThrough() {
        LinkDelay link = new LinkDelay(1, 0, 0.3, 11, 2);
        int lost = 0;
        for (long tau = 1; tau <= 100_000; tau++) {
            if (!link.delivered(tau)) {
                lost++;
                long next = link.firstDelivered(tau);
                assertTrue(next > tau && link.delivered(next));
                for (long k = tau; k < next; k++) assertFalse(link.delivered(k));
            }
        }
        assertEquals(0.3, lost / 100_000.0, 0.01);
        assertTrue(link.delivered(0), "the initial state always arrives");
        assertThrows(IllegalArgumentException.class, () -> new LinkDelay(1, 0, 1.0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new LinkDelay(1, -1, 0.0, 0, 0));
    }

    @Test
    void poissonUnitsUpdateAtTheirRateAndTheSameWayEveryTime() {
        UpdateModel m = new UpdateModel(3, new double[]{1.0, 0.25});
        int ticks = 0;
        for (long t = 0; t < 100_000; t++) {
            assertTrue(m.updates(0, t));
            if (m.updates(1, t)) ticks++;
            assertEquals(m.updates(1, t), new UpdateModel(3, new double[]{1.0, 0.25}).updates(1, t));
        }
        assertEquals(0.25, ticks / 100_000.0, 0.01);
        assertThrows(IllegalArgumentException.class, () -> new UpdateModel(1, new double[]{0.0}));
    }

    @Test
    void delayModelsDrawWithinTheirRanges() {
        SplittableRandom r = new SplittableRandom(1);
        double sumU = 0;
        for (int k = 0; k < 10_000; k++) {
            int u = new DelayModel.Uniform(5, 2).draw(r, 1.0);
            assertTrue(u >= 3 && u <= 7);
            sumU += u;
            assertTrue(new DelayModel.LogNormal(4, 0.8).draw(r, 1.0) >= 1);
        }
        assertEquals(5.0, sumU / 10_000, 0.05);
        assertEquals(6, new DelayModel.Distance(3).draw(r, 2.0));
        assertEquals(1, new DelayModel.Distance(3).draw(r, 0.01), "never below one step");
        assertThrows(IllegalArgumentException.class, () -> new DelayModel.Uniform(2, 2));
        assertThrows(IllegalArgumentException.class, () -> DelayModel.named("gaussian", 1, 0));
    }

    @Test
    void sendOnDeltaComparesWithTheLastValueSent() {
        Timing exact = Timing.exact(1);
        Timing delta = new Timing(UpdateModel.everyStep(1), 0, 0.0, 0, 0, 1e-3);
        double[] sent = {0.5, 0.2};
        assertTrue(exact.mustSend(new double[]{0.5, 0.2000001}, sent));
        assertFalse(exact.mustSend(new double[]{0.5, 0.2}, sent));
        assertFalse(delta.mustSend(new double[]{0.5009, 0.2}, sent));
        assertTrue(delta.mustSend(new double[]{0.5, 0.2011}, sent));
        assertTrue(delta.mustSend(new double[]{0.5, 0.2}, null), "the first value always goes");
    }

    @Test
    void lateValuesSupersedeWhatWasQueuedAfterThem() {
        TimedInbox<double[]> in = new TimedInbox<>(-1);
        in.offerLate(5, 5, new double[]{1});
        in.offerLate(8, 8, new double[]{2});
        in.offerLate(6, 6, new double[]{3}); // a weight moved at 6: the value queued for 8 is re-sent after it
        in.offerLate(8, 8, new double[]{4});
        assertTrue(in.advanceTo(7));
        assertArrayEquals(new double[]{3}, in.current());
        assertTrue(in.advanceTo(8));
        assertArrayEquals(new double[]{4}, in.current());
        assertEquals(8, in.knownThrough());
        in.offerLate(2, 2, new double[]{5}); // late: takes effect at once
        assertTrue(in.advanceTo(9));
        assertArrayEquals(new double[]{5}, in.current());
        assertNull(new TimedInbox<double[]>(-1).current());
    }
}
