package io.synaptor.scenarios;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import io.synaptor.network.Coupling;
import io.synaptor.network.LearningRates;
import io.synaptor.network.NetworkSpec;
import io.synaptor.network.PopulationNetworks;
import io.synaptor.network.PopulationNetworks.Init;
import io.synaptor.network.PopulationNetworks.Pattern;
import io.synaptor.network.PopulationNetworks.Population;
import io.synaptor.network.PopulationNetworks.Projection;
import io.synaptor.network.Role;
import io.synaptor.neurons.Activation;
import io.synaptor.neurons.UnitModel;
import io.synaptor.neurons.UnitModels;
import io.synaptor.synapses.CouplingModel;
import io.synaptor.synapses.Couplings;
import io.synaptor.scheduler.RandomStreams;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a network's graph from HOCON — the {@code populations} and {@code projections} settings
 * of the network scenario (docs/scenarios.md, "network") — and builds it with
 * {@link PopulationNetworks}. Every mistake is a {@link BadInput} of one sentence that names the key.
 */
final class NetworkFile {
    private NetworkFile() {
    }

    static final String POPULATIONS = "populations";
    static final String PROJECTIONS = "projections";
    private static final Set<String> POPULATION_KEYS = Set.of("name", "size", "role", "model", "rate");
    private static final Set<String> PROJECTION_KEYS = Set.of("from", "to", "pattern", "delay", "init", "coupling", "rate");
    private static final double MAX_RATE = 1000.0; // as learning.rate's range
    private static final String POPULATIONS_EXAMPLE = "[{name = in, size = 2, role = input}, {name = out, size = 2, role = output}]";
    private static final String PROJECTIONS_EXAMPLE = "[{from = in, to = out}]";

    static List<Setting> settings() {
        return List.of(
                Setting.raw(POPULATIONS, List.of(), "the populations in unit order, each {name, size, role = input | hidden | output, "
                        + "model (optional; default units.model), rate (its units' biases' learning rate; default learning.rate)}; "
                        + "inputs take the data's input columns in order, outputs its targets"),
                Setting.raw(PROJECTIONS, List.of(), "the couplings, each {from, to (population names; equal for lateral couplings, "
                        + "never a unit with itself), pattern = full | one-to-one (default full), delay (default network.delay), "
                        + "init = glorot | zero (default glorot), coupling (default network.coupling; one kind per network), "
                        + "rate (its couplings' learning rate, 0: fixed; default learning.rate)}"));
    }

    /**
     * The network the settings describe, weights drawn from the stream two-moons draws from
     * ({@code INIT, 0}) in projection order; {@code complex}: the rule needs complex states.
     */
    static NetworkSpec spec(Settings s, long seed, boolean complex) {
        Activation activation = Activation.named(s.getString("units.activation"));
        double dt = s.getDouble("time.dt");
        double temperature = s.getDouble("units.temperature");
        CouplingModel kind = couplingKind(s);
        List<Population> populations = populations(s, kind.ends(activation), dt, temperature, complex);
        Map<String, Integer> index = new HashMap<>();
        for (int p = 0; p < populations.size(); p++) index.put(populations.get(p).name(), p);
        List<ConfigObject> entries = objects(s, PROJECTIONS, PROJECTIONS_EXAMPLE);
        boolean constant = s.getString("network.delay-model").equals("constant");
        List<Projection> projections = new ArrayList<>();
        for (int k = 0; k < entries.size(); k++) {
            ConfigObject o = entries.get(k);
            String key = PROJECTIONS + "[" + k + "]";
            known(o, key, PROJECTION_KEYS);
            if (o.containsKey("delay") && !constant) {
                throw new BadInput(key + ".delay fixes a delay, but network.delay-model=" + s.getString("network.delay-model")
                        + " draws every link's delay: drop one");
            }
            int from = population(o, key, "from", index);
            int to = population(o, key, "to", index);
            projections.add(new Projection(from, to,
                    o.containsKey("pattern") ? word(o, key, "pattern", List.of("full", "one-to-one"), Pattern.class) : Pattern.FULL,
                    o.containsKey("delay") ? whole(o, key, "delay", 1, 100_000) : s.getInt("network.delay"),
                    o.containsKey("init") ? word(o, key, "init", List.of("glorot", "zero"), Init.class) : Init.GLOROT));
        }
        NetworkSpec net;
        try {
            net = PopulationNetworks.build(populations, projections, activation, dt, temperature,
                    RandomStreams.stream(seed, RandomStreams.Kind.INIT, 0)).withCouplingModel(kind);
        } catch (IllegalArgumentException e) {
            throw new BadInput(PROJECTIONS + ": " + e.getMessage());
        }
        return Common.drawnDelays(s, seed, net); // from the stream layered nets draw their delays from
    }

