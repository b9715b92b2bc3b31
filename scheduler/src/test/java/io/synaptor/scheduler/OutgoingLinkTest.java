package io.synaptor.scheduler;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sending end of a link (DESIGN.md, "Time"): stamps, horizons and windows against closed forms
 * (a plain link of D steps lands the value sent at τ ≥ 1 at τ + D, and a value sure to hold through
 * x lets the receiver know its input through x + D), and, with jitter and loss, against the channel
 * as LinkDelay's contract defines it, re-derived here from the random draws.
 */
class OutgoingLinkTest {

    /** Every message, as text: V(alue), W(indow) or C(lock), the sender's time s, the stamps t and the horizon h. */
    static final class Recorder implements Transmitter {
        final List<String> log = new ArrayList<>();
        final List<long[]> stamps = new ArrayList<>();   // per message: its stamps (none for a clock)
        final List<double[][]> values = new ArrayList<>();
        final List<Long> horizons = new ArrayList<>();

        @Override
        public void value(long sentAt, long time, long horizon, double[] value) {
            log.add("V s=" + sentAt + " t=" + time + " h=" + horizon + " " + value[0]);
            add(new long[]{time}, new double[][]{value}, horizon);
        }

        @Override
        public void window(long sentAt, long[] times, double[][] values, long horizon) {
            StringBuilder v = new StringBuilder();
            for (double[] x : values) v.append(v.length() == 0 ? "" : ",").append(x[0]);
            log.add("W s=" + sentAt + " t=" + Arrays.toString(times) + " h=" + horizon + " [" + v + "]");
            add(times, values, horizon);
        }

        @Override
        public void clock(long sentAt, long horizon) {
            log.add("C s=" + sentAt + " h=" + horizon);
            add(new long[0], new double[0][], horizon);
        }

        private void add(long[] t, double[][] v, long h) {
            stamps.add(t);
            values.add(v);
            horizons.add(h);
        }
    }

    private static double[] v(double x) {
        return new double[]{x};
    }

    @Test
    void aPlainLinkStampsTPlusDAndPromisesTheHoldPlusD() {
        int d = 3;
        Recorder r = new Recorder();
        OutgoingLink out = new OutgoingLink(new LinkDelay(d), 1, 100, r);
        out.change(0, 0, v(1));      // time 0 (the initial value) lands at 0; sure through 0: known through A(1) − 1 = 0 + D
        out.publish(0, 5, 5);        // the value holds through 5: a clock through 5 + D
        out.publish(0, 5, 5);        // nothing new: no message
        out.change(6, 6, v(2));      // stamped 6 + D, through 6 + D
        out.publish(6, 9, 9);
        out.change(10, 12, v(3));    // the other end is known unchanged through 12 already
        assertEquals(List.of(
                "V s=0 t=0 h=3 1.0",
                "C s=0 h=8",
                "V s=6 t=9 h=9 2.0",
                "C s=6 h=12",
                "V s=10 t=13 h=15 3.0"), r.log);
    }

