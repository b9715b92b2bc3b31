package io.synaptor.scheduler;

/**
 * One incoming link in virtual time (DESIGN.md, "Time"): the values a sender has sent, each valid
 * from its time stamp until the next one, and the horizon through which the link is known — the
 * Chandy–Misra–Bryant promise that nothing stamped at or before it will still arrive. A clock
 * (null) message only moves the horizon.
 *
 * <p>Values wait in a ring buffer until the receiver's local time reaches them: offering and
 * advancing are O(1) amortised and allocate nothing once the ring has grown to the link's
 * lookahead.
 *
 * @param <T> the payload type (a {@code double[]} vector, one entry per example)
 */
public final class TimedInbox<T> {
    private long[] times = new long[4];
    private Object[] values = new Object[4];
    private int head;
    private int size;
    private long knownThrough;
    private long lastTime;
    private T current;

    /** @param knownThrough the horizon before any message (−1: nothing known yet) */
    public TimedInbox(long knownThrough) {
        this.knownThrough = knownThrough;
        this.lastTime = knownThrough;
    }

    /** A value valid from {@code time}, with the link known through {@code horizon} ≥ time. */
    public void offer(long time, long horizon, T value) {
        if (time <= lastTime || horizon < time) {
            throw new IllegalStateException("out-of-order message: time " + time + " horizon " + horizon
                    + " after a promise through " + knownThrough);
        }
        if (size == times.length) grow();
        int tail = (head + size) % times.length;
        times[tail] = time;
        values[tail] = value;
        size++;
        lastTime = horizon; // the value holds through its horizon: the next one must come later
        knownThrough = Math.max(knownThrough, horizon);
    }

    /**
     * A window of values in one message (time.window): value k from times[k] until the next one,
     * the last known through {@code horizon}.
     */
    public void offerBlock(long[] times, T[] values, long horizon) {
        for (int k = 0; k < times.length; k++) offer(times[k], k + 1 < times.length ? times[k + 1] - 1 : horizon, values[k]);
    }

    /**
     * Free-running mode: a value whose stamp may fall at or before what was promised (learning moved
     * a weight after the sender had run ahead). It supersedes every queued value stamped at or after
     * it (the sender re-sends those), and takes effect at its stamp — at once if the receiver is
     * already past it; the horizon only ever grows.
     */
    public void offerLate(long time, long horizon, T value) {
        while (size > 0 && times[(head + size - 1) % times.length] >= time) {
            values[(head + size - 1) % times.length] = null;
            size--;
        }
        if (size == times.length) grow();
        int tail = (head + size) % times.length;
        times[tail] = time;
        values[tail] = value;
        size++;
        lastTime = Math.max(lastTime, Math.max(time, horizon));
        knownThrough = Math.max(knownThrough, horizon);
    }

    /** A clock message: nothing stamped at or before {@code horizon} will come any more. */
    public void promise(long horizon) {
        if (horizon > knownThrough) {
            knownThrough = horizon;
            lastTime = Math.max(lastTime, horizon);
        }
    }

    public long knownThrough() {
        return knownThrough;
    }

    /** Time of the oldest value not yet applied, or Long.MAX_VALUE. */
    public long nextPendingTime() {
        return size == 0 ? Long.MAX_VALUE : times[head];
    }

    /** The last time through which the current value surely holds. */
    public long holdsThrough() {
        return size == 0 ? knownThrough : times[head] - 1;
    }

    /**
     * Applies every value stamped at or before t; returns true if the current value changed.
     * The caller must only ask for times the link is known through.
     */
    @SuppressWarnings("unchecked")
    public boolean advanceTo(long t) {
        boolean changed = false;
        while (size > 0 && times[head] <= t) {
            current = (T) values[head];
            values[head] = null;
            head = (head + 1) % times.length;
            size--;
            changed = true;
        }
        return changed;
    }

    /** The value in force at the last time advanced to; null before the first value. */
    public T current() {
        return current;
    }

    private void grow() {
        long[] t = new long[times.length * 2];
        Object[] v = new Object[times.length * 2];
        for (int k = 0; k < size; k++) {
            t[k] = times[(head + k) % times.length];
            v[k] = values[(head + k) % times.length];
        }
        times = t;
        values = v;
        head = 0;
    }

    @Override
    public String toString() {
        return "TimedInbox{knownThrough=" + knownThrough + ", pending=" + size + "}";
    }
}
