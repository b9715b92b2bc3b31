package io.synaptor.scenarios;

import io.synaptor.scenarios.report.Progress;
import io.synaptor.scenarios.report.Report;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import io.synaptor.network.LabeledData;
import io.synaptor.network.NetworkSpec;
import io.synaptor.scenarios.data.CsvTable;
import io.synaptor.scenarios.data.Xor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * A network described in a file (--config): populations, projections and data in HOCON, trained
 * like two-moons (the same settings and defaults, the same training code), so a file of the
 * 2-32-2 layered net reproduces {@code two-moons} bit for bit.
 */
public final class NetworkScenario implements Scenario {
    /** two-moons' settings that name layer pairs, which a graph of populations has not: the file says it per projection. */
    private static final Set<String> LAYERED_ONLY = Set.of("network.layers", "network.projection-delays", "learning.rates");

    @Override
    public String name() {
        return "network";
    }

    @Override
    public String summary() {
        return "a network from a file (--config): populations, projections and data in HOCON, trained like two-moons";
    }

    @Override
    public String description() {
        return """
                Builds the network a HOCON file describes and trains it with learning.rule (one-sided EP by default) on its data, exactly as
                two-moons trains its 2-32-2 net (the same settings, defaults and code), then writes the usual
                outputs: summary.json, metrics.csv, config.conf, accuracy.png, loss.png, confusion.png,
                network.json/.npz and, on two moons, boundary.png (see two-moons). Run it as
                  synaptor run network --config my-net.conf
                The file holds settings like any config.conf (learning.rate = 0.01, training.epochs = 10, seed = 3),
                and three kinds of keys of its own:
                  populations = [                      # in order: units are numbered population by population
                    {name = in,     size = 2,  role = input}     # role: input | hidden | output
                    {name = hidden, size = 16, role = hidden, model = overdamped}   # model: default units.model
                    {name = out,    size = 2,  role = output}
                  ]
                  projections = [                      # symmetric couplings W_ij, one per pair of units
                    {from = in, to = hidden}           # pattern = full (default) | one-to-one
                    {from = hidden, to = hidden}       # lateral: every pair within the population once, no self-couplings
                    {from = hidden, to = out, delay = 2, init = zero}   # delay: default network.delay; init: glorot (default) | zero
                  ]
                  data.set = two-moons                 # two-moons | xor | csv
                Glorot-uniform weights ±√(6/(n_from + n_to)) are drawn projection by projection, in file order, from
                the stream two-moons draws from: in → hidden → out with full projections is two-moons' net. Input
                populations take the data's inputs and output populations its targets, in unit order. Each
                population is one layer for block granularity (slices), units.update=heterogeneous (one rate per
                population after the first) and monitor.layers. data.set=two-moons draws training.train-size and
                training.test-size points (data.noise, data.encoding); xor takes the four points (data.encoding) as
                both sets; csv reads data.train (and data.test, else the last data.test-fraction of data.train's
                rows): a header line of column names, then one row of numbers per line; data.inputs and
                data.targets name the columns, or, left empty, the first columns are the inputs (one per input
                unit) and the next the targets (one per output unit, e.g. one-hot classes; accuracy counts the
                largest). Relative paths are read from the working directory. A mistake in the file is one
                sentence naming the key (e.g. projections[1].to names no population: 'hiden').""";
    }

    @Override
    public List<Setting> settings() {
        List<Setting> s = new ArrayList<>(NetworkFile.settings());
        for (Setting x : new TwoMoonsScenario().settings()) {
            if (LAYERED_ONLY.contains(x.path())) continue;
            s.add(switch (x.path()) {
                case "units.update-rates" -> Setting.realList(x.path(), List.of(1.0, 0.5), 1e-6, 1.0,
                        "heterogeneous: update probability per population after the first, one entry per population");
                case "training.train-size" -> Setting.integer(x.path(), 400, 1, 10_000_000, "data.set=two-moons: training examples");
                case "training.test-size" -> Setting.integer(x.path(), 400, 1, 10_000_000, "data.set=two-moons: test examples (evaluated after every epoch)");
                case "data.encoding" -> Setting.choice(x.path(), x.defaultValue().toString(), x.choices(),
                        "two-moons and xor: the inputs' clamped values, centred = 4(x − ½) or unit = x (x in the unit square)");
                default -> x;
            });
        }
        s.add(Setting.choice("data.set", "two-moons", List.of("two-moons", "xor", "csv"),
                "the data: two moons (as in two-moons), the four XOR points (train and test set), or a CSV file (data.train)"));
        s.add(Setting.raw("data.train", "", "csv: the training examples' file (header line of column names, one row of numbers per line)"));
        s.add(Setting.raw("data.test", "", "csv: the test examples' file (same columns); empty: the last data.test-fraction of data.train"));
        s.add(Setting.real("data.test-fraction", 0.2, 0.0, 1.0, "csv without data.test: the fraction of data.train's rows, from the end, held out for testing"));
        s.add(Setting.raw("data.inputs", List.of(), "csv: the input columns by name, in input-unit order; empty: the first columns, one per input unit"));
        s.add(Setting.raw("data.targets", List.of(), "csv: the target columns by name, in output-unit order; empty: the columns after the inputs, one per output unit"));
        return s;
    }

