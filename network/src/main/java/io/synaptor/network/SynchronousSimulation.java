package io.synaptor.network;

import io.synaptor.neurons.Activation;
import io.synaptor.neurons.OverdampedUnit;
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
 *   <li>β(t) acts on output units only; with reset, the first step of every episode after the first
 *       returns units to s = 0 and draws no noise; in a symmetric schedule the first step of the −β
 *       phase returns them to their free state, also without noise;</li>
 *   <li>rules observe ρ at their sample times, before the state moves on; a clamping rule (CHL)
 *       holds the outputs at their targets during the second phase.</li>
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
        Supplier<LearningRule> rules = () -> Rules.create(rule, schedule, rate);
        boolean clampOutputs = Rules.clampsOutputs(rule);
        int n = net.size();
        int batch = schedule.batch();
        int m = net.couplings().size();
        int depth = net.maxDelay() + 1;
        Activation act = net.activation();
        OverdampedUnit dyn = net.dynamics();
        int[] inputs = net.inputs();
        int[] outputs = net.outputs();
        int[] outputIndex = new int[n];
        Arrays.fill(outputIndex, -1);
        for (int o = 0; o < outputs.length; o++) outputIndex[outputs[o]] = o;
        boolean[] clamped = new boolean[n];
        for (int u : inputs) clamped[u] = true;

        double[][] s = new double[n][batch];
        double[][][] rhoHistory = new double[depth][n][batch]; // ρ at state time t, in slot t % depth
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
        double[] ones = new double[batch];
        Arrays.fill(ones, 1.0);
        ExampleOrder order = new ExampleOrder(schedule);
        List<Episode> episodes = new ArrayList<>();
        double[][] freeOut = new double[outputs.length][];
        double[][] freeState = new double[n][];
        double[][] field = new double[n][batch];
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
                for (int b = 0; b < batch; b++) s[inputs[a]][b] = data.x()[examples[b]][a];
            }
            double[][] rho = rhoHistory[(int) (t % depth)];
            for (int u = 0; u < n; u++) for (int b = 0; b < batch; b++) rho[u][b] = act.rho(s[u][b]);
            // Learning at state time t, before the state moves on (synapses, then biases).
            for (int k = 0; k < m; k++) {
                if (synRule[k].nextSampleTime(t) == t) {
                    var c = net.couplings().get(k);
                    w[k] += synRule[k].observe(t, rho[c.i()], rho[c.j()]);
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
                for (int o = 0; o < outputs.length; o++) freeOut[o] = s[outputs[o]].clone();
                int valid = schedule.validCount(e);
                EpisodeScore score = EpisodeScore.of(freeOut, examples, data, valid);
                episodes.add(new Episode(e, score.lossSum(), score.correct(), valid));
            }
            if (t == end) break;

            for (double[] f : field) Arrays.fill(f, 0.0);
            for (int k = 0; k < m; k++) {
                var c = net.couplings().get(k);
                long tau = Math.max(0, t - c.delay());
                double wk = wHistory[(int) (tau % depth)][k];
                double[][] past = rhoHistory[(int) (tau % depth)];
                for (int b = 0; b < batch; b++) {
                    field[c.i()][b] += wk * past[c.j()][b];
                    field[c.j()][b] += wk * past[c.i()][b];
                }
            }
            long stepEpisode = schedule.episodeOfStep(t);
            boolean resetNow = reset && stepEpisode > 0 && t == schedule.start(stepEpisode);
            boolean restoreNow = !resetNow && schedule.restoreStep(t) == t;
            double stepBeta = schedule.betaAtStep(t);
            int[] stepExamples = stepBeta != 0.0 ? order.examples(stepEpisode) : null;
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
                double beta = outputIndex[u] >= 0 ? stepBeta : 0.0;
                int[] ex = beta != 0.0 ? stepExamples : null;
                for (int b = 0; b < batch; b++) {
                    double g = dyn.isNoisy() ? rng[u].nextGaussian() : 0.0;
                    double y = ex == null ? 0.0 : train.y()[ex[b]][outputIndex[u]];
                    s[u][b] = ex != null && clampOutputs ? y : dyn.step(s[u][b], field[u][b] + bias[u], beta, y, g);
                }
            }
        }
        return new Result(episodes, w, bias, s);
    }
}
