package io.synaptor.scenarios.report;

import io.synaptor.actors.ProtocolRun;
import io.synaptor.network.OscillatorNetwork;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A driven-oscillator scenario's learned protocol (gmm-sampler, mnist01-oscillators) as files a
 * notebook reads: {@code <name>.json} — oscillators, couplings, knots, protocol duration, t_min,
 * dt, temperature — and {@code <name>.npz} — {@code knots} (O, 3, K) float64, each oscillator's
 * knots of a(t), b(t), c(t); {@code coupling_knots} (J, K) float64, each coupling's knots of J(t);
 * and {@code pairs} (J, 2) int64, the coupling graph.
 */
public final class ProtocolExport {
    private ProtocolExport() {
    }

    public static void attach(Report report, String name, String scenario, OscillatorNetwork.Spec spec, ProtocolRun.Outcome out, String rule) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", "synaptor protocol export 1 (docs/export.md)");
        m.put("scenario", scenario);
        m.put("rule", rule);
        m.put("oscillators", spec.size());
        m.put("couplings", spec.couplings().size());
        m.put("knots", spec.knots());
        m.put("duration", spec.schedule().tMax());
        m.put("t_min", spec.schedule().tMin());
        m.put("dt", spec.dt());
        m.put("temperature", spec.schedule().temperature());
        m.put("protocol", "p(t) piecewise linear in protocol time over knots evenly spaced on [0, duration]; knots[i, 0..2, :] are a, b, c "
                + "of oscillator i, coupling_knots[c, :] J of coupling c between oscillators pairs[c, 0] and pairs[c, 1]");
        String json = RunWriter.json(m) + "\n";
        report.file(name + ".json", o -> o.write(json.getBytes(StandardCharsets.UTF_8)));
        report.file(name + ".npz", o -> {
            double[][][] k = out.knots();
            int params = k[0].length;
            int knots = k[0][0].length;
            double[] flat = new double[k.length * params * knots];
            for (int i = 0; i < k.length; i++) for (int p = 0; p < params; p++) System.arraycopy(k[i][p], 0, flat, (i * params + p) * knots, knots);
            long[] pairs = new long[2 * spec.couplings().size()];
            for (int c = 0; c < spec.couplings().size(); c++) {
                pairs[2 * c] = spec.couplings().get(c)[0];
                pairs[2 * c + 1] = spec.couplings().get(c)[1];
            }
            double[][] j = out.couplingKnots();
            double[] jFlat = new double[j.length * knots];
            for (int c = 0; c < j.length; c++) System.arraycopy(j[c], 0, jFlat, c * knots, knots);
            try (Npz npz = new Npz(o)) {
                npz.add("knots", flat, k.length, params, knots).add("coupling_knots", jFlat, j.length, knots)
                        .add("pairs", pairs, spec.couplings().size(), 2);
            }
        });
    }
}