    @Test
    void aDroppedSendTimeHoldsTheValueBackUntilTheNextDeliveredOne() {
        int d = 2;
        double drop = 0.5;
        long seed = 7, link = 3;
        LinkDelay channel = new LinkDelay(d, 0, drop, seed, link);
        long tau = 1;
        while (delivered(seed, link, drop, tau) || delivered(seed, link, drop, tau + 1)) tau++; // τ and τ + 1 both lost
        long next = tau + 2;
        while (!delivered(seed, link, drop, next)) next++;

        Recorder r = new Recorder();
        OutgoingLink out = new OutgoingLink(channel, 1, 1000, r);
        out.change(0, tau - 1, v(1));
        out.change(tau, tau, v(2));           // lost at τ: only a promise that nothing else lands through τ + D
        out.publish(tau, tau, next - 1);      // still not sure to arrive: the promise grows to next − 1 + D
        out.publish(tau, next, next);         // the copy sent at `next` gets through: stamped next + D
        assertEquals(List.of(
                "V s=0 t=0 h=" + (tau - 1 + d) + " 1.0",
                "C s=" + tau + " h=" + (tau + d),
                "C s=" + tau + " h=" + (next - 1 + d),
                "V s=" + next + " t=" + (next + d) + " h=" + (next + d) + " 2.0"), r.log);

        // A value replaced before any copy of it got through is never sent.
        Recorder r2 = new Recorder();
        OutgoingLink out2 = new OutgoingLink(channel, 1, 1000, r2);
        out2.change(0, tau - 1, v(1));
        out2.change(tau, tau, v(2));
        out2.change(tau + 1, next, v(3));
        assertEquals(List.of(
                "V s=0 t=0 h=" + (tau - 1 + d) + " 1.0",
                "C s=" + tau + " h=" + (tau + d),
                "V s=" + next + " t=" + (next + d) + " h=" + (next + d) + " 3.0"), r2.log);
    }

    @Test
    void aValueOvertakenAtTheInstantItLandsIsNeverSent() {
        int d = 2, jitter = 3;
        long seed = 11, link = 5;
        LinkDelay channel = new LinkDelay(d, jitter, 0.0, seed, link);
        long tau = 1; // A(τ) = A(τ + 1) < A(τ + 2): the copy sent at τ + 1 lands with the one sent at τ, the next later
        while (arrival(seed, link, d, jitter, tau) != arrival(seed, link, d, jitter, tau + 1)
                || arrival(seed, link, d, jitter, tau + 1) == arrival(seed, link, d, jitter, tau + 2)) tau++;
        long a = arrival(seed, link, d, jitter, tau);

        Recorder r = new Recorder();
        OutgoingLink out = new OutgoingLink(channel, 1, 1000, r);
        out.change(0, 0, v(1));
        out.change(tau, tau, v(2));         // sure through τ only: could still be overtaken, so it waits
        out.change(tau + 1, tau + 1, v(3)); // overtaken at A(τ): only the new value goes, stamped A(τ + 1) = A(τ)
        assertEquals("V s=" + (tau + 1) + " t=" + a + " h=" + (arrival(seed, link, d, jitter, tau + 2) - 1) + " 3.0",
                r.log.get(r.log.size() - 1));
        assertTrue(r.log.stream().noneMatch(m -> m.endsWith(" 2.0")), r.log.toString());
    }

    @Test
    void aWindowCutCarriesWhatLandsThroughTheNextWindowsEnd() {
        int d = 3, k = 3;
        Recorder r = new Recorder();
        OutgoingLink out = new OutgoingLink(new LinkDelay(d), k, 10, r); // cuts at 0, 3, 6, 9 and the end, 10
        out.change(0, 0, v(1));
        out.publish(0, 0, 0);          // cut 0 carries what lands by A(1) − 1 = 3
        out.change(2, 2, v(2));        // lands at 5
        out.change(4, 4, v(3));        // lands at 7
        out.publish(4, 4, 4);          // cut 3 carries what lands by A(4) − 1 = 6; the promise stops short of 7
        out.publish(9, 10, 10);        // cut 6 takes 7, through A(11) − 1; cuts 9 and 10 promise nothing new
        assertEquals(List.of(
                "W s=0 t=[0] h=3 [1.0]",
                "W s=3 t=[5] h=6 [2.0]",
                "W s=6 t=[7] h=13 [3.0]"), r.log);
    }

