package io.synaptor.scenarios.report;


import io.synaptor.network.Coupling;
import io.synaptor.network.NetworkSpec;
import io.synaptor.network.Role;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scenario's network as files a notebook reads (docs/export.md): {@code network.json} — the spec
 * (units, layers, roles, activation and its formula, dt, temperature, the energy and the dynamics
 * in words) and what the scenario adds (gradient-check's example and target, β, phase lengths) —
 * and {@code network.npz} — {@code weights} (C,), {@code biases} (N,) float64, {@code pairs} (C, 2)
 * int64 (coupling k joins units pairs[k, 0] and pairs[k, 1]), {@code delays} (C,), {@code layer}
 * (N,), {@code role} (N,: 0 input, 1 hidden, 2 output) int64.
 */
public final class NetworkExport {
    private NetworkExport() {
    }

    /** Adds network.json and network.npz to the report. */
    public static void attach(Report report, String scenario, NetworkSpec net, Map<String, Object> extra) {
        attach(report, "network", scenario, net, extra);
    }

    /** Adds {@code name}.json and {@code name}.npz (a scenario with several networks names each). */
    public static void attach(Report report, String name, String scenario, NetworkSpec net, Map<String, Object> extra) {
        Map<String, Object> spec = spec(scenario, net);
        spec.putAll(extra);
        String json = RunWriter.json(spec) + "\n";
        report.file(name + ".json", out -> out.write(json.getBytes(StandardCharsets.UTF_8)));
        report.file(name + ".npz", out -> {
            int c = net.couplings().size();
            long[] pairs = new long[2 * c];
            long[] delays = new long[c];
            for (int k = 0; k < c; k++) {
                Coupling cp = net.couplings().get(k);
                pairs[2 * k] = cp.i();
                pairs[2 * k + 1] = cp.j();
                delays[k] = cp.delay();
            }
            try (Npz npz = new Npz(out)) {
                npz.add("weights", net.weights(), c).add("biases", net.biases().clone(), net.size())
                        .add("pairs", pairs, c, 2).add("delays", delays, c).add("layer", net.layerOf())
                        .add("role", Arrays.stream(net.roles()).mapToInt(Role::ordinal).toArray());
            }
        });
    }

    public static Map<String, Object> spec(String scenario, NetworkSpec net) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", "synaptor network export 1 (docs/export.md)");
        m.put("scenario", scenario);
        m.put("units", net.size());
        m.put("couplings", net.couplings().size());
        int layers = Arrays.stream(net.layerOf()).max().orElse(-1) + 1;
        List<Integer> sizes = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            final int layer = l;
            sizes.add((int) Arrays.stream(net.layerOf()).filter(x -> x == layer).count());
        }
        m.put("layers", sizes);
        m.put("inputs", boxed(net.inputs()));
        m.put("outputs", boxed(net.outputs()));
        m.put("activation", net.activation().name());
        m.put("coupling", net.couplingModel().name());
        String clip = net.activation().name().equals("hard-sigmoid") ? "; free states are clipped to [0, 1] after every step" : "";
        m.put("rho", switch (net.couplingModel().name()) { // what each unit presents to its couplings (CouplingModel.ends)
            case "bilinear" -> "rho(s) = s (bilinear couplings: every unit presents its state)" + clip;
            case "pairwise" -> switch (net.activation().name()) {
                case "sigmoid" -> "rho(s) = 1 / (1 + exp(-(4 s - 2)))";
                case "hard-sigmoid" -> "rho(s) = min(max(s, 0), 1)" + clip;
                case "tanh" -> "rho(s) = tanh(s)";
                default -> net.activation().name();
            };
            default -> net.presented().name();
        });
        m.put("dt", net.dt());
        m.put("temperature", net.temperature());
        m.put("energy", "E(s) = sum_i s_i^2 / 2 - sum_k weights[k] rho(s[pairs[k,0]]) rho(s[pairs[k,1]]) - sum_i biases[i] rho(s_i)");
        m.put("dynamics", "inputs clamped to the example; every free unit i: s_i <- s_i - dt (s_i - rho'(s_i) h_i) + sqrt(2 T dt) xi, "
                + "h_i = sum_j W_ij rho(s_j) + biases[i] (W symmetric); output o in a nudged phase adds -dt beta (s_o - y_o)");
        m.put("loss", "C = sum_o (s_o - y_o)^2 / 2 over the outputs");
        return m;
    }

    public static List<Integer> boxed(int[] a) {
        return Arrays.stream(a).boxed().toList();
    }

    public static List<Double> boxed(double[] a) {
        return Arrays.stream(a).boxed().toList();
    }
}
