package io.synaptor.actors;

import io.synaptor.network.LabeledData;
import io.synaptor.network.LearningRates;
import io.synaptor.network.NetworkSpec;
import io.synaptor.network.PersistentStates;
import io.synaptor.network.PhaseSchedule;
import io.synaptor.network.RelaxationResidual;
import io.synaptor.scheduler.Timing;
import io.synaptor.synapses.Optimizer;

/**
 * Everything the actors of one run are built from: the network, its time line, the rule, the data
 * and the seed from which every actor's random stream is split.
 *
 * @param reset  every unit returns to rest (s = 0) at the start of each episode, on its own clock
 * @param window how many episodes the data sources may run ahead of the slowest output unit
 *               (flow control in wall-clock time only; it never changes results)
 * @param timing when units step, link jitter and loss, clock skew (issue 4)
 * @param blockSize 1: unit granularity (an actor per unit and per synapse); B &gt; 1: block
 *                  granularity, each layer in slices of up to B units and one actor per block of
 *                  couplings between two slices (DESIGN.md, "Granularity"; needs a layered net)
 * @param persistent null, or the stores of persistent free states: each training example starts its
 *                   free phase where its last one ended, test examples at rest ({@link PersistentStates}); implies reset
 * @param rates  the learning rate of every coupling and every unit's bias ({@link LearningRates}; its
 *               empty form: {@code rate} everywhere)
 * @param optimizer how each synapse steps: plain SGD or Adam's per-weight moments, every rate multiplied by γ^e in
 *                  epoch e ({@link Optimizer}; γ = 1: constant)
 * @param monitor   which units' states and couplings' weights to record, when ({@link Monitor#NONE}: nothing)
 * @param tolerance the largest residual |ds/dt| at the end of a phase that counts as converged
 *                  ({@link RelaxationResidual}; raised at T &gt; 0 by {@link RelaxationResidual#threshold})
 */