    @Test
    void theCutAtTheEndCarriesTheLastWindowAndAnEmptyWindowSendsOnlyANewPromise() {
        int d = 4, k = 4;
        Recorder r = new Recorder();
        OutgoingLink out = new OutgoingLink(new LinkDelay(d), k, 10, r); // cuts 0, 4, 8, 10: the end is no multiple of K
        out.change(0, 5, v(1));
        out.publish(0, 5, 5);          // cut 0: the value, through A(6) − 1 = 9; cut 4 has nothing new to promise
        out.change(9, 9, v(2));        // lands at 13, past cut 8's reach A(9) − 1 = 12
        out.publish(9, 9, 9);          // cut 8: nothing certain; the promise stops at 12
        out.publish(10, 10, 10);       // cut 10 (the end): carries 13, through A(11) − 1 = 14
        out.publish(10, 10, 10);       // no cut left
        assertEquals(List.of(
                "W s=0 t=[0] h=9 [1.0]",
                "C s=8 h=12",
                "W s=10 t=[13] h=14 [2.0]"), r.log);
    }

    @Test
    void freeRunningPassesValuesOnAtOnceStampedWithTheDelay() {
        int d = 2;
        Recorder r = new Recorder();
        OutgoingLink out = new OutgoingLink(new LinkDelay(d), 1, 100, r);
        out.freeSend(5, 7, v(1));      // stamped 5 + D, its sender through 7: known through 9
        out.freeClock(8);              // through 10
        out.freeClock(7);              // 9 ≤ 10 promised already: nothing
        out.freeSend(3, 3, v(2));      // a re-sent value (learning moved W) goes even behind the promise
        assertEquals(List.of(
                "V s=5 t=7 h=9 1.0",
                "C s=8 h=10",
                "V s=3 t=5 h=5 2.0"), r.log);
    }

    /**
     * The hot path allocates nothing: a step's change, promise and message decision on a jittery,
     * lossy link, and a unit's send-on-delta decision, reuse what they hold (a window's message
     * arrays are the only allocation, once per window).
     */
    @Test
    void stepsAllocateNothing() {
        Transmitter none = new Transmitter() {
            @Override
            public void value(long sentAt, long time, long horizon, double[] value) {
            }

            @Override
            public void window(long sentAt, long[] times, double[][] values, long horizon) {
            }

            @Override
            public void clock(long sentAt, long horizon) {
            }
        };
        int steps = 200_000;
        OutgoingLink out = new OutgoingLink(new LinkDelay(3, 2, 0.2, 1, 1), 1, steps, none);
        StateOutbox unit = new StateOutbox(new Timing(UpdateModel.everyStep(1), 0, 0.0, 0, 0L, 0.01, 1, -1), steps, none);
        double[][] values = {{0.0}, {1.0}};
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long bytes = 0;
        for (int pass = 0; pass < 2; pass++) { // the first pass warms up (and grows nothing: no window)
            long before = bean.getCurrentThreadAllocatedBytes();
            for (int t = pass * steps / 2; t < (pass + 1) * steps / 2; t++) {
                out.change(t, t + 1, values[t % 2]);
                out.publish(t, t, t + 1);
                unit.offer(t, values[(t / 3) % 2]);
            }
            bytes = bean.getCurrentThreadAllocatedBytes() - before;
        }
        // measured: 0 to 1536 bytes in all (the JIT's, not the steps'); one 16-byte object per step would be 1.6 MB
        assertTrue(bytes < 15_000, bytes + " bytes over " + steps / 2 + " steps");
    }

    /**
     * Random changes through a jittery, lossy link, with and without windows: at every time the
     * receiver knows, it holds what the channel delivers — the sender's value at the latest send
     * time τ' that gets through with A(τ') ≤ t (LinkDelay's contract; the sender's value goes out
     * at every step) — every stamp lies beyond every earlier promise, and at the end the receiver
     * knows its input through A(end + 1) − 1, the last send time's promise.
     */
    @Test
    void theReceiverAlwaysHoldsWhatTheChannelDelivers() {
        int[][] cases = {{1, 0, 0, 1}, {3, 0, 0, 1}, {2, 3, 0, 1}, {2, 0, 30, 1}, {3, 2, 20, 1},
                {3, 0, 0, 3}, {4, 2, 20, 3}, {5, 4, 40, 5}, {2, 0, 0, 2}};
        for (int[] c : cases) {
            int d = c[0], jitter = c[1], k = c[3];
            double drop = c[2] / 100.0;
            for (long seed = 1; seed <= 5; seed++) {
                String what = "D=" + d + " jitter=" + jitter + " drop=" + drop + " K=" + k + " seed=" + seed;
                checkChannel(d, jitter, drop, k, seed, 200, what);
            }
        }
    }

