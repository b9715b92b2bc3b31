package io.synaptor.tests;

import com.typesafe.config.Config;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Acceptance (issue 17): the README's "What has been measured" table is reproduced by its own
 * commands. The cheap rows (seconds each) are run here, in-process, exactly as their command cell
 * reads, and every figure of their result cell is compared with what the run reports at the
 * precision the README prints it (2.36e-3 is checked to three significant digits, 0.999998 to six
 * decimals, 393,828 exactly). The expected numbers are read from README.md itself, so whoever
 * changes a default updates the row and this test follows; a row that no longer matches its
 * command fails here. Figures at round-off (below 1e-10) are checked to their decade only, since
 * their last digits are the arithmetic's.
 *
 * <p>Rows costing more than a few seconds (noisy-nudge, delay-sweep, the image scenarios, benchmarks
 * of wall time) are left out; {@code -Dsynaptor.readme.all=true} adds noisy-nudge and two-moons with holomorphic EP.
 */
class ReadmeTableTest {

    record Row(String check, String command, String result) {
    }

    /** What a row's figures are compared with: the summary of a run or the printed text of a benchmark. */
    private record Outcome(Config summary, String printed) {
        double metric(String key) {
            return summary.getDouble("\"" + key + "\"");
        }
    }

    private static final String NUMBER = "(-?[0-9][0-9,]*(?:\\.[0-9]+)?(?:e[-+]?[0-9]+)?)";

    @TestFactory
    Stream<DynamicTest> cheapRowsReproduce(@TempDir Path tmp) throws IOException {
        List<Row> rows = table(readme());
        List<DynamicTest> tests = new ArrayList<>();
        List<Double> errors = new ArrayList<>(); // gradient-check rows' first rel. error, in order, for the ratios
        int[] k = {0};
        boolean all = Boolean.getBoolean("synaptor.readme.all");
        List<String> covered = new ArrayList<>();
        for (Row row : rows) {
            String command = row.command();
            Path out = tmp.resolve("row" + (k[0]++));
            if (command.startsWith("./synaptor run gradient-check")) {
                covered.add(row.check());
                tests.add(DynamicTest.dynamicTest(row.check(), () -> gradientCheck(row, out, errors)));
            } else if (command.equals("./synaptor run gradient-bias")) {
                covered.add(row.check());
                tests.add(DynamicTest.dynamicTest(row.check(), () -> gradientBias(row, out)));
            } else if (command.equals("./synaptor bench send-on-delta")) {
                covered.add(row.check());
                tests.add(DynamicTest.dynamicTest(row.check(), () -> sendOnDelta(row)));
            } else if (command.startsWith("./synaptor run xor")
                    || (command.startsWith("./synaptor run two-moons --seed") && (all || !command.contains("holomorphic")))
                    || (all && command.equals("./synaptor run noisy-nudge"))) {
                covered.add(row.check());
                tests.add(DynamicTest.dynamicTest(row.check(), () -> classification(row, out)));
            }
        }
        System.out.println("README table: checking " + covered.size() + " of " + rows.size() + " rows: " + covered);
        // The check must not go quiet when the table is reworded: each kind of cheap row must be found.
        for (String needed : List.of("./synaptor run gradient-check", "./synaptor run gradient-bias", "./synaptor bench send-on-delta",
                "./synaptor run xor", "./synaptor run two-moons --seed")) {
            assertTrue(rows.stream().anyMatch(r -> r.command().startsWith(needed)), "no README row runs " + needed);
        }
        return tests.stream();
    }

    // ---- the rows ------------------------------------------------------------------------------

