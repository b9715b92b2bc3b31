package io.synaptor.scenarios;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;

import java.util.ArrayList;
import java.util.List;

/**
 * One documented setting: a HOCON path, its default, what it means, and what values it accepts.
 * Reading a setting checks its type and range and turns any violation into one clear sentence.
 */
public record Setting(String path, Object defaultValue, String doc, Kind kind, double min, double max, List<String> choices) {

    /** INT_LIST: at least two whole numbers (layer sizes, budgets); INT_VALUES: at least one (empty if the default is). */
    public enum Kind { INT, DOUBLE, BOOLEAN, CHOICE, INT_LIST, INT_VALUES, REAL_LIST, SELECTION, RAW }

    /** A set of indices: none, all, or the listed ones (whole numbers and "a-b" ranges, both ends included). */
    public record Selection(boolean all, int[] indices) {
        /** The chosen indices below {@code n}, ascending. */
        public int[] within(int n) {
            return all ? java.util.stream.IntStream.range(0, n).toArray() : java.util.Arrays.stream(indices).filter(k -> k < n).toArray();
        }

        public boolean none() {
            return !all && indices.length == 0;
        }
    }

    /** A selection of indices in [0, max]: {@code none}, {@code all}, or a list such as [0, 3, "5-9"]. */
    public static Setting selection(String path, Object def, int max, String doc) {
        return new Setting(path, def, doc, Kind.SELECTION, 0, max, List.of());
    }

    public static Setting integer(String path, int def, int min, int max, String doc) {
        return new Setting(path, def, doc, Kind.INT, min, max, List.of());
    }

    public static Setting real(String path, double def, double min, double max, String doc) {
        return new Setting(path, def, doc, Kind.DOUBLE, min, max, List.of());
    }

    public static Setting flag(String path, boolean def, String doc) {
        return new Setting(path, def, doc, Kind.BOOLEAN, 0, 0, List.of());
    }

    public static Setting choice(String path, String def, List<String> choices, String doc) {
        return new Setting(path, def, doc, Kind.CHOICE, 0, 0, List.copyOf(choices));
    }

    public static Setting intList(String path, List<Integer> def, int min, int max, String doc) {
        return new Setting(path, def, doc, Kind.INT_LIST, min, max, List.of());
    }

    /** Whole numbers, one or more (none if the default is empty: the value is then derived). */
    public static Setting intValues(String path, List<Integer> def, int min, int max, String doc) {
        return new Setting(path, def, doc, Kind.INT_VALUES, min, max, List.of());
    }

    public static Setting realList(String path, List<Double> def, double min, double max, String doc) {
        return new Setting(path, def, doc, Kind.REAL_LIST, min, max, List.of());
    }

    /**
     * Any HOCON value — text, a list, an object — that the scenario reads and checks itself (the
     * network scenario's populations and projections); keys below an object's path belong to it.
     */
    public static Setting raw(String path, Object def, String doc) {
        return new Setting(path, def, doc, Kind.RAW, 0, 0, List.of());
    }

