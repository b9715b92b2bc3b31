package io.synaptor.network;

import io.synaptor.scheduler.RandomStreams;
import io.synaptor.synapses.NudgeSchedule;
import io.synaptor.synapses.NudgeShape;

import java.util.SplittableRandom;

/**
 * The run's time line, known to every actor from the spec alone (DESIGN.md, "Learning rules": no
 * phase messages). Each epoch holds the training episodes — one minibatch each, a free phase of
 * T1 steps then a nudged phase of T2 steps — followed by evaluation episodes on the test set
 * (free phase only, no learning). The network is not reset between episodes: it relaxes from
 * wherever the previous episode left it, as a physical system would.
 *
 * <p>Minibatches of the training set are drawn without replacement from a fresh permutation each
 * epoch (a remainder smaller than a batch is dropped); evaluation batches cover the test set in
 * order, the last one padded by wrapping around (the padding is masked from metrics).
 *
 * <p>The {@link NudgeShape} says what follows the free phase: one phase at β; +β then −β, the −β
 * phase starting again from the free state (centered EP, Laborieux et al. 2021: each unit keeps its
 * own free state and returns to it on its own clock); N phases at β_k = β·e^{2πik/N} (holomorphic EP);
 * or, with no free phase at all, β(t) = β·e^{2πi(t − start)/T2} turning for whole periods.
 *
 * <p>A multiplexed nudge may stagger its tasks ({@link NudgeShape#stagger()} S &gt; 1; issue 21, item 1): an episode
 * is then a slot of (T1 + (warmup + W)·T2)/S steps, task k's examples begin at the slots e ≡ k (mod S) and last S
 * of them (T1 steps to leave the last example, a warm-up, then its window: {@link #taskPointSampleTime}), each task's
 * oscillation runs without pause from its first example on, the data's rows are read in order (the caller lays
 * each task's example across its S slots) and there are no evaluation episodes.
 *
 * @param randomSign draw the sign of β at random for each training episode (Scellier &amp; Bengio 2017);
 *                   for the complex shapes this starts the circle at −|β|
 * @param shape      the nudge after the free phase
 * @param firstEpoch the absolute index of this schedule's first epoch: a run resumed from a
 *                   checkpoint after epoch k draws the same example orders and β signs as the
 *                   uninterrupted run did from epoch k on; {@link #epochOf} counts absolutely
 */