    /**
     * The learning rates the file sets: a projection's {@code rate} for its couplings, a population's
     * for its units' biases, learning.rate for the rest; {@link LearningRates#uniform()} when the file
     * sets none, so such a run is the run it was before rates were a key. Between two populations
     * there is at most one projection (a second would couple some pair again), so a coupling's
     * projection is the one joining its ends' populations.
     */
    static LearningRates rates(Settings s, NetworkSpec net) {
        List<ConfigObject> populations = objects(s, POPULATIONS, POPULATIONS_EXAMPLE);
        List<ConfigObject> projections = objects(s, PROJECTIONS, PROJECTIONS_EXAMPLE);
        if (populations.stream().noneMatch(o -> o.containsKey("rate")) && projections.stream().noneMatch(o -> o.containsKey("rate"))) {
            return LearningRates.uniform();
        }
        double base = s.getDouble("learning.rate");
        Map<String, Integer> index = new HashMap<>();
        double[] biasRate = new double[populations.size()];
        for (int p = 0; p < biasRate.length; p++) {
            ConfigObject o = populations.get(p);
            index.put(String.valueOf(o.get("name").unwrapped()), p);
            biasRate[p] = o.containsKey("rate") ? real(o, POPULATIONS + "[" + p + "]", "rate", 0.0, MAX_RATE) : base;
        }
        int count = populations.size();
        Map<Integer, Double> pairRate = new HashMap<>(); // key: the two populations, lower first
        for (int k = 0; k < projections.size(); k++) {
            ConfigObject o = projections.get(k);
            String key = PROJECTIONS + "[" + k + "]";
            int a = population(o, key, "from", index);
            int b = population(o, key, "to", index);
            pairRate.put(Math.min(a, b) * count + Math.max(a, b),
                    o.containsKey("rate") ? real(o, key, "rate", 0.0, MAX_RATE) : base);
        }
        int[] pop = net.layerOf(); // a network from a file numbers its populations as layers
        double[] couplings = new double[net.couplings().size()];
        for (int k = 0; k < couplings.length; k++) {
            Coupling c = net.couplings().get(k);
            couplings[k] = pairRate.get(Math.min(pop[c.i()], pop[c.j()]) * count + Math.max(pop[c.i()], pop[c.j()]));
        }
        double[] biases = new double[net.size()];
        for (int u = 0; u < biases.length; u++) biases[u] = biasRate[pop[u]];
        return new LearningRates(couplings, biases);
    }

    /**
     * The projections' coupling kind: each may name one ({@code coupling}), network.coupling
     * otherwise; all must agree, since every engine has a unit present one φ to all its couplings
     * ({@link CouplingModel}).
     */
    private static CouplingModel couplingKind(Settings s) {
        String kind = s.getString("network.coupling");
        String namedBy = "network.coupling";
        List<ConfigObject> entries = objects(s, PROJECTIONS, PROJECTIONS_EXAMPLE);
        for (int k = 0; k < entries.size(); k++) {
            if (!entries.get(k).containsKey("coupling")) continue;
            String key = PROJECTIONS + "[" + k + "]";
            String named = text(entries.get(k), key, "coupling");
            if (!named.equals(kind) && !namedBy.equals("network.coupling")) {
                throw new BadInput(key + ".coupling = " + named + " differs from " + namedBy + " = " + kind
                        + ": a network couples through one kind (each unit presents one φ to all its couplings)");
            }
            kind = named;
            namedBy = key + ".coupling";
        }
        try {
            return Couplings.named(kind);
        } catch (IllegalArgumentException e) {
            throw new BadInput(namedBy + ": " + e.getMessage());
        }
    }

