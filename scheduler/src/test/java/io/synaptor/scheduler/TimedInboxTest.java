package io.synaptor.scheduler;

import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimedInboxTest {

    @Test
    void valuesApplyAtTheirTimes() {
        TimedInbox<String> in = new TimedInbox<>(-1);
        assertEquals(-1, in.knownThrough());
        assertNull(in.current());
        assertEquals(Long.MAX_VALUE, in.nextPendingTime());
        assertEquals(-1, in.holdsThrough());

        in.offer(0, 0, "a");
        in.offer(3, 5, "b");
        assertEquals(5, in.knownThrough());
        assertEquals(0, in.nextPendingTime());
        assertNull(in.current(), "nothing applies before advancing");
        assertTrue(in.advanceTo(0));
        assertEquals("a", in.current());
        assertEquals(2, in.holdsThrough(), "a holds until b takes over at 3");
        assertEquals(3, in.nextPendingTime());
        assertFalse(in.advanceTo(2));
        assertEquals("a", in.current());
        assertTrue(in.advanceTo(3));
        assertEquals("b", in.current());
        assertEquals(5, in.holdsThrough());
        assertEquals(Long.MAX_VALUE, in.nextPendingTime());
        assertFalse(in.advanceTo(5));
        assertEquals("b", in.current());
    }

    @Test
    void advanceAppliesEveryValueUpToT() {
        TimedInbox<Integer> in = new TimedInbox<>(-1);
        in.offer(1, 1, 10);
        in.offer(2, 2, 20);
        in.offer(4, 4, 40);
        assertTrue(in.advanceTo(3));
        assertEquals(20, in.current());
        assertEquals(3, in.holdsThrough());
        assertEquals(4, in.nextPendingTime());
    }

    @Test
    void promiseMovesKnownThroughOnlyForward() {
        TimedInbox<String> in = new TimedInbox<>(-1);
        in.promise(9);
        assertEquals(9, in.knownThrough());
        assertEquals(9, in.holdsThrough());
        in.promise(4);
        assertEquals(9, in.knownThrough(), "a promise never moves the horizon back");
        // after a promise through 9, nothing stamped ≤ 9 may come
        assertThrows(IllegalStateException.class, () -> in.offer(9, 12, "x"));
        assertThrows(IllegalStateException.class, () -> in.offer(5, 12, "x"));
        in.offer(10, 12, "y");
        assertEquals(12, in.knownThrough());
        assertFalse(in.advanceTo(9));
        assertEquals(9, in.holdsThrough());
        assertTrue(in.advanceTo(10));
        assertEquals("y", in.current());
    }

    @Test
    void outOfOrderOffersThrow() {
        TimedInbox<String> in = new TimedInbox<>(-1);
        in.offer(3, 3, "a");
        assertThrows(IllegalStateException.class, () -> in.offer(3, 4, "dup"), "same time twice");
        assertThrows(IllegalStateException.class, () -> in.offer(2, 4, "back"), "earlier time");
        assertThrows(IllegalStateException.class, () -> in.offer(6, 5, "horizon"), "horizon before its own time");
        // the rejected offers changed nothing
        assertEquals(3, in.knownThrough());
        assertTrue(in.advanceTo(3));
        assertEquals("a", in.current());
        assertEquals(3, in.holdsThrough());
    }

    @Test
    void initialHorizonRejectsOldTimes() {
        TimedInbox<String> in = new TimedInbox<>(4);
        assertThrows(IllegalStateException.class, () -> in.offer(4, 4, "x"));
        in.offer(5, 5, "y");
        assertEquals(5, in.knownThrough());
    }

    /**
     * An offer stamped at or before the horizon an earlier offer announced breaks the CMB promise
     * ("nothing stamped at or before knownThrough will still arrive") and should be rejected like it
     * is after a clock message; TimedInbox only compares with the last value's time stamp.
     */
    @Test
    void offerWithinAnEarlierOffersHorizonThrows() {
        TimedInbox<String> in = new TimedInbox<>(-1);
        in.offer(5, 10, "a");
        assertThrows(IllegalStateException.class, () -> in.offer(7, 12, "b"));
    }

    @Test
    void ringGrowsPastInitialCapacityWithValuesIntact() {
        TimedInbox<Integer> in = new TimedInbox<>(-1);
        for (int k = 1; k <= 100; k++) in.offer(k, k, k * 7);
        assertEquals(100, in.knownThrough());
        assertEquals(1, in.nextPendingTime());
        for (int k = 1; k <= 100; k++) {
            assertTrue(in.advanceTo(k));
            assertEquals(k * 7, in.current());
            assertEquals(k == 100 ? 100 : k, in.holdsThrough());
        }
        assertEquals(Long.MAX_VALUE, in.nextPendingTime());
    }

    @Test
    void ringGrowsWhileWrappedAround() {
        // move head off 0 first, so grow() has to unwrap
        TimedInbox<Integer> in = new TimedInbox<>(-1);
        in.offer(1, 1, 1);
        in.offer(2, 2, 2);
        in.offer(3, 3, 3);
        in.advanceTo(2); // head = 2, size = 1
        for (int k = 4; k <= 20; k++) in.offer(k, k, k);
        for (int k = 3; k <= 20; k++) {
            assertTrue(in.advanceTo(k));
            assertEquals(k, in.current());
        }
    }

    /** Random interleavings of offers, promises and advances against a plain queue model. */
    @Test
    void randomOperationsMatchAQueueModel() {
        SplittableRandom rnd = new SplittableRandom(99);
        for (int trial = 0; trial < 50; trial++) {
            TimedInbox<Long> in = new TimedInbox<>(-1);
            ArrayDeque<long[]> pending = new ArrayDeque<>(); // {time, value}
            long last = -1, known = -1, advanced = -1;
            Long current = null;
            for (int op = 0; op < 400; op++) {
                int kind = rnd.nextInt(3);
                if (kind == 0) {
                    long time = Math.max(last, known) + 1 + rnd.nextInt(3);
                    long horizon = time + rnd.nextInt(3);
                    long value = rnd.nextLong();
                    in.offer(time, horizon, value);
                    pending.add(new long[]{time, value});
                    last = time;
                    known = Math.max(known, horizon);
                } else if (kind == 1) {
                    long h = known + rnd.nextInt(4) - 1;
                    in.promise(h);
                    known = Math.max(known, h);
                } else if (known > advanced) {
                    long t = advanced + 1 + rnd.nextInt((int) (known - advanced));
                    boolean changed = false;
                    while (!pending.isEmpty() && pending.peek()[0] <= t) {
                        current = pending.poll()[1];
                        changed = true;
                    }
                    assertEquals(changed, in.advanceTo(t));
                    advanced = t;
                }
                assertEquals(known, in.knownThrough());
                assertEquals(current, in.current());
                assertEquals(pending.isEmpty() ? Long.MAX_VALUE : pending.peek()[0], in.nextPendingTime());
                assertEquals(pending.isEmpty() ? known : pending.peek()[0] - 1, in.holdsThrough());
            }
        }
    }
}
