package io.synaptor.network;

import io.synaptor.neurons.UnitDynamics;
import io.synaptor.scheduler.LinkDelay;
import io.synaptor.scheduler.RandomStreams;
import io.synaptor.scheduler.Timing;
import io.synaptor.scheduler.UpdateModel;
import io.synaptor.synapses.Optimizer;
import io.synaptor.synapses.NudgeSchedule;
import io.synaptor.synapses.OutputClamp;
import io.synaptor.synapses.ShiftedSchedule;
import io.synaptor.synapses.LearningRule;
import io.synaptor.synapses.Rules;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * The actors' virtual-time dynamics computed a second way: one thread, global arrays, a plain
 * loop over time — no messages, inboxes or horizons. It implements the same semantics the actors
 * reach by local rules (DESIGN.md, "Time"), so the two must agree episode by episode:
 * <ul>
 *   <li>unit i takes the step t → t+1 with the field Σ_j W_ij(τ) ρ_j(τ) + b_i(t), τ the latest send
 *       time delivered by the link j → i with arrival A(τ) ≤ t — for a plain link τ = max(0, t − D_ij),
 *       the history before time 0 being the initial state (see {@link LinkDelay} for jitter and
 *       loss) — where W(τ) includes every learning update made at sample times ≤ τ;</li>
 *   <li>episode e's clamp holds for the state times (start, start + length] (episode 0 from 0);</li>
 *   <li>a unit whose update model does not tick at step t holds its state through it; synapses see
 *       the last ρ a unit told them, which under a send threshold may lag its own;</li>
 *   <li>β(t) acts on output units only; with reset, the first step of every episode after the first
 *       returns units to s = 0 and draws no noise, and they hold that state for the next
 *       {@link ResetHold#steps} steps; in a symmetric schedule the first step of the −β
 *       phase returns them to their free state, also without noise;</li>
 *   <li>rules observe ρ at their sample times, before the state moves on; a clamping rule (CHL)
 *       holds the outputs where its {@link OutputClamp} puts them (fixed from the free state) during the second phase;</li>
 *   <li>under a complex nudge (holomorphic EP) every vector holds re/im pairs and the inputs
 *       are x + 0i.</li>
 * </ul>
 * Also the single-threaded synchronous baseline against which the asynchronous actors are timed.
 */
public final class SynchronousSimulation {

    /** One episode's outcome: the loss summed over its real examples, and how many were right. */
    public record Episode(long episode, double lossSum, int correct, int count) {
    }

    /** @param relaxation the relaxation check's statistics, measured as the actors measure them (default tolerance) */
    public record Result(List<Episode> episodes, double[] weights, double[] biases, double[][] states,
                         RelaxationResidual.Stats relaxation) {
    }

    private SynchronousSimulation() {
    }

    /**
     * A run of {@code net} on {@code schedule}'s time line over the data, set up by name and started
     * with {@link Run#run()}; the counterpart of the actors' {@code SimulationSpec.builder}, with the same
     * defaults: one-sided EP at rate 0, no reset, seed 0, exact timing, no persistent states, plain
     * SGD, one rate everywhere.
     */
    public static Run of(NetworkSpec net, PhaseSchedule schedule, LabeledData train, LabeledData test) {
        return new Run(net, schedule, train, test);
    }

    /** The settings of one synchronous run, by name. */
    public static final class Run {
        private final NetworkSpec net;
        private final PhaseSchedule schedule;
        private final LabeledData train;
        private final LabeledData test;
        private String rule = "one-sided";
        private double rate;
        private boolean reset;
        private IntFunction<SplittableRandom> noise = u -> RandomStreams.stream(0, RandomStreams.Kind.UNIT, u);
        private Timing timing;
        private boolean persistent;
        private Optimizer optimizer = Optimizer.SGD;
        private double[] projectionRates = new double[0];
        private LearningRates rates;

        private Run(NetworkSpec net, PhaseSchedule schedule, LabeledData train, LabeledData test) {
            this.net = net;
            this.schedule = schedule;
            if (train.weighted()) throw new IllegalArgumentException("examples with weights of their own are not in the synchronous simulation yet");
            this.train = train;
            this.test = test;
            this.timing = Timing.exact(net.size());
        }

        /** The learning rule's name (one instance per synapse and per free unit's bias). */
        public Run rule(String name) {
            this.rule = name;
            return this;
        }

        public Run rate(double r) {
            this.rate = r;
            return this;
        }

        /** Every unit returns to rest at the start of each episode. */
        public Run reset(boolean r) {
            this.reset = r;
            return this;
        }

        /** Unit u's noise is RandomStreams.stream(seed, UNIT, u): the stream the actors of a run with this seed use. */
        public Run seed(long seed) {
            this.noise = u -> RandomStreams.stream(seed, RandomStreams.Kind.UNIT, u);
            return this;
        }

        /** Unit u's noise stream, when the actors' ({@link #seed}) are not wanted. */
        public Run noise(IntFunction<SplittableRandom> streams) {
            this.noise = streams;
            return this;
        }

        /**
         * A timing model: units step only when their update model ticks (holding their state otherwise),
         * links jitter and lose values, and each unit's nudge clock and each rule's learning window run
         * late by the actor's clock skew.
         */
        public Run timing(Timing t) {
            this.timing = t;
            return this;
        }

        /** Persistent free states, as the actors keep them ({@code units.persistent}). */
        public Run persistent(boolean p) {
            this.persistent = p;
            return this;
        }

        public Run optimizer(Optimizer o) {
            this.optimizer = o;
            return this;
        }

        /** Plain SGD whose rate decays by γ per epoch. */
        public Run rateDecay(double gamma) {
            return optimizer(Optimizer.sgd(gamma));
        }

        /**
         * The actors' per-projection rates ({@code learning.rates}) of a layered net: the couplings between
         * layers l and l + 1, and layer l + 1's biases, learn at projectionRates[l] (empty: the rate everywhere).
         */
        public Run projectionRates(double[] rates) {
            this.projectionRates = rates;
            return this;
        }

        /** Every coupling's and bias's rate, set directly (as the actors' {@code SimulationSpec.Builder.rates}); wins over {@link #projectionRates}. */
        public Run rates(LearningRates r) {
            this.rates = r;
            return this;
        }

        public Result run() {
            LearningRates r = rates != null ? rates : LearningRates.perLayer(net, rate, projectionRates);
            r.check(net);
            return simulate(net, schedule, rule, rate, train, test, reset, noise, timing, persistent, optimizer, r);
        }
    }

    private static Result simulate(NetworkSpec net, PhaseSchedule schedule, String rule, double rate, LabeledData train,
                                   LabeledData test, boolean reset, IntFunction<SplittableRandom> noise, Timing timing,
                                   boolean persistent, Optimizer optimizer, LearningRates rates) {
        UpdateModel update = timing.update();
        OutputClamp clamp = Rules.named(rule).clamp(); // null: outputs are nudged, not clamped
        boolean clampOutputs = clamp != null;
        int n = net.size();
        int batch = schedule.batch();
        int m = net.couplings().size();
        UnitDynamics[] dyns = new UnitDynamics[n]; // each unit's own model
        for (int u = 0; u < n; u++) dyns[u] = net.dynamics(u, schedule.shape().complex());
        int c = dyns[0].components();
        int[] inputs = net.inputs();
        int[] outputs = net.outputs();
        int[] outputIndex = new int[n];
        Arrays.fill(outputIndex, -1);
        for (int o = 0; o < outputs.length; o++) outputIndex[outputs[o]] = o;
        boolean[] clamped = new boolean[n];
        double[][] clampTo = new double[n][batch];             // a clamping rule's output values this episode
        long[] clampedEpisode = new long[n];
        Arrays.fill(clampedEpisode, -1);
        for (int u : inputs) clamped[u] = true;

        double[][] s = new double[n][c * batch];
        double[][] rho = new double[n][c * batch];
        double[][] told = new double[n][];                    // what each unit last told its synapses
        double[] w = net.weights();
        double[] bias = net.biases().clone();
        LearningRule[] synRule = new LearningRule[m];
        LinkDelay[][] link = new LinkDelay[m][2];              // [k][0]: towards end i (carries ρ_j); [k][1]: towards j
        List<ArrayDeque<Sent>> inFlight = new ArrayList<>();   // per k and direction, in arrival order
        double[][][] received = new double[m][2][];            // the value in force at the receiver
        for (int k = 0; k < m; k++) {
            var cp = net.couplings().get(k);
            synRule[k] = Rules.create(rule, ShiftedSchedule.of(schedule, timing.skew(RandomStreams.Kind.SYNAPSE, k)),
                    rates.coupling(k, rate), optimizer);
            for (int d = 0; d < 2; d++) {
                link[k][d] = timing.link(k, d, cp.delay());
                inFlight.add(new ArrayDeque<>());
            }
        }
        LearningRule[] biasRule = new LearningRule[n];
        NudgeSchedule[] clock = new NudgeSchedule[n];
        SplittableRandom[] rng = new SplittableRandom[n];
        for (int u = 0; u < n; u++) {
            if (!clamped[u]) {
                clock[u] = ShiftedSchedule.of(schedule, timing.skew(RandomStreams.Kind.UNIT, u));
                biasRule[u] = Rules.create(rule, clock[u], rates.bias(u, rate), optimizer);
                rng[u] = noise.apply(u);
            }
        }
        double[] ones = new double[c * batch]; // ρ ≡ 1 (+ 0i) at a bias's other end
        for (int k = 0; k < ones.length; k += c) ones[k] = 1.0;
        ExampleOrder order = new ExampleOrder(schedule);
        PersistentStates kept = persistent ? new PersistentStates(schedule, n, c) : null;
        List<Episode> episodes = new ArrayList<>();
        double[][] freeOut = new double[outputs.length][];
        double[][] freeState = new double[n][];
        double[][] field = new double[n][c * batch];
        long shownEpisode = -1;
        int[] examples = null;
        long targetEpisode = -1; // the minibatch whose targets the nudged outputs feel (skew may lag it)
        int[] targetExamples = null;

        RelaxationResidual relax = new RelaxationResidual(schedule, batch,
                RelaxationResidual.threshold(RelaxationResidual.DEFAULT_TOLERANCE, net.dt(), net.temperature()));

        int hold = ResetHold.steps(net, timing);
        long holdThrough = -1;
        long end = schedule.endTime();
        for (long t = 0; ; t++) {
            long e = schedule.episodeOfState(t);
            if (e != shownEpisode) { // the episode's minibatch, drawn once per episode
                examples = order.examples(e);
                shownEpisode = e;
            }
            LabeledData data = schedule.isTraining(e) ? train : test;
            for (int a = 0; a < inputs.length; a++) {
                for (int b = 0; b < batch; b++) s[inputs[a]][c * b] = data.x()[examples[b]][a];
            }
            for (int u = 0; u < n; u++) {
                for (int b = 0; b < batch; b++) dyns[u].rho(s[u], b, rho[u]);
                if (clamped[u] || timing.mustSend(rho[u], told[u])) told[u] = rho[u].clone();
            }
            // Learning at state time t, before the state moves on (synapses, then biases).
            for (int k = 0; k < m; k++) {
                if (synRule[k].nextSampleTime(t) == t) {
                    var cp = net.couplings().get(k);
                    w[k] += synRule[k].observe(t, told[cp.i()], told[cp.j()]);
                }
            }
            for (int k = 0; k < m; k++) { // what each synapse sends at t: W(t)·ρ of the other end
                var cp = net.couplings().get(k);
                for (int d = 0; d < 2; d++) {
                    if (!link[k][d].delivered(t)) continue;
                    double[] from = told[d == 0 ? cp.j() : cp.i()];
                    double[] v = new double[from.length];
                    for (int b = 0; b < v.length; b++) v[b] = w[k] * from[b];
                    inFlight.get(2 * k + d).addLast(new Sent(link[k][d].arrival(t), v));
                }
            }
            for (int u = 0; u < n; u++) {
                if (biasRule[u] != null && biasRule[u].nextSampleTime(t) == t) bias[u] += biasRule[u].observe(t, rho[u], ones);
            }
            if (schedule.isTraining(e) && t == schedule.freeSampleTime(e) && schedule.counterNudgedSampleTime(e) >= 0) {
                for (int u = 0; u < n; u++) freeState[u] = s[u].clone();
            }
            if (kept != null && t == schedule.freeSampleTime(e)) {
                for (int u = 0; u < n; u++) if (!clamped[u]) kept.save(e, u, s[u], 0);
            }
            if (t == schedule.freeSampleTime(e)) {
                for (int o = 0; o < outputs.length; o++) freeOut[o] = realParts(s[outputs[o]], c, batch);
                int valid = schedule.validCount(e);
                EpisodeScore score = EpisodeScore.of(freeOut, examples, data, valid);
                episodes.add(new Episode(e, score.lossSum(), score.correct(), valid));
            }
            if (t == end) break;

            for (double[] f : field) Arrays.fill(f, 0.0);
            for (int k = 0; k < m; k++) {
                var cp = net.couplings().get(k);
                for (int d = 0; d < 2; d++) {
                    ArrayDeque<Sent> q = inFlight.get(2 * k + d);
                    while (!q.isEmpty() && q.peekFirst().arrival() <= t) received[k][d] = q.pollFirst().value();
                }
                for (int b = 0; b < c * batch; b++) {
                    field[cp.i()][b] += received[k][0][b];
                    field[cp.j()][b] += received[k][1][b];
                }
            }
            long stepEpisode = schedule.episodeOfStep(t);
            boolean resetNow = (reset && stepEpisode > 0 || persistent) && t == schedule.start(stepEpisode);
            boolean restoreNow = !resetNow && schedule.restoreStep(t) == t;
            if (resetNow) holdThrough = t + hold;
            for (int u = 0; u < n; u++) {
                if (clamped[u]) continue;
                if (resetNow) {
                    if (kept != null) kept.load(stepEpisode, u, s[u], 0);
                    else Arrays.fill(s[u], 0.0);
                    continue;
                }
                if (restoreNow) {
                    s[u] = freeState[u].clone();
                    continue;
                }
                boolean output = outputIndex[u] >= 0; // only outputs feel β, on their own clock
                double stepBeta = output ? clock[u].betaAtStep(t, outputIndex[u]) : 0.0;
                double stepBetaIm = output ? clock[u].betaImAtStep(t, outputIndex[u]) : 0.0;
                int[] ex = null;
                if (stepBeta != 0.0 || stepBetaIm != 0.0) {
                    long te = clock[u].episodeOfStep(t);
                    if (te != targetEpisode) { // drawn once per episode, not per unit and step
                        targetExamples = order.examples(te);
                        targetEpisode = te;
                    }
                    ex = targetExamples;
                    if (clampOutputs && clampedEpisode[u] != te) { // the clamp is fixed from the state the phase starts in
                        for (int b = 0; b < batch; b++) clampTo[u][b] = clamp.value(s[u][b], train.y()[ex[b]][outputIndex[u]], stepBeta);
                        clampedEpisode[u] = te;
                    }
                }
                if (t == relax.nextStep() && !(ex != null && clampOutputs)) { // a phase's last step: its residual
                    for (int b = 0; b < batch; b++) {
                        double y = ex == null ? 0.0 : train.y()[ex[b]][outputIndex[u]];
                        relax.record(b, dyns[u].residual(s[u], b, field[u], bias[u], stepBeta, stepBetaIm, y, rho[u]));
                    }
                }
                if (t <= holdThrough) continue; // a reset's hold: the drives in force were sent before it
                if (!(ex != null && clampOutputs) && !update.updates(u, t)) continue; // holds its state this step
                if (ex != null && clampOutputs) { // the rule holds the output: it does not integrate, so it draws no noise
                    System.arraycopy(clampTo[u], 0, s[u], 0, batch);
                    continue;
                }
                for (int b = 0; b < batch; b++) {
                    double g = dyns[u].isNoisy() ? rng[u].nextGaussian() : 0.0;
                    double y = ex == null ? 0.0 : train.y()[ex[b]][outputIndex[u]];
                    dyns[u].step(s[u], b, field[u], bias[u], stepBeta, stepBetaIm, y, g);
                }
            }
            relax.passed(t);
        }
        double[][] finals = new double[n][];
        for (int u = 0; u < n; u++) finals[u] = realParts(s[u], c, batch);
        return new Result(episodes, w, bias, finals, relax.stats());
    }

    /** A value on its way: it lands at {@code arrival}. */
    private record Sent(long arrival, double[] value) {
    }

    private static double[] realParts(double[] v, int c, int batch) {
        double[] re = new double[batch];
        for (int b = 0; b < batch; b++) re[b] = v[c * b];
        return re;
    }
}
