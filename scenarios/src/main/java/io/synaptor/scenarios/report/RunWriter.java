package io.synaptor.scenarios.report;

import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes a run's output directory. summary.json is written last and atomically (temp file, then
 * rename), so a directory with a summary.json is always a finished run and a failed run never
 * leaves one.
 */
public final class RunWriter {
    private RunWriter() {
    }

    public static void write(Path dir, Map<String, Object> summary, Report report, String configText) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("config.conf"), configText);
            Files.writeString(dir.resolve("metrics.csv"), csv(report.columns(), report.rows()));
            Map<String, Report.Content> files = new java.util.LinkedHashMap<>(report.plots()); // PNG plots,
            files.putAll(report.files());                                                     // network export, monitor.npz
            for (Map.Entry<String, Report.Content> f : files.entrySet()) {
                try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(dir.resolve(f.getKey())))) {
                    f.getValue().writeTo(out);
                }
            }
            Path tmp = dir.resolve("summary.json.tmp");
            Files.writeString(tmp, json(summary) + "\n");
            Files.move(tmp, dir.resolve("summary.json"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the run's results to " + dir + ": " + e.getMessage(), e);
        }
    }

    /** One flat JSON object, rendered by Typesafe Config; non-finite numbers become null (JSON has no NaN). */
    static String json(Map<String, Object> flat) {
        Map<String, Object> clean = new LinkedHashMap<>();
        flat.forEach((k, v) -> clean.put(k, v instanceof Double d && !Double.isFinite(d) ? null : v));
        return ConfigValueFactory.fromMap(clean).render(ConfigRenderOptions.concise().setJson(true).setFormatted(true));
    }

    static String csv(List<String> columns, List<Object[]> rows) {
        StringBuilder sb = new StringBuilder(String.join(",", columns)).append('\n');
        for (Object[] r : rows) {
            sb.append(java.util.Arrays.stream(r).map(RunWriter::cell).collect(Collectors.joining(","))).append('\n');
        }
        return sb.toString();
    }

    private static String cell(Object v) {
        if (v == null) return "";
        if (v instanceof Double d) return Double.isFinite(d) ? Double.toString(d) : "";
        String s = v.toString();
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
