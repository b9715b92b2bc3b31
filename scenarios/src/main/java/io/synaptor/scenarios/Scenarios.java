package io.synaptor.scenarios;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Every scenario the command line knows: the built-in ones (the default first), then those of
 * the {@link ScenarioProvider}s found on the class path, by name.
 */
public final class Scenarios {
    private Scenarios() {
    }

    /** The scenarios that come with Synaptor, the default first (listed here, not looked up: they lead the list). */
    public static final class BuiltIn implements ScenarioProvider {
        @Override
        public List<Scenario> scenarios() {
            return List.of(new TwoMoonsScenario(), new XorScenario(), new GradientCheckScenario(),
                    new GradientBiasScenario(), new FiniteRelaxationScenario(), new NoisyNudgeScenario(), new DelaySweepScenario(),
                    ImageScenario.mnist(), ImageScenario.fashion(),
                    new GmmSamplerScenario(), new HarmonicTrapScenario(), new Mnist01OscillatorsScenario(), new DsmBiasScenario(),
                    new DsmRelaxationScenario(), new ThermoDiffusionScenario(), new MultiplexCheckScenario(), new RunningAverageScenario(), new ConcurrentTasksScenario(), new EchoCheckScenario(), new SequenceTaskScenario(), new TwoMassesScenario(), new EchoSweepScenario(), new NetworkScenario());
        }
    }

    private static final List<Scenario> ALL = load();

    private static List<Scenario> load() {
        List<Scenario> all = new ArrayList<>(new BuiltIn().scenarios());
        List<Scenario> plugged = new ArrayList<>();
        for (ScenarioProvider p : ServiceLoader.load(ScenarioProvider.class, Scenarios.class.getClassLoader())) {
            plugged.addAll(p.scenarios());
        }
        plugged.sort(Comparator.comparing(Scenario::name));
        all.addAll(plugged);
        Set<String> names = new HashSet<>();
        for (Scenario s : all) {
            if (!names.add(s.name())) throw new IllegalStateException("two scenarios are called '" + s.name() + "'");
        }
        return List.copyOf(all);
    }

    /** Every scenario, as {@code synaptor list} shows them. */
    public static List<Scenario> all() {
        return ALL;
    }

    public static Scenario defaultScenario() {
        return ALL.get(0);
    }

    public static Scenario find(String name) {
        for (Scenario s : ALL) if (s.name().equals(name)) return s;
        List<String> names = ALL.stream().map(Scenario::name).toList();
        throw new BadInput("unknown scenario '" + name + "'" + Suggest.didYouMean(name, names) + " (known: "
                + String.join(", ", names) + "; see: synaptor list)");
    }
}
