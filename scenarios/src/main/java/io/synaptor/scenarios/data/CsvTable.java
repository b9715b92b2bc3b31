package io.synaptor.scenarios.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A table of numbers from a CSV file: a header line of column names, then one row of numbers per
 * line, separated by commas (no quoted commas); blank lines and lines starting with # are skipped.
 */
public record CsvTable(List<String> columns, double[][] rows) {

    /** @throws IllegalArgumentException for a file without a header or a row, a short row or a cell that is not a number */
    public static CsvTable read(Path file) throws IOException {
        List<String> header = null;
        List<double[]> rows = new ArrayList<>();
        int line = 0;
        for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            line++;
            String text = raw.strip();
            if (text.isEmpty() || text.startsWith("#")) continue;
            String[] cells = text.split(",", -1);
            if (header == null) {
                header = Arrays.stream(cells).map(c -> c.strip().replace("\"", "")).toList();
                continue;
            }
            if (cells.length != header.size()) {
                throw new IllegalArgumentException("line " + line + " has " + cells.length + " cells, the header " + header.size());
            }
            double[] row = new double[cells.length];
            for (int c = 0; c < cells.length; c++) {
                try {
                    row[c] = Double.parseDouble(cells[c].strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("line " + line + ", column " + header.get(c) + ": '" + cells[c].strip() + "' is not a number");
                }
                if (!Double.isFinite(row[c])) {
                    throw new IllegalArgumentException("line " + line + ", column " + header.get(c) + ": " + cells[c].strip() + " is not finite");
                }
            }
            rows.add(row);
        }
        if (header == null || rows.isEmpty()) throw new IllegalArgumentException("it needs a header line and at least one row of numbers");
        return new CsvTable(header, rows.toArray(double[][]::new));
    }

    /** The index of the column called {@code name}, or −1. */
    public int column(String name) {
        return columns.indexOf(name);
    }

    /** The chosen columns of rows {@code from} … {@code to} − 1, one array per row. */
    public double[][] select(int[] chosen, int from, int to) {
        double[][] out = new double[to - from][chosen.length];
        for (int r = from; r < to; r++) for (int c = 0; c < chosen.length; c++) out[r - from][c] = rows[r][chosen[c]];
        return out;
    }
}
