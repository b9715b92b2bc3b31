package io.synaptor.scheduler;

import java.util.SplittableRandom;

/**
 * How long each link's signals travel, in whole steps (DESIGN.md, "Time": constant, uniform,
 * log-normal, distance-based). A model draws one delay per link when the network is built, from
 * the run's seed; every delay is at least one step (virtual time's lookahead).
 */
public sealed interface DelayModel {
    /** All model names, as the {@code network.delay-model} setting spells them. */
    java.util.List<String> NAMES = java.util.List.of("constant", "uniform", "lognormal", "distance");

    /**
     * One link's delay; {@code relativeLength} is the link's length over the mean link length
     * (1 when units have no place in space).
     */
    int draw(SplittableRandom rng, double relativeLength);

    /** Whether the model needs units placed in space. */
    default boolean spatial() {
        return false;
    }

    /** Every link D steps. */
    record Constant(int steps) implements DelayModel {
        public Constant {
            if (steps < 1) throw new IllegalArgumentException("a delay must be at least one step, got " + steps);
        }

        @Override
        public int draw(SplittableRandom rng, double relativeLength) {
            return steps;
        }
    }

    /** Integers uniform in [mean − spread, mean + spread]. */
    record Uniform(int mean, int spread) implements DelayModel {
        public Uniform {
            if (spread < 0 || mean - spread < 1) {
                throw new IllegalArgumentException("uniform delays " + mean + " ± " + spread + " reach below one step");
            }
        }

        @Override
        public int draw(SplittableRandom rng, double relativeLength) {
            return mean - spread + rng.nextInt(2 * spread + 1);
        }
    }

    /** round(median·e^{σξ}), ξ standard normal, at least one step: heavy-tailed transport. */
    record LogNormal(int median, double sigma) implements DelayModel {
        public LogNormal {
            if (median < 1 || !(sigma >= 0) || !Double.isFinite(sigma)) {
                throw new IllegalArgumentException("log-normal delays need a median ≥ 1 and σ ≥ 0, got " + median + ", " + sigma);
            }
        }

        @Override
        public int draw(SplittableRandom rng, double relativeLength) {
            return (int) Math.max(1, Math.min(Integer.MAX_VALUE / 2, Math.round(median * Math.exp(sigma * rng.nextGaussian()))));
        }
    }

    /** Proportional to the link's length in space: round(mean · length / mean length), at least one step. */
    record Distance(int mean) implements DelayModel {
        public Distance {
            if (mean < 1) throw new IllegalArgumentException("a delay must be at least one step, got " + mean);
        }

        @Override
        public int draw(SplittableRandom rng, double relativeLength) {
            return (int) Math.max(1, Math.round(mean * relativeLength));
        }

        @Override
        public boolean spatial() {
            return true;
        }
    }

    /** A model by name; {@code spread} is uniform's half-width in steps or log-normal's σ. */
    static DelayModel named(String name, int delay, double spread) {
        return switch (name) {
            case "constant" -> new Constant(delay);
            case "uniform" -> new Uniform(delay, (int) Math.round(spread));
            case "lognormal" -> new LogNormal(delay, spread);
            case "distance" -> new Distance(delay);
            default -> throw new IllegalArgumentException("unknown delay model '" + name + "' (known: " + String.join(", ", NAMES) + ")");
        };
    }
}