public record PhaseSchedule(int batch, int freeSteps, int nudgeSteps, double beta, boolean randomSign, long seed,
                            int epochs, int trainSize, int testSize, NudgeShape shape, int firstEpoch) implements NudgeSchedule {

    /** A schedule that starts with epoch 0. */
    public PhaseSchedule(int batch, int freeSteps, int nudgeSteps, double beta, boolean randomSign, long seed,
                         int epochs, int trainSize, int testSize, NudgeShape shape) {
        this(batch, freeSteps, nudgeSteps, beta, randomSign, seed, epochs, trainSize, testSize, shape, 0);
    }

    /** A one-sided schedule: one nudged phase. */
    public PhaseSchedule(int batch, int freeSteps, int nudgeSteps, double beta, boolean randomSign, long seed,
                         int epochs, int trainSize, int testSize) {
        this(batch, freeSteps, nudgeSteps, beta, randomSign, seed, epochs, trainSize, testSize, NudgeShape.ONE_SIDED);
    }

    public PhaseSchedule {
        if (batch < 1) throw new IllegalArgumentException("batch must be ≥ 1");
        if (freeSteps < 1 || nudgeSteps < 1) throw new IllegalArgumentException("phases need at least one step");
        if (epochs < 1) throw new IllegalArgumentException("epochs must be ≥ 1");
        if (firstEpoch < 0) throw new IllegalArgumentException("the first epoch must be ≥ 0");
        if (trainSize < 0 || testSize < 0) throw new IllegalArgumentException("data set sizes must be ≥ 0");
        if (trainSize / batch + testSize == 0) throw new IllegalArgumentException("the schedule has no episode");
        if (shape.stagger() > 1 && testSize > 0) throw new IllegalArgumentException("a staggered schedule has no evaluation episodes");
        if (shape.stagger() > 1 && freeSteps % nudgeSteps != 0) {
            throw new IllegalArgumentException("staggered tasks need a free phase of whole nudge phases (T1 = " + freeSteps + ", T2 = " + nudgeSteps + ")");
        }
        if (shape.stagger() > 1 && (freeSteps + (long) shape.nudgedPhases() * nudgeSteps) % shape.stagger() != 0) {
            throw new IllegalArgumentException("staggered tasks need an example of T1 + (warm-up + W)·T2 = "
                    + (freeSteps + (long) shape.nudgedPhases() * nudgeSteps) + " steps to split into " + shape.stagger() + " equal slots");
        }
        if (trainSize > 0 && trainSize < batch) {
            throw new IllegalArgumentException("the training set (" + trainSize + ") is smaller than one batch (" + batch + ")");
        }
    }

    public int trainEpisodesPerEpoch() {
        return trainSize / batch;
    }

    public int evalEpisodesPerEpoch() {
        return (testSize + batch - 1) / batch;
    }

    private int perEpoch() {
        return trainEpisodesPerEpoch() + evalEpisodesPerEpoch();
    }

    /** Steps of a training episode's free phase: T1, or none under an oscillating nudge. */
    private long freePart() {
        return shape.freePhase() ? freeSteps : 0L;
    }

    private long trainLength() {
        if (shape.stagger() > 1) return (freeSteps + (long) shape.nudgedPhases() * nudgeSteps) / shape.stagger(); // a slot
        return freePart() + (long) shape.nudgedPhases() * nudgeSteps;
    }

    /** Staggered tasks: the slot in which task's example in force at {@code episode} began (e − ((e − task) mod S)). */
    @Override
    public long exampleStart(long episode, int task) {
        return shape.stagger() == 1 ? episode : episode - Math.floorMod(episode - task, shape.stagger());
    }

    /** Staggered tasks: the task's oscillation has run this many phases (mod W) since its first example when the window of {@code example} opens. */
    @Override
    public int taskPhaseShift(long example, int task) {
        if (shape.stagger() == 1) return 0;
        return Math.floorMod(((example - task) * trainLength() + freeSteps) / nudgeSteps + shape.leadingPhases(), shape.points());
    }

    /**
     * Staggered tasks: an example's own T1 steps, warm-up and window from the start of its first slot (no evaluation
     * episodes: slot e starts at e × its length). Its T1 steps are free of its new target only: the task's
     * oscillation runs on through them ({@link #taskPhaseShift}).
     */
    @Override
    public long taskPointSampleTime(long example, int k) {
        if (shape.stagger() == 1) return pointSampleTime(example, k);
        return example * trainLength() + freeSteps + (long) (shape.leadingPhases() + k + 1) * nudgeSteps;
    }

    public long epochLength() {
        return trainEpisodesPerEpoch() * trainLength() + (long) evalEpisodesPerEpoch() * freeSteps;
    }

    @Override
    public long episodes() {
        return (long) epochs * perEpoch();
    }

    /** The absolute epoch of an episode (counting from the run's first epoch, resumed or not). */
    @Override
    public int epochOf(long episode) {
        return firstEpoch + (int) (episode / perEpoch());
    }

    /** Index of the episode within its epoch's training (or, for evaluation, test) batches. */
    public int batchIndex(long episode) {
        int k = (int) (episode % perEpoch());
        return k < trainEpisodesPerEpoch() ? k : k - trainEpisodesPerEpoch();
    }

    @Override
    public boolean isTraining(long episode) {
        return episode % perEpoch() < trainEpisodesPerEpoch();
    }

    public long start(long episode) {
        long epoch = episode / perEpoch();
        int k = (int) (episode % perEpoch());
        int nTrain = trainEpisodesPerEpoch();
        long within = k < nTrain ? k * trainLength() : nTrain * trainLength() + (long) (k - nTrain) * freeSteps;
        return epoch * epochLength() + within;
    }

    public long length(long episode) {
        return isTraining(episode) ? trainLength() : freeSteps;
    }

    @Override
    public long episodeOfStep(long t) {
        long epoch = t / epochLength();
        if (epoch >= epochs) return episodes();
        long r = t % epochLength();
        long trainSpan = trainEpisodesPerEpoch() * trainLength();
        long k = r < trainSpan ? r / trainLength() : trainEpisodesPerEpoch() + (r - trainSpan) / freeSteps;
        return epoch * perEpoch() + k;
    }

    @Override
    public long episodeOfState(long t) {
        return t == 0 ? 0 : episodeOfStep(t - 1);
    }

    @Override
    public long nextTrainingEpisode(long episode) {
        if (episode >= episodes() || trainEpisodesPerEpoch() == 0) return episodes();
        if (isTraining(episode)) return episode;
        long next = (episode / perEpoch() + 1) * perEpoch();
        return Math.min(next, episodes());
    }

    /**
     * The end of the free phase; under an oscillating nudge a training episode has none, and this is
     * its last state time (the outputs there are nudged, by at most |β|).
     */
    @Override
    public long freeSampleTime(long episode) {
        return start(episode) + (shape.freePhase() || !isTraining(episode) ? freeSteps : trainLength());
    }

    @Override
    public long pointSampleTime(long episode, int k) {
        return start(episode) + freePart() + (long) (shape.leadingPhases() + k + 1) * nudgeSteps;
    }

    @Override
    public long counterNudgedSampleTime(long episode) {
        return shape.form() == NudgeShape.Form.CENTERED ? pointSampleTime(episode, 1) : -1;
    }

    @Override
    public double betaAtStep(long t) {
        return nudgeAtStep(t, false, -1);
    }

    @Override
    public double betaImAtStep(long t) {
        return nudgeAtStep(t, true, -1);
    }

    @Override
    public double betaAtStep(long t, int output) {
        return nudgeAtStep(t, false, output);
    }

    @Override
    public double betaImAtStep(long t, int output) {
        return nudgeAtStep(t, true, output);
    }

    /** β(t) during the step t → t+1, real or imaginary part, as output {@code output} feels it (−1: any output). */
    private double nudgeAtStep(long t, boolean imaginary, int output) {
        long e = episodeOfStep(t);
        if (e >= episodes() || !isTraining(e)) return 0.0;
        long into = t - start(e) - freePart(); // steps into the nudged part
        if (shape.form() == NudgeShape.Form.MULTIPLEX && output >= 0 && shape.plan().taskOf(output) < 0) return 0.0; // an output no task nudges
        long example = e;
        long cycle = 0; // staggered: the phase of the task's oscillation, which runs on from its first example's start
        if (shape.stagger() > 1 && output >= 0) {
            int task = shape.plan().taskOf(output);
            long origin = task * trainLength();
            if (t < origin) return 0.0; // the task's first example has not begun
            example = exampleStart(e, task);
            cycle = Math.floorDiv(t - origin, nudgeSteps);
            into = 0;
        }
        if (into < 0) return 0.0;
        double b = beta(example);
        double theta = switch (shape.form()) {
            case ONE_SIDED -> 0.0;
            case CENTERED -> into < nudgeSteps ? 0.0 : Math.PI;
            case CIRCLE -> 2.0 * Math.PI * (into / nudgeSteps) / shape.points();
            case OSCILLATING -> 2.0 * Math.PI * (into % nudgeSteps) / nudgeSteps;
            case MULTIPLEX -> {
                if (output < 0) throw new IllegalStateException("a multiplexed nudge differs from output to output: ask for one output's β");
                // phase τ = −warmup … W − 1: the warm-up runs the same nudges, one window's worth earlier; staggered
                // tasks never pause theirs (a nudge switched off inside another task's window would leak into it)
                int phase = shape.stagger() > 1 ? (int) cycle : (int) (into / nudgeSteps) - shape.leadingPhases();
                yield shape.plan().phase(shape.plan().taskOf(output), phase, shape.points());
            }
        };
        if (theta == 0.0) return imaginary ? 0.0 : b;
        if (theta == Math.PI && !shape.complex()) return imaginary ? 0.0 : -b;
        if (!shape.complex()) return imaginary ? 0.0 : b * Math.cos(theta); // a real multiplexed nudge: β·cos ω_kτ
        return imaginary ? b * Math.sin(theta) : b * Math.cos(theta);
    }

    @Override
    public double beta(long episode) {
        if (!randomSign) return beta;
        long h = RandomStreams.hash(seed, episode + (long) firstEpoch * perEpoch()); // the absolute episode
        return (h & 1L) == 0 ? beta : -beta;
    }

    @Override
    public long endTime() {
        return epochs * epochLength();
    }

    /** The training set's order in one epoch: a permutation drawn from the seed (in order when the tasks are staggered). */
    public int[] trainOrder(int epoch) {
        if (shape.stagger() > 1) return ExampleOrder.permutation(trainSize, null); // in order: the rows hold the staggered layout
        return ExampleOrder.permutation(trainSize, new SplittableRandom(RandomStreams.hash(seed ^ 0x5DEECE66DL, epoch)));
    }

    /** Number of real (not padding) examples in an episode's batch. */
    public int validCount(long episode) {
        if (isTraining(episode)) return batch;
        return Math.min(batch, testSize - batchIndex(episode) * batch);
    }
}
