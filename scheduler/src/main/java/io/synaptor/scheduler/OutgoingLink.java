package io.synaptor.scheduler;

import java.util.Arrays;

/**
 * The sending end of one link direction in virtual time (DESIGN.md, "Time"): a sender whose value
 * changes at its own times τ, and a {@link LinkDelay} channel that delivers the value sent at τ at
 * A(τ). It decides which values go, stamped when they land, and the horizon each message promises
 * — the Chandy–Misra–Bryant lookahead: with the sender's value sure to hold through its time x,
 * nothing sent later lands before A(x + 1), so the receiver's input is known through A(x + 1) − 1.
 * When the horizon grows without a new value, a clock message says so. {@link TimedInbox} is the
 * receiving end.
 *
 * <p>A new value waits until it is certain to be delivered — its send time gets through the link
 * and nothing supersedes it before — and until the receiver can be told how long it holds (a value
 * overtaken at the instant it lands is never sent). With a plain link that is at once. With a
 * window of K steps, certain values wait further, by arrival time, for the cut that covers them.
 * Free-running mode passes each value on as it comes, stamped with its send time plus the delay.
 */
public final class OutgoingLink {
    private final LinkDelay link;
    private final boolean windowed;
    private final int window;
    private final long endTime;
    private final Transmitter out;
    private double[] pending;
    private long deliverAt = -1;
    private long promised = -1;
    private long[] blockTimes = new long[4];    // windowed: certain values by arrival time, until their cut
    private double[][] blockValues = new double[4][];
    private int blockSize;
    private long nextCut; // 0, K, 2K, …, endTime: the send times after which a block goes out

    /** @param window K ≥ 1, at most the link's delay; {@code endTime} the last send time (a cut) */
    public OutgoingLink(LinkDelay link, int window, long endTime, Transmitter out) {
        this.link = link;
        this.window = window;
        this.windowed = window > 1;
        this.endTime = endTime;
        this.out = out;
    }

    /**
     * The value changed to {@code value} at τ; {@code holds} (≥ τ, see {@link #publish}) is the
     * last send time it is now sure to stay the value through.
     */
    public void change(long tau, long holds, double[] value) {
        if (pending != null && deliverAt < tau) {
            // The waiting value got through before this change; it is in force until the new one lands.
            long until = link.arrival(link.firstDelivered(tau)) - 1;
            if (until >= link.arrival(deliverAt)) send(until);
        }
        pending = value;
        deliverAt = link.plain() ? tau : link.firstDelivered(tau);
        flush(tau, holds);
    }

    /**
     * The sender has handled every change through {@code frontier} (its time is {@code now}), and its
     * value surely holds through {@code holds}: settle what is certain, then (windowed) cut the
     * waiting values at every window end c the frontier has passed. Cut c carries exactly the values
     * that land by A(c + 1) − 1 — through the next window's end, as every delay is ≥ K — so which
     * values travel together, and how many blocks go, depends on virtual time only, not on the order
     * the sender's inputs came in. The promise a message carries may reach further (as far as
     * {@code holds}, short of the next waiting value); a cut with no values sends a clock only if that
     * promise does not already cover it, so the count of clocks, as without windows, depends on
     * arrival order — never a value does.
     */
    public void publish(long now, long frontier, long holds) {
        flush(now, holds);
        if (!windowed) return;
        while (nextCut <= Math.min(frontier, endTime)) {
            cut(nextCut, holds);
            nextCut = nextCut == endTime ? Long.MAX_VALUE : Math.min((nextCut / window + 1) * window, endTime);
        }
    }

    /** Free-running: pass a value sent at {@code time}, its sender through {@code horizon}, on at once. */
    public void freeSend(long time, long horizon, double[] value) {
        long stamp = link.arrival(time);
        long h = Math.max(stamp, link.arrival(horizon));
        out.value(time, stamp, h, value);
        promised = Math.max(promised, h);
    }

    /** Free-running: tell the receiver how far this link's sender got. */
    public void freeClock(long horizon) {
        long h = link.arrival(horizon);
        if (h <= promised) return;
        out.clock(horizon, h);
        promised = h;
    }

    private void send(long horizon) {
        if (windowed) {
            if (blockSize == blockTimes.length) {
                blockTimes = Arrays.copyOf(blockTimes, 2 * blockSize);
                blockValues = Arrays.copyOf(blockValues, 2 * blockSize);
            }
            blockTimes[blockSize] = link.arrival(deliverAt);
            blockValues[blockSize++] = pending;
        } else {
            out.value(deliverAt, link.arrival(deliverAt), horizon, pending);
            promised = horizon;
        }
        pending = null;
    }

    private void cut(long c, long x) { // x ≥ c: the sender is done through the frontier ≥ c
        long certain = link.arrival(Math.min(x, c) + 1) - 1;
        int n = 0;
        while (n < blockSize && blockTimes[n] <= certain) n++; // in arrival order: sent in time order, A monotone
        long horizon = link.arrival(x + 1) - 1;
        if (n < blockSize) horizon = Math.min(horizon, blockTimes[n] - 1);
        if (n > 0) {
            out.window(c, Arrays.copyOf(blockTimes, n), Arrays.copyOf(blockValues, n), horizon);
            System.arraycopy(blockTimes, n, blockTimes, 0, blockSize - n);
            System.arraycopy(blockValues, n, blockValues, 0, blockSize - n);
            Arrays.fill(blockValues, blockSize - n, blockSize, null);
            blockSize -= n;
        } else if (horizon > promised) {
            out.clock(c, horizon);
        }
        promised = Math.max(promised, horizon);
    }

    /** Sends the waiting value if it is certain, else (or also) a promise of how long the input is known. */
    private void flush(long now, long x) {
        long horizon = link.arrival(x + 1) - 1; // nothing sent after x can land before A(x + 1)
        if (pending != null && x >= deliverAt && horizon >= link.arrival(deliverAt)) {
            send(horizon);
        } else if (!windowed && horizon > promised) { // windowed: the next cut carries the promise
            out.clock(now, horizon);
            promised = horizon;
        }
    }
}