public record SimulationSpec(NetworkSpec network, PhaseSchedule schedule, String rule, double rate,
                             LabeledData train, LabeledData test, boolean reset, long seed, int window,
                             Timing timing, int blockSize, LearningRates rates, PersistentStates.Bank persistent,
                             Optimizer optimizer, Monitor monitor, double tolerance) {

    /**
     * A run of {@code network} on {@code schedule}'s time line over the data, to be completed by
     * the builder's setters; what is not set keeps its default: one-sided EP at rate 0, no reset,
     * seed 0, a data window of 1 episode, exact timing (every unit every step, no jitter, loss or
     * skew), unit granularity, one rate everywhere, no persistent states, plain SGD steps, nothing
     * monitored and the default relaxation tolerance.
     */
    public static Builder builder(NetworkSpec network, PhaseSchedule schedule, LabeledData train, LabeledData test) {
        return new Builder(network, schedule, train, test);
    }

    /** A builder that starts from this run's values. */
    public Builder toBuilder() {
        return new Builder(network, schedule, train, test).rule(rule).rate(rate).reset(reset).seed(seed).window(window)
                .timing(timing).blockSize(blockSize).rates(rates).persistent(persistent)
                .optimizer(optimizer).monitor(monitor).tolerance(tolerance);
    }

    /** The same run, recording what {@code m} says. */
    public SimulationSpec withMonitor(Monitor m) {
        return toBuilder().monitor(m).build();
    }

    /** The run's threshold on the residual (the tolerance, raised at T &gt; 0). */
    public double residualThreshold() {
        return RelaxationResidual.threshold(tolerance, network.dt(), network.temperature());
    }

    /** The same run with another relaxation tolerance. */
    public SimulationSpec withTolerance(double other) {
        return toBuilder().tolerance(other).build();
    }

    /** Builds a {@link SimulationSpec} by named settings instead of sixteen positional ones. */
    public static final class Builder {
        private final NetworkSpec network;
        private final PhaseSchedule schedule;
        private final LabeledData train;
        private final LabeledData test;
        private String rule = "one-sided";
        private double rate;
        private boolean reset;
        private long seed;
        private int window = 1;
        private Timing timing;
        private int blockSize = 1;
        private double[] projectionRates = new double[0];
        private LearningRates rates;
        private PersistentStates.Bank persistent;
        private Optimizer optimizer = Optimizer.SGD;
        private Monitor monitor = Monitor.NONE;
        private double tolerance = RelaxationResidual.DEFAULT_TOLERANCE;

        private Builder(NetworkSpec network, PhaseSchedule schedule, LabeledData train, LabeledData test) {
            this.network = network;
            this.schedule = schedule;
            this.train = train;
            this.test = test;
            this.timing = Timing.exact(network.size());
        }

        /** The learning rule by its setting name ({@link io.synaptor.synapses.Rules}). */
        public Builder rule(String name) {
            this.rule = name;
            return this;
        }

        public Builder rate(double r) {
            this.rate = r;
            return this;
        }

        public Builder reset(boolean r) {
            this.reset = r;
            return this;
        }

        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        public Builder window(int episodes) {
            this.window = episodes;
            return this;
        }

        public Builder timing(Timing t) {
            this.timing = t;
            return this;
        }

        public Builder blockSize(int b) {
            this.blockSize = b;
            return this;
        }

        /**
         * Per projection of a layered net ({@code learning.rates}; {@link LearningRates#perLayer}),
         * turned into per-coupling rates when the spec is built; empty: the rate everywhere.
         */
        public Builder projectionRates(double[] perLayer) {
            this.projectionRates = perLayer;
            return this;
        }

        /** Every coupling's and bias's rate, set directly (a network file's projections); wins over {@link #projectionRates}. */
        public Builder rates(LearningRates r) {
            this.rates = r;
            return this;
        }

        public Builder persistent(PersistentStates.Bank bank) {
            this.persistent = bank;
            return this;
        }

        public Builder optimizer(Optimizer o) {
            this.optimizer = o;
            return this;
        }

        /** Plain SGD whose rate decays by γ per epoch. */
        public Builder rateDecay(double gamma) {
            return optimizer(Optimizer.sgd(gamma));
        }

        public Builder monitor(Monitor m) {
            this.monitor = m;
            return this;
        }

        public Builder tolerance(double t) {
            this.tolerance = t;
            return this;
        }

        public SimulationSpec build() {
            LearningRates r = rates != null ? rates : LearningRates.perLayer(network, rate, projectionRates);
            return new SimulationSpec(network, schedule, rule, rate, train, test, reset, seed, window, timing, blockSize,
                    r, persistent, optimizer, monitor, tolerance);
        }
    }

    public SimulationSpec {
        if (window < 1) throw new IllegalArgumentException("window must be ≥ 1");
        if (monitor.units().length > 0 && monitor.units()[monitor.units().length - 1] >= network.size()) {
            throw new IllegalArgumentException("monitored unit " + monitor.units()[monitor.units().length - 1]
                    + " is not in the network (units 0.." + (network.size() - 1) + ")");
        }
        if (monitor.synapses().length > 0 && monitor.synapses()[monitor.synapses().length - 1] >= network.couplings().size()) {
            throw new IllegalArgumentException("monitored coupling " + monitor.synapses()[monitor.synapses().length - 1]
                    + " is not in the network (couplings 0.." + (network.couplings().size() - 1) + ")");
        }
        if (optimizer == null) throw new IllegalArgumentException("a run needs an optimizer");
        if (!(tolerance > 0)) throw new IllegalArgumentException("the relaxation tolerance must be positive, got " + tolerance);
        if (blockSize < 1) throw new IllegalArgumentException("the block size must be ≥ 1, got " + blockSize);
        rates.check(network);
        if (blockSize > 1 && java.util.Arrays.stream(network.layerOf()).anyMatch(l -> l < 0)) {
            throw new IllegalArgumentException("block granularity needs a layered network");
        }
        if (timing.update().rates().length != network.size()) throw new IllegalArgumentException("one update rate per unit");
        int minDelay = network.couplings().stream().mapToInt(c -> c.delay()).min().orElse(Integer.MAX_VALUE);
        if (timing.window() > minDelay) {
            throw new IllegalArgumentException("a message window of " + timing.window()
                    + " steps needs every link delay to be at least that long; the shortest is " + minDelay);
        }
        int hold = io.synaptor.network.ResetHold.steps(network, timing);
        if ((reset || persistent != null) && schedule.freeSteps() <= hold) {
            throw new IllegalArgumentException("the free phase (time.free-steps = " + schedule.freeSteps()
                    + ") must be longer than a reset's hold of " + hold + " steps (the longest link delay plus the jitter), or no unit relaxes");
        }
        if ((reset || persistent != null) && schedule.shape().stagger() > 1) {
            throw new IllegalArgumentException("staggered tasks never start their examples together, so units cannot reset (or keep states) per episode");
        }
        if (train.size() != schedule.trainSize() || test.size() != schedule.testSize()) {
            throw new IllegalArgumentException("the schedule's data sizes do not match the data");
        }
    }
}
