package io.synaptor.scenarios.cli;

import io.synaptor.scenarios.BadInput;
import io.synaptor.scenarios.RunFailed;
import io.synaptor.proto.TraceEvent;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.knowm.xchart.XYSeries;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * Reads a run's message trace (trace.pb, length-delimited TraceEvent records) and says what went
 * over the wire: messages per kind and per link class, the latency histogram (virtual steps from
 * send to use), how far each actor lagged behind the front of virtual time, and a timeline PNG —
 * virtual time reached against wall-clock time, per class of actor.
 */
@Command(name = "trace", description = "Summarise a message trace (trace.pb) and draw its timeline.")
final class TraceCommand implements Callable<Integer> {
    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    boolean help;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "a trace.pb written by a run with --set trace.enabled=true")
    Path file;

    private record Event(long send, long receive, int from, int to, String kind, int size, long wall) {
    }

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file)) throw new BadInput("trace file " + file + " does not exist");
        List<Event> events = read(file);
        if (events.isEmpty()) throw new BadInput("trace file " + file + " holds no messages");
        PrintWriter out = spec.commandLine().getOut();

        // Who is who, from the messages themselves: inputs receive clamps, outputs receive targets.
        Set<Integer> inputs = new HashSet<>();
        Set<Integer> outputs = new HashSet<>();
        Set<Integer> units = new HashSet<>();
        for (Event e : events) {
            if (e.kind().equals("clamp")) inputs.add(e.to());
            if (e.kind().equals("target")) outputs.add(e.to());
            if (e.kind().startsWith("drive")) units.add(e.to());
        }
        Map<String, Long> byKind = new TreeMap<>();
        Map<String, Long> byClass = new TreeMap<>();
        Map<Long, Long> latency = new TreeMap<>();
        long doubles = 0;
        for (Event e : events) {
            byKind.merge(e.kind(), 1L, Long::sum);
            byClass.merge(role(e.from(), inputs, outputs, units) + " → " + role(e.to(), inputs, outputs, units), 1L, Long::sum);
            if (e.kind().equals("drive")) latency.merge(Math.min(e.receive() - e.send(), 50), 1L, Long::sum);
            doubles += e.size();
        }
        out.printf("%s: %,d messages, %,d payload doubles%n", file, events.size(), doubles);
        out.println("by kind:");
        byKind.forEach((k, v) -> out.printf("  %-12s %,12d%n", k, v));
        out.println("by link class:");
        byClass.forEach((k, v) -> out.printf("  %-26s %,12d%n", k, v));
        out.println("drive latency (virtual steps from send to use; 50 = 50 or more):");
        long most = latency.values().stream().mapToLong(Long::longValue).max().orElse(1);
        latency.forEach((k, v) -> out.printf("  %3d %,12d %s%n", k, v, "#".repeat((int) Math.max(1, 40 * v / most))));
        lag(events, inputs, outputs, units, out);
        Path png = timeline(events, inputs, outputs, units);
        out.println("timeline: " + png);
        return 0;
    }

    /** Per-actor lag: at each message, how far the sender's clock is behind the furthest clock yet seen. */
    private static void lag(List<Event> events, Set<Integer> inputs, Set<Integer> outputs, Set<Integer> units, PrintWriter out) {
        List<Event> byWall = new ArrayList<>(events);
        byWall.sort(Comparator.comparingLong(Event::wall));
        long front = Long.MIN_VALUE;
        Map<Integer, long[]> lag = new HashMap<>(); // actor → {sum, count, max}
        for (Event e : byWall) {
            front = Math.max(front, e.send());
            long[] a = lag.computeIfAbsent(e.from(), k -> new long[3]);
            long l = front - e.send();
            a[0] += l;
            a[1]++;
            a[2] = Math.max(a[2], l);
        }
        Map<String, double[]> perClass = new TreeMap<>();
        for (var en : lag.entrySet()) {
            double[] c = perClass.computeIfAbsent(role(en.getKey(), inputs, outputs, units), k -> new double[3]);
            c[0] += en.getValue()[0];
            c[1] += en.getValue()[1];
            c[2] = Math.max(c[2], en.getValue()[2]);
        }
        out.println("lag behind the front of virtual time (steps; mean and worst over each class's messages):");
        perClass.forEach((k, c) -> out.printf("  %-14s mean %8.1f   worst %,8d%n", k, c[0] / c[1], (long) c[2]));
        out.println("most lagging actors (mean lag):");
        lag.entrySet().stream().sorted((x, y) -> Double.compare(y.getValue()[0] / (double) y.getValue()[1],
                        x.getValue()[0] / (double) x.getValue()[1])).limit(5)
                .forEach(en -> out.printf("  actor %-6d (%s) mean %.1f, worst %d%n", en.getKey(),
                        role(en.getKey(), inputs, outputs, units), en.getValue()[0] / (double) en.getValue()[1], en.getValue()[2]));
    }

    private Path timeline(List<Event> events, Set<Integer> inputs, Set<Integer> outputs, Set<Integer> units) {
        long t0 = events.stream().mapToLong(Event::wall).min().orElse(0);
        Map<String, List<double[]>> series = new TreeMap<>();
        int stride = Math.max(1, events.size() / 8_000);
        for (int k = 0; k < events.size(); k += stride) {
            Event e = events.get(k);
            series.computeIfAbsent(role(e.from(), inputs, outputs, units), r -> new ArrayList<>())
                    .add(new double[]{(e.wall() - t0) / 1e9, e.send()});
        }
        XYChart chart = new XYChartBuilder().width(800).height(500).title("Virtual time reached against wall-clock time")
                .xAxisTitle("wall-clock seconds").yAxisTitle("virtual time of the message sent (steps)").build();
        // XChart draws the legend's marker at the plot's marker size: 2 px made one-pixel legend entries.
        // Markers of 6 px, a distinct shape per role, and fewer points (every k-th event) to keep the plot readable.
        chart.getStyler().setYAxisDecimalPattern("#,##0").setXAxisDecimalPattern("0.0#");
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter).setMarkerSize(6);
        Marker[] shapes = {SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE, SeriesMarkers.DIAMOND, SeriesMarkers.TRIANGLE_UP,
                SeriesMarkers.CROSS, SeriesMarkers.TRIANGLE_DOWN};
        int[] k = {0};
        series.forEach((name, pts) -> chart.addSeries(name, pts.stream().mapToDouble(p -> p[0]).toArray(),
                pts.stream().mapToDouble(p -> p[1]).toArray()).setMarker(shapes[k[0]++ % shapes.length]));
        String base = file.getFileName().toString().replaceFirst("\\.pb$", "");
        Path png = file.toAbsolutePath().resolveSibling(base + "-timeline.png");
        try {
            BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new RunFailed("could not write " + png + ": " + e.getMessage(), e);
        }
        return png;
    }

    private static String role(int actor, Set<Integer> inputs, Set<Integer> outputs, Set<Integer> units) {
        if (actor == -1) return "input source";
        if (actor == -2) return "teacher";
        if (inputs.contains(actor)) return "input unit";
        if (outputs.contains(actor)) return "output unit";
        if (units.contains(actor)) return "hidden unit";
        return "synapse";
    }

    private static List<Event> read(Path file) {
        List<Event> events = new ArrayList<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            TraceEvent e;
            while ((e = TraceEvent.parseDelimitedFrom(in)) != null) {
                events.add(new Event(e.getSendTime(), e.getReceiveTime(), e.getFrom(), e.getTo(), e.getKind(), e.getSize(), e.getWallNanos()));
            }
        } catch (IOException e) {
            throw new BadInput("could not read trace file " + file + ": " + e.getMessage());
        }
        return events;
    }
}
