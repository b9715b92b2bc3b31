package io.synaptor.network;

import io.synaptor.neurons.UnitDynamics;
import io.synaptor.scheduler.UpdateModel;
import io.synaptor.synapses.LearningRule;
import io.synaptor.synapses.Rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * The actors' virtual-time dynamics computed a second way: one thread, global arrays, a plain
 * loop over time — no messages, inboxes or horizons. It implements the same semantics the actors
 * reach by local rules (DESIGN.md, "Time"), so the two must agree episode by episode:
 * <ul>
 *   <li>unit i takes the step t → t+1 with the field Σ_j W_ij(τ) ρ_j(τ) + b_i(t), τ = max(0, t − D_ij)
 *       (the history before time 0 is the initial state), where W(τ) includes every learning update
 *       made at sample times ≤ τ;</li>
 *   <li>episode e's clamp holds for the state times (start, start + length] (episode 0 from 0);</li>
 *   <li>a unit whose update model does not tick at step t holds its state through it;</li>
 *   <li>β(t) acts on output units only; with reset, the first step of every episode after the first
 *       returns units to s = 0 and draws no noise; in a symmetric schedule the first step of the −β
 *       phase returns them to their free state, also without noise;</li>
 *   <li>rules observe ρ at their sample times, before the state moves on; a clamping rule (CHL)
 *       holds the outputs at their targets during the second phase;</li>
 *   <li>under a complex nudge (holomorphic EP) every vector holds re/im pairs and the inputs
 *       are x + 0i.</li>
 * </ul>
 * Also the single-threaded synchronous baseline against which the asynchronous actors are timed.
 */
public final class SynchronousSimulation {

    /** One episode's outcome: the loss summed over its real examples, and how many were right. */
    public record Episode(long episode, double lossSum, int correct, int count) {
    }

    public record Result(List<Episode> episodes, double[] weights, double[] biases, double[][] states) {
    }

    private SynchronousSimulation() {
    }

    /**
     * @param rule  the learning rule's name (one instance per synapse and per free unit's bias)
     * @param noise the noise stream of unit u (the same streams the actors use)
     */
    public static Result run(NetworkSpec net, PhaseSchedule schedule, String rule, double rate, LabeledData train,
                             LabeledData test, boolean reset, IntFunction<SplittableRandom> noise) {
        return run(net, schedule, rule, rate, train, test, reset, noise, UpdateModel.everyStep(net.size()));
    }