    /** rel. error X [→ Y], cosine Z, (ratio R): one-sided against the previous row, or X over Y. */
    private static void gradientCheck(Row row, Path out, List<Double> errors) {
        Double above = errors.isEmpty() ? null : errors.get(errors.size() - 1); // the gradient-check row above, if it ran
        Outcome first = run(row.command(), out);
        double beta = first.metric("beta");
        double err = first.metric("gradient_rel_error");
        errors.add(err);
        Matcher m = Pattern.compile("rel\\. error " + NUMBER + "(?: → " + NUMBER + ")?").matcher(row.result());
        assertTrue(m.find(), "no 'rel. error' in " + row.result());
        same(row, "rel. error at β = " + beta, m.group(1), err);
        double[] second = {Double.NaN};
        if (m.group(2) != null) { // "β = 0.05 and 0.025": the second β of the check cell, same command otherwise
            Matcher b = Pattern.compile("and " + NUMBER).matcher(row.check());
            assertTrue(b.find(), "a second figure but no second β in: " + row.check());
            Outcome again = run(row.command().replace("learning.beta=" + plain(beta), "learning.beta=" + b.group(1)),
                    out.resolveSibling(out.getFileName() + "-b"));
            assertEquals(Double.parseDouble(b.group(1)), again.metric("beta"), 0.0);
            second[0] = again.metric("gradient_rel_error");
            same(row, "rel. error at β = " + b.group(1), m.group(2), second[0]);
        }
        optional(row, "cosine " + NUMBER, c -> same(row, "cosine", c, first.metric("gradient_cosine")));
        optional(row, "ratio " + NUMBER, r -> {
            if (!Double.isNaN(second[0])) {
                same(row, "ratio of the two errors", r, err / second[0]);
            } else {
                assertNotNull(above, "a ratio needs the gradient-check row above");
                same(row, "ratio to the row above", r, above / err);
            }
        });
    }

    /** one-sided S1, centered S2, holomorphic N = 2 S3; N = 8 rel. error E at β = B. */
    private static void gradientBias(Row row, Path out) {
        Outcome o = run(row.command(), out);
        figure(row, "one-sided " + NUMBER, o.metric("slope_one_sided"));
        figure(row, "centered " + NUMBER, o.metric("slope_centered"));
        figure(row, "N = 2 " + NUMBER, o.metric("slope_holo_n2"));
        Matcher m = Pattern.compile("N = 8 rel\\. error " + NUMBER + " at β = " + NUMBER).matcher(row.result());
        assertTrue(m.find(), row.result());
        List<Double> betas = o.summary().getDoubleList("betas");
        same(row, "largest β", m.group(2), betas.get(betas.size() - 1));
        same(row, "N = 8 rel. error at the largest β", m.group(1), o.metric("holo_rel_error_n8"));
    }

    /** state messages A → B (R× fewer), all messages ≈ C million → ≈ D million, free state within E of the reference. */
    private static void sendOnDelta(Row row) {
        Cli.Result r = Cli.run(null, "bench", "send-on-delta");
        assertEquals(0, r.exit(), r.err());
        Matcher always = Pattern.compile("always-send\\s+" + NUMBER + " state messages,\\s+" + NUMBER + " messages in all; free state within "
                + NUMBER).matcher(r.out());
        Matcher delta = Pattern.compile("send-on-delta\\s+" + NUMBER + " state messages,\\s+" + NUMBER + " messages in all; free state within "
                + NUMBER).matcher(r.out());
        assertTrue(always.find() && delta.find(), r.out());
        Matcher m = Pattern.compile("state messages " + NUMBER + " → " + NUMBER + " \\(" + NUMBER + "× fewer\\)").matcher(row.result());
        assertTrue(m.find(), row.result());
        same(row, "state messages, always-send", m.group(1), number(always.group(1)));
        same(row, "state messages, send-on-delta", m.group(2), number(delta.group(1)));
        same(row, "ratio of state messages", m.group(3), number(always.group(1)) / number(delta.group(1)));
        // the synapses' drive clocks vary by a few hundred from run to run, so the totals are given in millions
        Matcher t = Pattern.compile("all messages ≈ " + NUMBER + " million → ≈ " + NUMBER + " million").matcher(row.result());
        assertTrue(t.find(), row.result());
        same(row, "all messages, always-send, in millions", t.group(1), number(always.group(2)) / 1e6);
        same(row, "all messages, send-on-delta, in millions", t.group(2), number(delta.group(2)) / 1e6);
        figure(row, "free state within " + NUMBER + " of the reference", number(delta.group(3)));
    }

    /** test accuracy A [/ B / C for noisy-nudge's three], (N M messages). */
    private static void classification(Row row, Path out) {
        Outcome o = run(row.command(), out);
        if (row.command().contains("noisy-nudge")) {
            Matcher m = Pattern.compile("test accuracy " + NUMBER + " / " + NUMBER + " / " + NUMBER).matcher(row.result());
            assertTrue(m.find(), row.result());
            same(row, "EP, small β", m.group(1), o.metric("acc_ep_small_beta"));
            same(row, "EP, large β", m.group(2), o.metric("acc_ep_large_beta"));
            same(row, "holomorphic EP", m.group(3), o.metric("acc_holomorphic"));
            return;
        }
        figure(row, "test accuracy " + NUMBER, o.metric("test_accuracy"));
        optional(row, "\\(" + NUMBER + " M messages", m -> same(row, "messages (millions)", m, o.metric("messages") / 1e6));
    }