    /** The accepted values, for help texts. */
    public String range() {
        return switch (kind) {
            case INT, INT_LIST, INT_VALUES -> "whole number" + (kind == Kind.INT ? "" : "s") + " in [" + fmt(min) + ", " + fmt(max) + "]";
            case DOUBLE -> "number in [" + fmt(min) + ", " + fmt(max) + "]";
            case REAL_LIST -> "numbers in [" + fmt(min) + ", " + fmt(max) + "]";
            case BOOLEAN -> "true or false";
            case CHOICE -> String.join(" | ", choices);
            case SELECTION -> "none | all | a list of whole numbers in [0, " + fmt(max) + "] and \"a-b\" ranges, e.g. [0, 3, \"5-9\"]";
            case RAW -> "see the description above";
        };
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    void validate(Config c) {
        switch (kind) {
            case INT -> getInt(c);
            case DOUBLE -> getDouble(c);
            case BOOLEAN -> getBoolean(c);
            case CHOICE -> getString(c);
            case INT_LIST, INT_VALUES -> getIntList(c);
            case REAL_LIST -> getRealList(c);
            case SELECTION -> getSelection(c);
            case RAW -> { } // the scenario checks it when it reads it
        }
    }

    Selection getSelection(Config c) {
        ConfigValue v = c.getValue(path);
        java.util.TreeSet<Integer> out = new java.util.TreeSet<>();
        if (v.valueType() == ConfigValueType.LIST) {
            for (ConfigValue e : c.getList(path)) addSelected(e, out);
        } else if (v.valueType() == ConfigValueType.STRING && v.unwrapped().equals("all")) {
            return new Selection(true, new int[0]);
        } else if (!(v.valueType() == ConfigValueType.STRING && v.unwrapped().equals("none"))) {
            addSelected(v, out);
        }
        return new Selection(false, out.stream().mapToInt(Integer::intValue).toArray());
    }

    private void addSelected(ConfigValue e, java.util.Set<Integer> out) {
        Object u = e.unwrapped();
        if (u instanceof String str && str.trim().matches("\\d+\\s*-\\s*\\d+")) {
            String[] ab = str.split("-");
            int a = checkedSelected(ab[0].trim());
            int b = checkedSelected(ab[1].trim());
            if (b < a) throw new BadInput(path + ": the range \"" + str + "\" runs backwards");
            if (b - a >= 10_000_000) throw new BadInput(path + ": the range \"" + str + "\" is too long to list; say all");
            for (int k = a; k <= b; k++) out.add(k);
        } else if (u instanceof Number || u instanceof String) {
            out.add(checkedSelected(String.valueOf(u).trim()));
        } else {
            throw new BadInput(path + " must be " + range() + ", got " + u);
        }
    }

    private int checkedSelected(String text) {
        double d;
        try {
            d = Double.parseDouble(text);
        } catch (NumberFormatException ex) {
            throw new BadInput(path + " must be " + range() + ", got '" + text + "'");
        }
        if (d != Math.rint(d) || !(d >= min && d <= max)) throw new BadInput(path + " must be " + range() + ", got " + text);
        return (int) d;
    }

    int getInt(Config c) {
        return checkedInt(c.getValue(path), path);
    }

    private int checkedInt(ConfigValue v, String what) {
        double d = number(v, what, "a whole number");
        if (d != Math.rint(d)) throw new BadInput(what + " must be a " + range() + ", got " + v.unwrapped());
        checkRange(d, what, v);
        return (int) d;
    }

    double getDouble(Config c) {
        ConfigValue v = c.getValue(path);
        double d = number(v, path, "a number");
        checkRange(d, path, v);
        return d;
    }

    boolean getBoolean(Config c) {
        ConfigValue v = c.getValue(path);
        if (v.valueType() == ConfigValueType.BOOLEAN) return (Boolean) v.unwrapped();
        if (v.valueType() == ConfigValueType.STRING) {
            String s = (String) v.unwrapped();
            if (s.equals("true") || s.equals("false")) return Boolean.parseBoolean(s);
        }
        throw new BadInput(path + " must be true or false, got " + v.unwrapped());
    }

    String getString(Config c) {
        ConfigValue v = c.getValue(path);
        String s = String.valueOf(v.unwrapped());
        if (!choices.contains(s)) throw new BadInput(path + " must be one of " + String.join(", ", choices) + ", got " + s);
        return s;
    }

    int[] getIntList(Config c) {
        ConfigValue v = c.getValue(path);
        if (v.valueType() != ConfigValueType.LIST) throw new BadInput(path + " must be a list such as " + defaultValue + ", got " + v.unwrapped());
        List<Integer> out = new ArrayList<>();
        for (ConfigValue e : c.getList(path)) out.add(checkedInt(e, path + " entries"));
        boolean optional = defaultValue instanceof List<?> d && d.isEmpty(); // empty means "derived"
        int least = optional ? 0 : kind == Kind.INT_LIST ? 2 : 1;
        if (out.size() < least) throw new BadInput(path + " needs at least " + (least == 2 ? "two entries" : "one entry") + ", got " + v.unwrapped());
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    double[] getRealList(Config c) {
        ConfigValue v = c.getValue(path);
        if (v.valueType() != ConfigValueType.LIST) throw new BadInput(path + " must be a list such as " + defaultValue + ", got " + v.unwrapped());
        List<? extends ConfigValue> list = c.getList(path);
        if (list.isEmpty() && !(defaultValue instanceof List<?> d && d.isEmpty())) throw new BadInput(path + " needs at least one entry");
        double[] out = new double[list.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = number(list.get(k), path + " entries", "a number");
            checkRange(out[k], path + " entries", list.get(k));
        }
        return out;
    }

    private static double number(ConfigValue v, String what, String expected) {
        Object u = v.unwrapped();
        if (u instanceof Number n) return n.doubleValue();
        if (u instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException ignored) {
                // fall through to the message
            }
        }
        throw new BadInput(what + " must be " + expected + ", got '" + u + "'");
    }

    private void checkRange(double d, String what, ConfigValue v) {
        if (!(d >= min && d <= max)) throw new BadInput(what + " must be a " + range() + ", got " + v.unwrapped());
    }
}
