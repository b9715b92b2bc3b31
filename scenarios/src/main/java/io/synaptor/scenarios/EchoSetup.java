package io.synaptor.scenarios;

import io.synaptor.actors.EchoRun;
import io.synaptor.actors.Engine;
import io.synaptor.actors.ProgressListener;
import io.synaptor.actors.SimulationDiverged;
import io.synaptor.actors.SimulationStalled;
import io.synaptor.network.EchoNetwork;
import io.synaptor.network.EchoProgram;
import io.synaptor.network.Sequences;
import io.synaptor.neurons.Activation;
import io.synaptor.neurons.Identity;
import io.synaptor.neurons.Leapfrog;
import io.synaptor.scheduler.RandomStreams;
import io.synaptor.synapses.Optimizer;

import java.util.ArrayList;
import java.util.List;

/**
 * What the Hamiltonian echo-learning scenarios share (seed 002; docs/scenarios.md#echo-check): the
 * settings of a recurrent net of second-order units, its construction from them, the program's grid
 * and a run on the actors that fails in one sentence.
 */
final class EchoSetup {
    private EchoSetup() {
    }

    /** The net's settings, with a scenario's defaults. */
    record Defaults(int units, int outputs, int steps, double dt, double gain, double inputGain, double stiffness, double epsilon) {
    }

    static List<Setting> settings(Defaults d) {
        List<Setting> s = new ArrayList<>();
        s.add(Setting.integer("echo.units", d.units(), 1, 10_000, "second-order units, all-to-all coupled (the last echo.outputs are the outputs)"));
        s.add(Setting.integer("echo.outputs", d.outputs(), 1, 10_000, "output units: the loss is on their positions"));
        s.add(Setting.choice("echo.activation", "tanh", List.of("tanh", "linear"), "φ, what a unit presents: V_c = −W φ(y_i)φ(y_j)"));
        s.add(Setting.real("echo.gain", d.gain(), 0.0, 100.0, "couplings drawn W ~ N(0, gain²/units)"));
        s.add(Setting.real("echo.input-gain", d.inputGain(), 0.0, 100.0, "input links drawn B ~ N(0, input-gain²)"));
        s.add(Setting.real("echo.stiffness", d.stiffness(), 0.0, 1e6, "α: every unit's spring ½α·y²"));
        s.add(Setting.real("echo.damping", 0.0, 0.0, 1e6, "γ: a dissipative term −γz in the kick (0: Hamiltonian; > 0 breaks time reversal)"));
        s.add(Setting.real("time.dt", d.dt(), 1e-6, 10.0, "the leapfrog step"));
        s.add(Setting.integer("time.steps", d.steps(), 1, 1_000_000, "T: leapfrog steps of a sequence"));
        s.add(Setting.real("echo.epsilon", d.epsilon(), 0.0, 1e6, "ε: the nudge ε·∂ℓ/∂y_t injected into the momenta during the echoes"));
        s.add(Setting.choice("echo.form", "symmetric", List.of("symmetric", "one-sided"),
                "the second echo: nudged by −ε (symmetric, error O(ε²)) or free (one-sided, O(ε))"));
        s.add(Setting.integer("echo.grid", 0, 0, 1_000_000,
                "P, virtual steps per leapfrog step; 0: network.delay + network.jitter + 1, so that every force is fresh (the shared grid)"));
        s.addAll(Common.actorTimingSettings("units take a leapfrog step"));
        return s;
    }

    static Activation activation(Settings s) {
        return s.getString("echo.activation").equals("linear") ? Identity.LINEAR : Activation.named(s.getString("echo.activation"));
    }

    /** The recurrent net the settings describe, with {@code inputs} channels, its draws from the seed's INIT stream. */
    static EchoNetwork.Built net(Settings s, int inputs, long seed) {
        int units = s.getInt("echo.units");
        int outputs = s.getInt("echo.outputs");
        if (outputs > units) throw new BadInput("echo.outputs (" + outputs + ") must not exceed echo.units (" + units + ")");
        return EchoNetwork.recurrent(units, inputs, outputs, activation(s), leapfrog(s), s.getDouble("echo.gain"),
                s.getDouble("echo.input-gain"), s.getDouble("echo.stiffness"), RandomStreams.stream(seed, RandomStreams.Kind.INIT, 0));
    }

    static Leapfrog leapfrog(Settings s) {
        return new Leapfrog(s.getDouble("time.dt"), s.getDouble("echo.damping"));
    }

    static Engine engine(Settings s, long seed, EchoNetwork net) {
        return Common.actorEngine(s, seed, net.units() + net.inputs());
    }

    /** The program of {@code episodes} minibatches at ε and the given form, on the settings' grid. */
    static EchoProgram program(Settings s, Engine engine, long episodes, double epsilon, EchoProgram.Form form) {
        int grid = s.getInt("echo.grid");
        return new EchoProgram(s.getInt("time.steps"), grid == 0 ? engine.maxDelay() + 1 : grid, episodes, epsilon, form);
    }

    /** echo.epsilon where a gradient is taken from the echoes, which needs ε > 0 (their difference is over ε). */
    static double learningEpsilon(Settings s) {
        double epsilon = s.getDouble("echo.epsilon");
        if (!(epsilon > 0)) throw new BadInput("echo.epsilon must be positive: the gradient is the echoes' difference over ε");
        return epsilon;
    }

    static EchoProgram.Form form(Settings s) {
        return EchoProgram.Form.named(s.getString("echo.form"));
    }

    /** A run on the actors; a divergence or a stall fails the scenario in one sentence. */
    static EchoRun.Outcome run(EchoNetwork net, EchoNetwork.Parameters init, EchoProgram program, Sequences data, int[][] minibatches,
                               int perEpoch, double rate, Optimizer optimizer, Engine engine, ProgressListener listener) {
        try {
            return EchoRun.run(net, init, program, data, minibatches, perEpoch, rate, optimizer, engine, listener);
        } catch (SimulationDiverged e) {
            throw new RunFailed("the run diverged: " + e.getMessage() + "; try a smaller learning.rate, echo.epsilon or time.dt", e);
        } catch (SimulationStalled e) {
            throw new RunFailed(e.getMessage(), e);
        }
    }
}
