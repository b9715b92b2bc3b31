package io.synaptor.scheduler;

/**
 * The timing of a run beyond its per-link delays (DESIGN.md, "Time"; issue 4): when units step,
 * how much the links jitter and how often they lose a value, and how far each actor's local clock
 * — its nudge oscillator and its learning window — is offset. Every draw is a stateless hash of the
 * seed, so virtual time stays bit-identical whatever the threads.
 *
 * @param jitter    extra transport delay per value, uniform in {0 … jitter} steps (in-order delivery)
 * @param drop      probability that a value sent on a link is lost (the receiver keeps the last one)
 * @param clockSkew each actor's clock offset, uniform in {0 … clockSkew} steps
 * @param sendThreshold a unit tells its synapses a new ρ only when it moved by more than this (max
 *                      over the vector) since the last value it sent; otherwise a clock message
 *                      (send-on-delta). 0: whenever ρ changed at all
 * @param window    K: a unit sends its states, and a synapse its drives, in blocks of K steps (as NEST
 *                  batches its min-delay window); needs K ≤ the smallest link delay, and changes
 *                  nothing but the number of messages
 * @param freeLag   −1: virtual time (conservative, reproducible). L ≥ 0: free-running — actors go on
 *                  with whatever they last heard, up to L steps beyond what they know of their
 *                  inputs, and synapses pass values on as they come; wall-clock timing decides, so
 *                  runs are not reproducible
 */
public record Timing(UpdateModel update, int jitter, double drop, int clockSkew, long seed, double sendThreshold,
                     int window, int freeLag) {
    public Timing(UpdateModel update, int jitter, double drop, int clockSkew, long seed) {
        this(update, jitter, drop, clockSkew, seed, 0.0, 1, -1);
    }

    public Timing(UpdateModel update, int jitter, double drop, int clockSkew, long seed, double sendThreshold) {
        this(update, jitter, drop, clockSkew, seed, sendThreshold, 1, -1);
    }

    public Timing {
        if (freeLag < -1) throw new IllegalArgumentException("the free-running lag must be ≥ 0 steps, got " + freeLag);
        if (freeLag >= 0 && (jitter > 0 || drop > 0 || window > 1)) {
            throw new IllegalArgumentException("free-running mode has real latencies only: no jitter, drop or message window");
        }
        if (window < 1) throw new IllegalArgumentException("the message window must be at least one step, got " + window);
        if (!(sendThreshold >= 0) || !Double.isFinite(sendThreshold)) {
            throw new IllegalArgumentException("the send threshold must be ≥ 0, got " + sendThreshold);
        }
        if (jitter < 0) throw new IllegalArgumentException("jitter must be ≥ 0 steps, got " + jitter);
        if (!(drop >= 0 && drop < 1)) throw new IllegalArgumentException("the drop probability must lie in [0, 1), got " + drop);
        if (clockSkew < 0) throw new IllegalArgumentException("clock skew must be ≥ 0 steps, got " + clockSkew);
    }

    /** Whether actors run free (wall-clock asynchrony) rather than in virtual time. */
    public boolean free() {
        return freeLag >= 0;
    }

    /** Every unit steps every step; links are plain delays; clocks agree. */
    public static Timing exact(int units) {
        return new Timing(UpdateModel.everyStep(units), 0, 0.0, 0, 0L);
    }

    /**
     * Whether a unit whose ρ is now {@code rho} and last sent {@code sent} must send: always the
     * first time; with a zero threshold whenever a single bit changed; else when some entry moved by
     * more than the threshold.
     */
    public boolean mustSend(double[] rho, double[] sent) {
        if (sent == null) return true;
        if (sendThreshold == 0.0) return !java.util.Arrays.equals(rho, sent);
        for (int k = 0; k < rho.length; k++) if (!(Math.abs(rho[k] - sent[k]) <= sendThreshold)) return true;
        return false;
    }

    /** Direction {@code direction} (0: towards end i, 1: towards end j) of coupling {@code coupling}. */
    public LinkDelay link(int coupling, int direction, int delay) {
        return new LinkDelay(delay, jitter, drop, seed, 2L * coupling + direction);
    }

    /** The clock offset of a unit (kind UNIT) or a synapse (kind SYNAPSE). */
    public long skew(RandomStreams.Kind kind, long id) {
        if (clockSkew == 0) return 0;
        return (long) (RandomStreams.uniform(seed, RandomStreams.Kind.SKEW, kind.ordinal() * 0x100000000L + id, 0) * (clockSkew + 1));
    }
}
