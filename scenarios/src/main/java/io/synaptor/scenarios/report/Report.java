package io.synaptor.scenarios.report;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.style.XYStyler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a scenario hands back to be written (DESIGN.md, "What a run leaves behind"): named
 * metrics for summary.json, a table for metrics.csv, named charts for PNG files, the few
 * lines worth printing at the end, and warnings for stderr.
 */
public final class Report {
    private final Map<String, Object> metrics = new LinkedHashMap<>();
    private final List<String> columns;
    private final List<Object[]> rows = new ArrayList<>();
    private final Map<String, Content> plots = new LinkedHashMap<>(); // PNG images, drawn when the run is written
    private final List<String> lines = new ArrayList<>();
    private final Map<String, Content> files = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();

    /** A data file's content, written when the run's directory is (network export, monitor file). */
    @FunctionalInterface
    public interface Content {
        void writeTo(java.io.OutputStream out) throws java.io.IOException;
    }

    public Report(List<String> columns) {
        this.columns = List.copyOf(columns);
    }

    public Report metric(String key, Object value) {
        metrics.put(key, value);
        return this;
    }

    public Report row(Object... values) {
        if (values.length != columns.size()) throw new IllegalArgumentException("row width " + values.length + " ≠ " + columns.size());
        rows.add(values);
        return this;
    }

    /** A line or scatter plot, written as a PNG image. */
    public Report plot(String fileName, XYChart chart) {
        readableTicks(chart);
        plots.put(fileName, out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
        return this;
    }

    /** A heat map, written as a PNG image. */
    public Report plot(String fileName, HeatMapChart chart) {
        plots.put(fileName, out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
        return this;
    }

    /** A bar chart, written as a PNG image. */
    public Report plot(String fileName, CategoryChart chart) {
        plots.put(fileName, out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
        return this;
    }

    public Report file(String fileName, Content content) {
        files.put(fileName, content);
        return this;
    }

    public Map<String, Content> files() {
        return files;
    }

    /** Linear-axis tick labels with a leading zero and thousands separators ("0.05", "2,800"), not XChart's ".05". */
    static final String TICKS = "#,##0.#####";

    /** Gives every linear axis without a pattern of its own the {@link #TICKS} pattern (log axes keep theirs). */
    static void readableTicks(XYChart chart) {
        XYStyler st = chart.getStyler();
        if (st.getXAxisDecimalPattern() == null && !st.isXAxisLogarithmic()) st.setXAxisDecimalPattern(TICKS);
        if (st.getYAxisDecimalPattern() == null && !st.isYAxisLogarithmic()) st.setYAxisDecimalPattern(TICKS);
    }

    public Report line(String text) {
        lines.add(text);
        return this;
    }

    /** A one-line warning for stderr (the result stands, but something in it is doubtful). */
    public Report warning(String text) {
        warnings.add(text);
        return this;
    }

    public List<String> warnings() {
        return warnings;
    }

    public Map<String, Object> metrics() {
        return metrics;
    }

    public List<String> columns() {
        return columns;
    }

    public List<Object[]> rows() {
        return rows;
    }

    /** The plots by file name, each as the PNG it writes. */
    public Map<String, Content> plots() {
        return plots;
    }

    public List<String> lines() {
        return lines;
    }
}