    // ---- running a command cell ----------------------------------------------------------------

    /** Runs {@code ./synaptor run …} as the README writes it, into {@code out}. */
    private static Outcome run(String command, Path out) {
        String[] args = args(command);
        long t0 = System.nanoTime();
        Cli.Result r = Cli.run(out, args);
        System.out.printf("README row: %s in %.1f s%n", command, (System.nanoTime() - t0) / 1e9);
        assertEquals(0, r.exit(), command + ": " + r.err());
        return new Outcome(r.summary(), r.out());
    }

    static String[] args(String command) {
        String rest = command.strip();
        if (!rest.startsWith("./synaptor ")) fail("not a synaptor command: " + command);
        return Arrays.stream(rest.substring("./synaptor ".length()).split("\\s+")).toArray(String[]::new);
    }

    // ---- comparing at the README's precision --------------------------------------------------

    private static void figure(Row row, String regex, double actual) {
        Matcher m = Pattern.compile(regex).matcher(row.result());
        String label = regex.replace(NUMBER, "N").replace("\\", "");
        assertTrue(m.find(), "'" + label + "' not in the README's result: " + row.result());
        same(row, label, m.group(1), actual);
    }

    private static void optional(Row row, String regex, java.util.function.Consumer<String> check) {
        Matcher m = Pattern.compile(regex).matcher(row.result());
        if (m.find()) check.accept(m.group(1));
    }

    /** Whether {@code actual}, printed at the precision of {@code expected}, reads {@code expected}. */
    static boolean reads(String expected, double actual) {
        BigDecimal want = new BigDecimal(expected.replace(",", ""));
        if (Math.abs(want.doubleValue()) < 1e-10) { // round-off: the decade only
            return Math.abs(actual) < 1e-10 && Math.floor(Math.log10(Math.abs(actual))) == Math.floor(Math.log10(Math.abs(want.doubleValue())));
        }
        BigDecimal got = new BigDecimal(actual);
        if (expected.contains("e")) {
            return got.round(new MathContext(want.precision(), RoundingMode.HALF_UP)).compareTo(want) == 0;
        }
        return got.setScale(Math.max(0, want.scale()), RoundingMode.HALF_UP).compareTo(want) == 0;
    }

    private static void same(Row row, String what, String expected, double actual) {
        assertTrue(reads(expected, actual), "README row '" + row.check() + "': " + what + " reads " + expected
                + " in the README, the run gives " + actual);
    }

    private static double number(String s) {
        return Double.parseDouble(s.replace(",", ""));
    }

    private static String plain(double v) {
        return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }

    // ---- reading the table ---------------------------------------------------------------------

    static Path readme() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path p = d.resolve("README.md");
            if (Files.isRegularFile(p) && Files.isDirectory(d.resolve("tests"))) return p;
        }
        throw new IllegalStateException("README.md not found above " + Path.of("").toAbsolutePath());
    }

    /** The rows of "## What has been measured": check, command (inside backticks, "…" expanded), result. */
    static List<Row> table(Path readme) throws IOException {
        List<String> lines = Files.readAllLines(readme);
        int start = lines.indexOf("## What has been measured");
        assertTrue(start >= 0, "README has no '## What has been measured'");
        List<Row> rows = new ArrayList<>();
        String base = null;
        for (int i = start + 1; i < lines.size() && !lines.get(i).startsWith("## "); i++) {
            String line = lines.get(i).strip();
            if (!line.startsWith("|") || line.startsWith("|---") || line.startsWith("| check")) continue;
            String[] cells = line.replace("\\|", "\u0000").split("\\|");
            if (cells.length < 4) continue;
            String check = cells[1].strip().replace('\u0000', '|');
            String cmdCell = cells[2].strip().replace('\u0000', '|');
            String result = cells[3].strip().replace('\u0000', '|');
            int a = cmdCell.indexOf('`');
            int b = cmdCell.lastIndexOf('`');
            String command = a >= 0 && b > a ? cmdCell.substring(a + 1, b).strip() : cmdCell;
            if (command.startsWith("…") && base != null) command = base + command.substring(1);
            if (command.startsWith("./synaptor run ")) {
                int opt = command.indexOf(" --");
                base = opt > 0 ? command.substring(0, opt) : command;
            }
            rows.add(new Row(check, command, result));
        }
        return rows;
    }
}