    @Override
    public Report run(Settings s, long seed, Progress progress) {
        NetworkSpec net = NetworkFile.spec(s, seed, Common.nudgeShape(s).complex());
        String set = s.getString("data.set");
        LabeledData train;
        LabeledData test;
        LabeledData moonsTest = null;
        switch (set) {
            case "two-moons" -> {
                moonsTest = TwoMoonsScenario.moons(s, seed, 1, "training.test-size");
                train = TwoMoonsScenario.encoded(s, TwoMoonsScenario.moons(s, seed, 0, "training.train-size"));
                test = TwoMoonsScenario.encoded(s, moonsTest);
            }
            case "xor" -> train = test = TwoMoonsScenario.encoded(s, Xor.points());
            default -> {
                LabeledData[] d = csv(s, net);
                train = d[0];
                test = d[1];
            }
        }
        int in = net.inputs().length;
        int out = net.outputs().length;
        if (train.x()[0].length != in || train.y()[0].length != out) {
            throw new BadInput(NetworkFile.POPULATIONS + " has " + in + " input and " + out + " output units, but data.set=" + set
                    + " has " + train.x()[0].length + " inputs and " + train.y()[0].length + " targets per example");
        }
        Classification.Outcome outcome = Classification.run(name(), s, seed, progress, net, train, test);
        long lateral = net.couplings().stream().filter(c -> net.layerOf()[c.i()] == net.layerOf()[c.j()]).count();
        outcome.report().line(String.format("network: %d units in %d populations, %d couplings (%d lateral)", net.size(),
                IntStream.of(net.layerOf()).max().orElse(-1) + 1, net.couplings().size(), lateral));
        if (moonsTest != null) TwoMoonsScenario.addBoundary(outcome, s, seed, moonsTest);
        return Classification.exportTrained(outcome, name());
    }

    /** data.train and data.test (or data.train's last rows) as training and test set. */
    private static LabeledData[] csv(Settings s, NetworkSpec net) {
        CsvTable train = table(s, "data.train");
        boolean split = text(s, "data.test").isEmpty();
        CsvTable test = split ? train : table(s, "data.test");
        int in = net.inputs().length;
        int[] inputs = columns(s, "data.inputs", train, IntStream.range(0, in).toArray());
        int[] targets = columns(s, "data.targets", train, IntStream.range(in, in + net.outputs().length).toArray());
        if (!split && !test.columns().equals(train.columns())) {
            throw new BadInput("data.test must have data.train's columns " + train.columns() + ", got " + test.columns());
        }
        int rows = train.rows().length;
        int held = split ? (int) Math.round(s.getDouble("data.test-fraction") * rows) : 0;
        if (split && (held < 1 || held >= rows)) {
            throw new BadInput("data.test-fraction (" + s.getDouble("data.test-fraction") + ") of " + rows + " rows leaves "
                    + held + " for testing and " + (rows - held) + " for training; both need at least one (or give data.test)");
        }
        LabeledData a = new LabeledData(train.select(inputs, 0, rows - held), train.select(targets, 0, rows - held));
        LabeledData b = split ? new LabeledData(train.select(inputs, rows - held, rows), train.select(targets, rows - held, rows))
                : new LabeledData(test.select(inputs, 0, test.rows().length), test.select(targets, 0, test.rows().length));
        return new LabeledData[]{a, b};
    }

    private static String text(Settings s, String key) {
        ConfigValue v = s.getValue(key);
        if (v.valueType() != ConfigValueType.STRING) throw new BadInput(key + " must be a file name, got " + v.render());
        return ((String) v.unwrapped()).strip();
    }

    private static CsvTable table(Settings s, String key) {
        String name = text(s, key);
        if (name.isEmpty()) throw new BadInput(key + " is missing: data.set=csv needs a CSV file of inputs and targets");
        Path p = Path.of(name);
        if (!Files.isRegularFile(p)) throw new BadInput(key + ": " + p + " does not exist");
        try {
            return CsvTable.read(p);
        } catch (IOException | IllegalArgumentException e) {
            throw new BadInput(key + ": could not read " + p + ": " + e.getMessage());
        }
    }

    /** The columns a raw setting names, or {@code positional} when it is empty; every index must exist. */
    private static int[] columns(Settings s, String key, CsvTable t, int[] positional) {
        ConfigValue v = s.getValue(key);
        if (v.valueType() != ConfigValueType.LIST) throw new BadInput(key + " must be a list of column names, got " + v.render());
        List<?> names = (List<?>) v.unwrapped();
        if (names.isEmpty()) {
            int need = positional[positional.length - 1] + 1;
            if (need > t.columns().size()) {
                throw new BadInput(key + " is empty, so the columns are taken in order, but data.train has " + t.columns().size()
                        + " columns where the network's inputs and outputs need " + need);
            }
            return positional;
        }
        if (names.size() != positional.length) {
            throw new BadInput(key + " names " + names.size() + " columns, but the network has " + positional.length + " such units");
        }
        int[] out = new int[names.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = t.column(String.valueOf(names.get(k)));
            if (out[k] < 0) throw new BadInput(key + " names the column '" + names.get(k) + "', which data.train has not (columns: " + t.columns() + ")");
        }
        return out;
    }
}