    private static List<Population> populations(Settings s, Activation activation, double dt, double temperature, boolean complex) {
        List<ConfigObject> entries = objects(s, POPULATIONS, POPULATIONS_EXAMPLE);
        List<Population> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int k = 0; k < entries.size(); k++) {
            ConfigObject o = entries.get(k);
            String key = POPULATIONS + "[" + k + "]";
            known(o, key, POPULATION_KEYS);
            String name = text(o, key, "name");
            Integer before = seen.putIfAbsent(name, k);
            if (before != null) throw new BadInput(key + ".name '" + name + "' is already the name of " + POPULATIONS + "[" + before + "]");
            int size = whole(o, key, "size", 1, 10_000_000);
            Role role = word(o, key, "role", List.of("input", "hidden", "output"), Role.class);
            String modelName = o.containsKey("model") ? text(o, key, "model") : s.getString("units.model");
            UnitModel model;
            try { // known, and with the dynamics the rule needs (complex states for holomorphic EP)
                model = UnitModels.named(modelName);
                model.dynamics(activation, dt, temperature, complex);
            } catch (IllegalArgumentException e) {
                throw new BadInput(key + ".model: " + e.getMessage());
            }
            out.add(new Population(name, size, role, model));
        }
        for (Role r : List.of(Role.INPUT, Role.OUTPUT)) {
            if (out.stream().noneMatch(p -> p.role() == r)) {
                throw new BadInput(POPULATIONS + " has no population with role = " + r.name().toLowerCase(Locale.ROOT)
                        + ": the data needs somewhere to go in and a target to nudge");
            }
        }
        return out;
    }

    /** A raw setting that must be a non-empty list of objects. */
    private static List<ConfigObject> objects(Settings s, String path, String example) {
        ConfigValue v = s.getValue(path);
        if (v.valueType() != ConfigValueType.LIST || ((ConfigList) v).isEmpty()) {
            throw new BadInput(path + " is " + (v.valueType() == ConfigValueType.LIST ? "missing or empty" : "not a list")
                    + ": the file must list them in order, e.g. " + path + " = " + example);
        }
        List<ConfigObject> out = new ArrayList<>();
        ConfigList list = (ConfigList) v;
        for (int k = 0; k < list.size(); k++) {
            if (list.get(k).valueType() != ConfigValueType.OBJECT) {
                throw new BadInput(path + "[" + k + "] must be an object such as {name = hidden, size = 16, role = hidden}, got " + list.get(k).render());
            }
            out.add((ConfigObject) list.get(k));
        }
        return out;
    }

    private static void known(ConfigObject o, String key, Set<String> keys) {
        for (String k : o.keySet()) {
            if (!keys.contains(k)) {
                throw new BadInput(key + " has an unknown key '" + k + "'" + Suggest.didYouMean(k, keys)
                        + " (known: " + String.join(", ", keys.stream().sorted().toList()) + ")");
            }
        }
    }

    private static ConfigValue required(ConfigObject o, String key, String field) {
        ConfigValue v = o.get(field);
        if (v == null || v.valueType() == ConfigValueType.NULL) throw new BadInput(key + "." + field + " is missing");
        return v;
    }

    private static String text(ConfigObject o, String key, String field) {
        ConfigValue v = required(o, key, field);
        if (v.valueType() != ConfigValueType.STRING || ((String) v.unwrapped()).isBlank()) {
            throw new BadInput(key + "." + field + " must be a name, got " + v.render());
        }
        return (String) v.unwrapped();
    }

    private static int whole(ConfigObject o, String key, String field, int min, int max) {
        ConfigValue v = required(o, key, field);
        Object u = v.unwrapped();
        if (!(u instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()) || n.doubleValue() < min || n.doubleValue() > max) {
            throw new BadInput(key + "." + field + " must be a whole number in [" + min + ", " + max + "], got " + v.render());
        }
        return n.intValue();
    }

    private static double real(ConfigObject o, String key, String field, double min, double max) {
        ConfigValue v = required(o, key, field);
        if (!(v.unwrapped() instanceof Number n) || !(n.doubleValue() >= min && n.doubleValue() <= max)) {
            throw new BadInput(key + "." + field + " must be a number in [" + min + ", " + max + "], got " + v.render());
        }
        return n.doubleValue();
    }

    /** One of {@code words}, as the constant of {@code type} of the same name (upper case, - as _). */
    private static <E extends Enum<E>> E word(ConfigObject o, String key, String field, List<String> words, Class<E> type) {
        ConfigValue v = required(o, key, field);
        String w = String.valueOf(v.unwrapped());
        if (!words.contains(w)) throw new BadInput(key + "." + field + " must be one of " + String.join(", ", words) + ", got " + v.render());
        return Enum.valueOf(type, w.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    private static int population(ConfigObject o, String key, String field, Map<String, Integer> index) {
        String name = text(o, key, field);
        Integer p = index.get(name);
        if (p == null) {
            throw new BadInput(key + "." + field + " names no population: '" + name + "'" + Suggest.didYouMean(name, index.keySet())
                    + " (populations: " + String.join(", ", index.keySet().stream().sorted().toList()) + ")");
        }
        return p;
    }
}
