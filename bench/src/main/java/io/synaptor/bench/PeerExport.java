package io.synaptor.bench;

import io.synaptor.scenarios.report.Npz;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import io.synaptor.network.LayeredNetworks;
import io.synaptor.network.NetworkSpec;
import io.synaptor.network.PhaseSchedule;
import io.synaptor.neurons.Activation;
import io.synaptor.scenarios.Scenario;
import io.synaptor.scenarios.Scenarios;
import io.synaptor.scenarios.Settings;
import io.synaptor.scenarios.data.DataSets;
import io.synaptor.scheduler.RandomStreams;
import io.synaptor.synapses.NudgeShape;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the PyTorch peer of {@code fashion-ep} ({@code bench/peers/ep_torch.py}) needs to compute the run the
 * simulator computes, in one .npz: the initial network exactly as the scenario builds it from the seed
 * ({@code weights} (C,) in spec order — projection by projection, row-major from × to — and {@code biases} (N,),
 * as network.npz has them), each epoch's training order ({@code order} (epochs, train-size), the schedule's
 * Fisher–Yates permutation from SplittableRandom), the signed β of every training episode ({@code beta}), the
 * input rate each pixel value 0 … 255 is presented as ({@code pixel_rho}: ρ(ρ⁻¹(k/255)) as the clamped slices
 * compute it), and {@code settings.json}: the scalars of the run and the data files. The peer reads the
 * images itself. Settings the peer does not implement are refused ({@link #unsupported}).
 *
 * <p>Command line: {@code java -cp … io.synaptor.bench.PeerExport --out FILE [--seed N] [--set KEY=VALUE]…};
 * the scenario is fashion-ep at its defaults otherwise.
 */
public final class PeerExport {
    private PeerExport() {
    }

    /** The scenario whose dynamics the peer implements. */
    public static final String SCENARIO = "fashion-ep";

    /** fashion-ep's settings with {@code overrides} ({@code training.train-size} → 200, …), as {@code synaptor run --set} resolves them. */
    public static Settings settings(Map<String, Object> overrides) {
        Scenario fashion = Scenarios.find(SCENARIO);
        return Settings.resolve(fashion.name(), fashion.settings(), ConfigFactory.parseMap(overrides));
    }

    /** Why the peer cannot compute a run with these settings, one phrase per setting; empty: it can. */
    public static List<String> unsupported(Settings s) {
        List<String> why = new ArrayList<>();
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("learning.rule", "centered");
        expected.put("learning.optimizer", "sgd");
        expected.put("units.activation", "sigmoid");
        expected.put("units.model", "overdamped");
        expected.put("network.coupling", "pairwise");
        expected.put("network.delay", 1);
        expected.put("network.delay-model", "constant");
        expected.put("network.jitter", 0);
        expected.put("network.drop", 0.0);
        expected.put("network.clock-skew", 0);
        expected.put("units.temperature", 0.0);
        expected.put("units.reset", true);
        expected.put("units.persistent", false);
        expected.put("units.update", "every-step");
        expected.put("units.send-threshold", 0.0);
        expected.put("time.mode", "virtual");
        expected.put("data.encoding", "rate");
        expected.put("data.shifted-copies", 0);
        expected.put("training.checkpoint", false);
        for (var e : expected.entrySet()) {
            Object v = s.flat().get(e.getKey());
            boolean same = v instanceof Number n && e.getValue() instanceof Number m ? n.doubleValue() == m.doubleValue() : e.getValue().equals(v);
            if (!same) why.add(e.getKey() + " = " + v + " (the peer implements " + e.getValue() + ")");
        }
        if (s.getRealList("network.projection-delays").length > 0) why.add("network.projection-delays (the peer has one delay of one step)");
        return why;
    }

    /** Writes the .npz for the run {@code synaptor run fashion-ep --seed seed} with these settings would make. */
    public static void write(Path file, Settings s, long seed) throws IOException {
        List<String> why = unsupported(s);
        if (!why.isEmpty()) throw new IllegalArgumentException("the PyTorch peer does not implement " + String.join("; ", why));
        int[] layers = s.getIntList("network.layers");
        int delay = s.getInt("network.delay");
        Activation act = Activation.named(s.getString("units.activation"));
        // As Common.layeredNet builds it (the same stream: seed, INIT, 0).
        NetworkSpec net = LayeredNetworks.build(layers, delay, act, s.getDouble("time.dt"), s.getDouble("units.temperature"),
                RandomStreams.stream(seed, RandomStreams.Kind.INIT, 0));
        int train = s.getInt("training.train-size");
        int test = s.getInt("training.test-size");
        int epochs = s.getInt("training.epochs");
        int batch = s.getInt("training.batch");
        // As Classification.schedule makes it for a run without checkpoints (one simulation, the run's seed).
        PhaseSchedule schedule = new PhaseSchedule(batch, s.getInt("time.free-steps"), s.getInt("time.nudge-steps"),
                s.getDouble("learning.beta"), s.getBoolean("learning.random-sign"), seed, epochs, train, test, NudgeShape.CENTERED, 0);
        long[] order = new long[epochs * train];
        for (int e = 0; e < epochs; e++) {
            int[] p = schedule.trainOrder(e);
            for (int k = 0; k < train; k++) order[e * train + k] = p[k];
        }
        int perEpoch = schedule.trainEpisodesPerEpoch();
        double[] beta = new double[epochs * perEpoch];
        for (long e = 0, k = 0; e < schedule.episodes(); e++) if (schedule.isTraining(e)) beta[(int) k++] = schedule.beta(e);
        double[] pixelRho = new double[256];
        for (int k = 0; k < 256; k++) pixelRho[k] = act.rho(act.stateOf(k / 255.0)); // Idx: byte/255; RateEncoding; ClampedUnitActor
        double[] rates = s.getRealList("learning.rates");
        if (rates.length == 0) {
            rates = new double[layers.length - 1];
            java.util.Arrays.fill(rates, s.getDouble("learning.rate"));
        }
        DataSets.Files4 files = DataSets.files("fashion-mnist");
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("scenario", SCENARIO);
        json.put("seed", seed);
        json.put("layers", java.util.Arrays.stream(layers).boxed().toList());
        json.put("dt", s.getDouble("time.dt"));
        json.put("free_steps", s.getInt("time.free-steps"));
        json.put("nudge_steps", s.getInt("time.nudge-steps"));
        json.put("reset_hold", delay + s.getInt("network.jitter")); // ResetHold.steps
        json.put("beta", s.getDouble("learning.beta"));
        json.put("random_sign", s.getBoolean("learning.random-sign"));
        json.put("rates", java.util.Arrays.stream(rates).boxed().toList());
        json.put("rate_decay", s.getDouble("learning.rate-decay"));
        json.put("batch", batch);
        json.put("epochs", epochs);
        json.put("train_size", train);
        json.put("test_size", test);
        json.put("train_images", files.trainImages().toString());
        json.put("train_labels", files.trainLabels().toString());
        json.put("test_images", files.testImages().toString());
        json.put("test_labels", files.testLabels().toString());

        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        try (OutputStream out = Files.newOutputStream(file); Npz npz = new Npz(out)) {
            npz.add("weights", net.weights(), net.couplings().size()).add("biases", net.biases(), net.size()).add("layers", layers)
                    .add("order", order, epochs, train).add("beta", beta, beta.length).add("pixel_rho", pixelRho, 256)
                    .addText("settings.json", com.typesafe.config.ConfigValueFactory.fromMap(json)
                            .render(com.typesafe.config.ConfigRenderOptions.concise().setJson(true)));
        }
    }

    /** {@code --out FILE [--seed N] [--set KEY=VALUE]…}: writes the export of fashion-ep with those settings. */
    public static void main(String[] args) throws IOException {
        Path out = null;
        long seed = 1;
        Config user = ConfigFactory.empty();
        for (int k = 0; k < args.length; k++) {
            String a = args[k];
            if (k + 1 >= args.length) usage("missing value after " + a);
            switch (a) {
                case "--out" -> out = Path.of(args[++k]);
                case "--seed" -> seed = Long.parseLong(args[++k]);
                case "--set" -> {
                    String kv = args[++k];
                    int eq = kv.indexOf('=');
                    if (eq <= 0) usage("--set expects KEY=VALUE, got " + kv);
                    String value = kv.substring(eq + 1).trim();
                    Object v;
                    try {
                        v = ConfigFactory.parseString("v = " + value).getValue("v").unwrapped();
                    } catch (com.typesafe.config.ConfigException e) {
                        v = value;
                    }
                    user = user.withValue(kv.substring(0, eq).trim(), ConfigValueFactory.fromAnyRef(v));
                }
                default -> usage("unknown option " + a);
            }
        }
        if (out == null) usage("--out FILE is required");
        Settings s = settings(user.root().unwrapped());
        write(out, s, seed);
        System.out.printf(Locale.ROOT, "wrote %s (%s, seed %d, %d + %d images, %d epoch(s))%n", out, SCENARIO, seed,
                s.getInt("training.train-size"), s.getInt("training.test-size"), s.getInt("training.epochs"));
    }

    private static void usage(String why) {
        System.err.println("PeerExport: " + why + "\nusage: PeerExport --out FILE.npz [--seed N] [--set KEY=VALUE]…  (fashion-ep's settings)");
        System.exit(2);
    }

}