    /** As above, with units that step only when their update model says so (holding their state otherwise). */
    public static Result run(NetworkSpec net, PhaseSchedule schedule, String rule, double rate, LabeledData train,
                             LabeledData test, boolean reset, IntFunction<SplittableRandom> noise, UpdateModel update) {
        Supplier<LearningRule> rules = () -> Rules.create(rule, schedule, rate);
        boolean clampOutputs = Rules.clampsOutputs(rule);
        int n = net.size();
        int batch = schedule.batch();
        int m = net.couplings().size();
        int depth = net.maxDelay() + 1;
        UnitDynamics dyn = net.dynamics(schedule.shape().complex());
        int c = dyn.components();
        int[] inputs = net.inputs();
        int[] outputs = net.outputs();
        int[] outputIndex = new int[n];
        Arrays.fill(outputIndex, -1);
        for (int o = 0; o < outputs.length; o++) outputIndex[outputs[o]] = o;
        boolean[] clamped = new boolean[n];
        for (int u : inputs) clamped[u] = true;

        double[][] s = new double[n][c * batch];
        double[][][] rhoHistory = new double[depth][n][c * batch]; // ρ at state time t, in slot t % depth
        double[][] wHistory = new double[depth][m];            // W after processing time t
        double[] w = net.weights();
        double[] bias = net.biases().clone();
        LearningRule[] synRule = new LearningRule[m];
        for (int k = 0; k < m; k++) synRule[k] = rules.get();
        LearningRule[] biasRule = new LearningRule[n];
        SplittableRandom[] rng = new SplittableRandom[n];
        for (int u = 0; u < n; u++) {
            if (!clamped[u]) {
                biasRule[u] = rules.get();
                rng[u] = noise.apply(u);
            }
        }
        double[] ones = new double[c * batch]; // ρ ≡ 1 (+ 0i) at a bias's other end
        for (int k = 0; k < ones.length; k += c) ones[k] = 1.0;
        ExampleOrder order = new ExampleOrder(schedule);
        List<Episode> episodes = new ArrayList<>();
        double[][] freeOut = new double[outputs.length][];
        double[][] freeState = new double[n][];
        double[][] field = new double[n][c * batch];
        long shownEpisode = -1;
        int[] examples = null;

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
            double[][] rho = rhoHistory[(int) (t % depth)];
            for (int u = 0; u < n; u++) for (int b = 0; b < batch; b++) dyn.rho(s[u], b, rho[u]);
            // Learning at state time t, before the state moves on (synapses, then biases).
            for (int k = 0; k < m; k++) {
                if (synRule[k].nextSampleTime(t) == t) {
                    var cp = net.couplings().get(k);
                    w[k] += synRule[k].observe(t, rho[cp.i()], rho[cp.j()]);
                }
            }
            System.arraycopy(w, 0, wHistory[(int) (t % depth)], 0, m);
            for (int u = 0; u < n; u++) {
                if (biasRule[u] != null && biasRule[u].nextSampleTime(t) == t) bias[u] += biasRule[u].observe(t, rho[u], ones);
            }
            if (schedule.isTraining(e) && t == schedule.freeSampleTime(e) && schedule.counterNudgedSampleTime(e) >= 0) {
                for (int u = 0; u < n; u++) freeState[u] = s[u].clone();
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
                long tau = Math.max(0, t - cp.delay());
                double wk = wHistory[(int) (tau % depth)][k];
                double[][] past = rhoHistory[(int) (tau % depth)];
                for (int b = 0; b < c * batch; b++) {
                    field[cp.i()][b] += wk * past[cp.j()][b];
                    field[cp.j()][b] += wk * past[cp.i()][b];
                }
            }
            long stepEpisode = schedule.episodeOfStep(t);
            boolean resetNow = reset && stepEpisode > 0 && t == schedule.start(stepEpisode);
            boolean restoreNow = !resetNow && schedule.restoreStep(t) == t;
            double stepBeta = schedule.betaAtStep(t);
            double stepBetaIm = schedule.betaImAtStep(t);
            boolean nudged = stepBeta != 0.0 || stepBetaIm != 0.0;
            int[] stepExamples = nudged ? order.examples(stepEpisode) : null;
            for (int u = 0; u < n; u++) {
                if (clamped[u]) continue;
                if (resetNow) {
                    Arrays.fill(s[u], 0.0);
                    continue;
                }
                if (restoreNow) {
                    s[u] = freeState[u].clone();
                    continue;
                }
                boolean output = outputIndex[u] >= 0;
                int[] ex = output && nudged ? stepExamples : null;
                if (!(ex != null && clampOutputs) && !update.updates(u, t)) continue; // holds its state this step
                for (int b = 0; b < batch; b++) {
                    double g = dyn.isNoisy() ? rng[u].nextGaussian() : 0.0;
                    double y = ex == null ? 0.0 : train.y()[ex[b]][outputIndex[u]];
                    if (ex != null && clampOutputs) s[u][b] = y;
                    else dyn.step(s[u], b, field[u], bias[u], output ? stepBeta : 0.0, output ? stepBetaIm : 0.0, y, g);
                }
            }
        }
        double[][] finals = new double[n][];
        for (int u = 0; u < n; u++) finals[u] = realParts(s[u], c, batch);
        return new Result(episodes, w, bias, finals);
    }

    private static double[] realParts(double[] v, int c, int batch) {
        double[] re = new double[batch];
        for (int b = 0; b < batch; b++) re[b] = v[c * b];
        return re;
    }
}
