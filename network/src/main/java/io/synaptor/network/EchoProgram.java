package io.synaptor.network;

/**
 * Hamiltonian echo learning as a program on every actor's clock (REFERENCES.md, "Hamiltonian echo
 * learning"; Pourcel &amp; Ernoult 2025, RHEL): per episode (a minibatch of sequences) three passes of T
 * leapfrog steps each — the forward pass from rest, then two echoes, each from the forward pass's end
 * with the momentum flipped, the inputs in reverse and ε·∂ℓ/∂y_t injected into the momentum after the
 * step that lands on y_t: nudged by +ε and −ε (symmetric), or by +ε and 0 (one-sided). Leapfrog step n of
 * the run (n = 3T·e + pass·T + k) is taken on the shared grid: the units' values change at state times
 * nP only and the step is taken at (n+1)P − 1, so with every link delivering within P − 1 steps each
 * force is the one the synchronous leapfrog would feel (P = D + 1 for links of at most D steps). No
 * messages carry the phases: each actor reads them from its own clock.
 *
 * @param steps    T, the leapfrog steps of a sequence
 * @param period   P, virtual steps per leapfrog step
 * @param episodes minibatches in the run
 * @param epsilon  ε, the nudge's size
 * @param form     the second echo's nudge
 */
public record EchoProgram(int steps, int period, long episodes, double epsilon, Form form) {
    /** The second echo: −ε (symmetric, error O(ε²)) or 0 (one-sided, error O(ε)). */
    public enum Form {
        SYMMETRIC, ONE_SIDED;

        public static Form named(String name) {
            return switch (name) {
                case "symmetric" -> SYMMETRIC;
                case "one-sided" -> ONE_SIDED;
                default -> throw new IllegalArgumentException("unknown echo form '" + name + "' (known: symmetric, one-sided)");
            };
        }
    }

    /** The passes of an episode. */
    public static final int FORWARD = 0, FIRST_ECHO = 1, SECOND_ECHO = 2;

    public EchoProgram {
        if (steps < 1) throw new IllegalArgumentException("a sequence needs a step, got " + steps);
        if (period < 1) throw new IllegalArgumentException("a leapfrog step takes at least one virtual step, got " + period);
        if (episodes < 0) throw new IllegalArgumentException("episodes must be ≥ 0, got " + episodes);
        if (!(epsilon > 0) && !(epsilon == 0)) throw new IllegalArgumentException("ε must be ≥ 0, got " + epsilon);
    }

    /** Leapfrog steps per episode. */
    public long stepsPerEpisode() {
        return 3L * steps;
    }

    /** The last state time: every episode's passes done. */
    public long endTime() {
        return episodes * stepsPerEpisode() * period;
    }

    /** Leapfrog step n's values are set at state time nP (and hold until the next). */
    public long gridTime(long n) {
        return n * period;
    }

    /** The grid index of a state time, or −1 between grid times. */
    public long gridIndex(long t) {
        return t % period == 0 ? t / period : -1;
    }

    /** Whether the step t → t+1 is a leapfrog step (the last virtual step before the next grid time). */
    public boolean takesStep(long t) {
        return (t + 1) % period == 0;
    }

    public long episode(long n) {
        return n / stepsPerEpisode();
    }

    /** {@link #FORWARD}, {@link #FIRST_ECHO} or {@link #SECOND_ECHO}. */
    public int pass(long n) {
        return (int) (n % stepsPerEpisode() / steps);
    }

    /** k, the step within its pass. */
    public int stepInPass(long n) {
        return (int) (n % steps);
    }

    /** The input step u_t leapfrog step n feels: t = k forward, T − 1 − k in an echo (the inputs in reverse). */
    public int inputStep(long n) {
        int k = stepInPass(n);
        return pass(n) == FORWARD ? k : steps - 1 - k;
    }

    /** The nudge of a pass: 0 forward, +ε in the first echo, −ε or 0 in the second. */
    public double nudge(int pass) {
        return switch (pass) {
            case FIRST_ECHO -> epsilon;
            case SECOND_ECHO -> form == Form.SYMMETRIC ? -epsilon : 0.0;
            default -> 0.0;
        };
    }

    /**
     * ĝ from the two echoes' sums of ∂V/∂θ at y½: −dt·[S₁ − S₂]/(2ε) (symmetric) or −dt·[S₁ − S₂]/ε
     * (one-sided) (REFERENCES.md, "Hamiltonian echo learning").
     */
    public double gradient(double dt, double first, double second) {
        return -dt * (first - second) / (form == Form.SYMMETRIC ? 2 * epsilon : epsilon);
    }

    /** The first state time ≥ t of an echo step's values (a coupling samples both ends there), or Long.MAX_VALUE. */
    public long nextEchoTime(long t) {
        long n = Math.floorDiv(t + period - 1, period); // first grid index with nP ≥ t
        long e = n / stepsPerEpisode();
        if (n % stepsPerEpisode() < steps) n = e * stepsPerEpisode() + steps;
        return n < episodes * stepsPerEpisode() ? n * period : Long.MAX_VALUE;
    }

    /** The first state time ≥ t of an episode's last echo step, when what it learned takes effect, or Long.MAX_VALUE. */
    public long nextLearningTime(long t) {
        long n = Math.floorDiv(t + period - 1, period);
        long e = n / stepsPerEpisode(); // the episode whose last step is the first at or after n
        return e < episodes ? ((e + 1) * stepsPerEpisode() - 1) * period : Long.MAX_VALUE;
    }

    /** The last state time through which the value set at t holds: the next grid time minus one. */
    public long holdsThrough(long t) {
        return Math.min((t / period + 1) * period - 1, endTime());
    }
}