    private static void checkChannel(int d, int jitter, double drop, int k, long seed, long end, String what) {
        long link = 9;
        SplittableRandom rng = new SplittableRandom(seed);
        double[] sender = new double[(int) end + 1];          // the sender's value at each time
        boolean[] changes = new boolean[(int) end + 1];
        for (int t = 0; t <= end; t++) {
            changes[t] = t == 0 || rng.nextDouble() < 0.3;
            sender[t] = changes[t] ? t : sender[t - 1];
        }
        Recorder r = new Recorder();
        OutgoingLink out = new OutgoingLink(new LinkDelay(d, jitter, drop, seed, link), k, end, r);
        long holds = 0;
        for (int t = 0; t <= end; t++) {
            int next = t + 1;
            while (next <= end && !changes[next]) next++;
            holds = Math.max(holds, Math.min(next - 1, t + rng.nextInt(3))); // known ahead by 0 … 2 steps, never less than before
            if (changes[t]) out.change(t, holds, v(sender[t]));
            out.publish(t, t, holds);
        }
        long[] lands = new long[(int) end + 1]; // A(s), or −1 for a lost copy
        for (int s = 0; s <= end; s++) lands[s] = delivered(seed, link, drop, s) ? arrival(seed, link, d, jitter, s) : -1;

        // The receiver: values by stamp, the promise through the last horizon.
        long promised = -1;
        List<long[]> received = new ArrayList<>(); // {stamp, value}
        for (int m = 0; m < r.stamps.size(); m++) {
            long[] ts = r.stamps.get(m);
            for (int j = 0; j < ts.length; j++) {
                assertTrue(ts[j] > promised, what + ": stamp " + ts[j] + " inside the promise " + promised);
                received.add(new long[]{ts[j], (long) r.values.get(m)[j][0]});
                promised = ts[j];
            }
            assertTrue(r.horizons.get(m) >= promised, what + ": a horizon before its own stamp");
            promised = r.horizons.get(m);
        }
        assertEquals(arrival(seed, link, d, jitter, end + 1) - 1, promised, what + ": the final promise");
        int at = -1;
        for (long t = 0; t <= promised; t++) {
            while (at + 1 < received.size() && received.get(at + 1)[0] <= t) at++;
            long expected = -1;
            for (int s = 0; s <= end; s++) if (lands[s] >= 0 && lands[s] <= t) expected = (long) sender[s]; // the latest copy landed
            assertEquals(expected, received.get(at)[1], what + ": the value in force at " + t);
        }
        if (k > 1) assertTrue(r.log.size() <= end / k + 2, what + ": more messages than cuts");
    }

    /** A(τ) = max_{1 ≤ τ' ≤ τ}(τ' + D + J(τ')), J(τ') = ⌊u·(jitter + 1)⌋ of the link's jitter draw; A(0) = 0 (LinkDelay's contract). */
    private static long arrival(long seed, long link, int d, int jitter, long tau) {
        if (tau == 0) return 0;
        long a = 0;
        for (long s = Math.max(1, tau - jitter); s <= tau; s++) {
            long j = (long) Math.floor(RandomStreams.uniform(seed, RandomStreams.Kind.JITTER, link, s) * (jitter + 1));
            a = Math.max(a, s + d + (jitter == 0 ? 0 : j));
        }
        return a;
    }

    private static boolean delivered(long seed, long link, double drop, long tau) {
        return tau == 0 || drop == 0 || RandomStreams.uniform(seed, RandomStreams.Kind.DROP, link, tau) >= drop;
    }
}
