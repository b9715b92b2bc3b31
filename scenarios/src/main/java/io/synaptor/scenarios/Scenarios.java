package io.synaptor.scenarios;

import java.util.List;

/** Every scenario the command line knows, the default first. */
public final class Scenarios {
    private Scenarios() {
    }

    public static final List<Scenario> ALL = List.of(new TwoMoonsScenario(), new XorScenario(), new GradientCheckScenario(),
            new GradientBiasScenario(), new FiniteRelaxationScenario(), new NoisyNudgeScenario(), new DelaySweepScenario(),
            ImageScenario.mnist(), ImageScenario.fashion(),
            new GmmSamplerScenario(), new HarmonicTrapScenario(), new Mnist01OscillatorsScenario());

    public static Scenario defaultScenario() {
        return ALL.get(0);
    }

    public static Scenario find(String name) {
        for (Scenario s : ALL) if (s.name().equals(name)) return s;
        throw new BadInput("unknown scenario '" + name + "'" + Suggest.didYouMean(name, ALL.stream().map(Scenario::name).toList()) + " (known: "
                + String.join(", ", ALL.stream().map(Scenario::name).toList()) + "; see: synaptor list)");
    }
}
