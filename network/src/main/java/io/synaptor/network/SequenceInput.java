package io.synaptor.network;

/**
 * One input channel of a Hamiltonian network's sequences as the model a unit actor hosts: at leapfrog
 * step n's grid time it presents u_t of its minibatch's examples, t = {@link EchoProgram#inputStep} —
 * in order in the forward pass, in reverse in the echoes. It feels nothing back (its links are one-way).
 */
public final class SequenceInput extends OneUnitSlice {
    private final int channel;
    private final EchoProgram program;
    private final Sequences data;
    private final int[][] minibatches;
    private double[][] episode; // [t][b] of the current episode
    private long loaded = -1;
    private double[] value;

    /** Actor {@code id} presenting channel {@code channel}. */
    public SequenceInput(int id, int channel, EchoProgram program, Sequences data, int[][] minibatches) {
        super(id, minibatches.length == 0 ? 0 : minibatches[0].length, program.endTime());
        this.channel = channel;
        this.program = program;
        this.data = data;
        this.minibatches = minibatches;
        this.value = new double[state.length];
    }

    @Override
    public int fieldLength() {
        return 0;
    }

    @Override
    public void step(long t, double[] field) {
    }

    @Override
    public double[] arrive(long t, Reports reports) {
        long n = program.gridIndex(t);
        if (n < 0) return value;
        long e = program.episode(n);
        if (e >= program.episodes()) return value;
        if (e != loaded) {
            episode = data.channel(channel, minibatches[(int) e]);
            loaded = e;
        }
        value = episode[program.inputStep(n)].clone();
        System.arraycopy(value, 0, state, 0, value.length);
        return value;
    }

    @Override
    public long holdsThrough(long t) {
        return program.holdsThrough(t);
    }

    @Override
    public String describe(int k) {
        return "input channel " + channel;
    }
}
