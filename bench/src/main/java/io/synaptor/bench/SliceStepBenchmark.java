package io.synaptor.bench;

import io.synaptor.neurons.Activation;
import io.synaptor.neurons.OverdampedUnit;
import io.synaptor.neurons.SelfEnergy;
import io.synaptor.neurons.UnitDynamics;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * JMH micro-benchmark of a population slice's hot loop at block granularity (issue 5; DESIGN.md,
 * "Granularity"): one free step of {@code units} sigmoid units × a minibatch of {@code batch}, as
 * the slice actor takes it ({@link UnitDynamics#rhoAll} then {@link UnitDynamics#freeSteps}, unit by
 * unit), beside the same arithmetic as one call per example (how the slice stepped before) and as
 * the loop written out in place, the way the dense baseline ({@code BatchedRelaxation}) has it; and
 * the step loop alone (without the exponentials of ρ) both ways. All compute the same bits; only the
 * shape of the call differs. Run by {@code synaptor bench step}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SliceStepBenchmark {
    @Param("100")
    int units;

    @Param("100")
    int batch;

    private double[] s;
    private double[] h;
    private double[] rho;
    private double[] bias;
    private UnitDynamics unit;
    private Activation act;
    private double dt;

    @Setup
    public void setup() {
        act = Activation.named("sigmoid");
        dt = 0.5;
        unit = new OverdampedUnit(act, SelfEnergy.QUADRATIC, dt, 0.0);
        SplittableRandom r = new SplittableRandom(5);
        s = new double[units * batch];
        h = new double[units * batch];
        rho = new double[units * batch];
        bias = new double[units];
        for (int i = 0; i < s.length; i++) {
            s[i] = r.nextDouble();
            h[i] = 2 * r.nextDouble() - 1;
        }
        for (int k = 0; k < units; k++) bias[k] = 0.2 * r.nextDouble() - 0.1;
    }

    /** The slice as it steps now: ρ of the whole vector in one call, then each unit's minibatch in one call. */
    @Benchmark
    public double[] slice() {
        unit.rhoAll(s, rho);
        return stepLoop();
    }

    /** One call per example and entry, through the interface, as the slice did before. */
    @Benchmark
    public double[] slicePerExample() {
        for (int i = 0; i < s.length; i++) unit.rho(s, i, rho);
        for (int k = 0; k < units; k++) {
            for (int b = 0; b < batch; b++) unit.step(s, k * batch + b, h, bias[k], 0.0, 0.0, 0.0, 0.0, rho);
        }
        return s;
    }

    /** The loops written out in place, as the single-threaded dense relaxation has them. */
    @Benchmark
    public double[] sliceWrittenOut() {
        for (int i = 0; i < s.length; i++) rho[i] = act.rho(s[i]);
        return stepLoopWrittenOut();
    }

    /** The step loop alone (no exponentials): where the call's shape shows — a loop the JIT cannot vectorise is ~5× slower. */
    @Benchmark
    public double[] stepLoop() {
        for (int k = 0; k < units; k++) unit.freeSteps(s, k * batch, (k + 1) * batch, h, bias[k], rho);
        return s;
    }

    /** The step loop alone, written out in place. */
    @Benchmark
    public double[] stepLoopWrittenOut() {
        for (int k = 0; k < units; k++) {
            double b0 = bias[k];
            for (int b = 0; b < batch; b++) {
                int i = k * batch + b;
                s[i] = act.clip(s[i] - dt * (s[i] - act.rhoPrime(s[i], rho[i]) * (h[i] + b0)));
            }
        }
        return s;
    }
}
