package io.synaptor.scenarios;

import io.synaptor.network.DenseReference;
import io.synaptor.network.Argmax;
import io.synaptor.network.LabeledData;
import io.synaptor.network.NetworkSpec;
import io.synaptor.scenarios.data.TwoMoons;
import io.synaptor.scheduler.RandomStreams;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/** The default scenario: a small EP network of actors learns the two-moons boundary. */
public final class TwoMoonsScenario implements Scenario {
    private static final Common.Defaults DEFAULTS =
            new Common.Defaults(List.of(2, 32, 2), 30, 10, 0.2, false, 0.05, 30, 10);

    @Override
    public String name() {
        return "two-moons";
    }

    @Override
    public String summary() {
        return "the default: a 2-32-2 EP network, one actor per unit and per synapse, learns two moons";
    }

    @Override
    public String description() {
        return """
                Trains a layered Hopfield-like network with one-sided equilibrium propagation on the 2-D
                two-moons set (Gaussian noise data.noise), every unit and every synapse an actor in virtual
                time. Prints and writes per-epoch train/test accuracy and loss. Plots: accuracy.png,
                loss.png, and boundary.png — the trained network's class at its free fixed point over the
                input plane (computed by the dense reference with the learned weights), with the test points.""";
    }

    @Override
    public List<Setting> settings() {
        List<Setting> s = new ArrayList<>(Common.networkSettings(DEFAULTS));
        s.addAll(Common.trainingSettings(DEFAULTS.epochs(), DEFAULTS.batch(), 400, 400));
        s.add(Setting.real("data.noise", 0.1, 0.0, 1.0, "standard deviation of the Gaussian noise on the moons"));
        return s;
    }

    @Override
    public Report run(Settings s, long seed, Progress progress) {
        double noise = s.getDouble("data.noise");
        LabeledData train = TwoMoons.generate(s.getInt("training.train-size"), noise, RandomStreams.stream(seed, RandomStreams.Kind.DATA, 0));
        LabeledData test = TwoMoons.generate(s.getInt("training.test-size"), noise, RandomStreams.stream(seed, RandomStreams.Kind.DATA, 1));
        Classification.Outcome out = Classification.run(name(), s, seed, progress, train, test);
        out.report().plot("boundary.png", boundary(out.trained(), test));
        return NetworkExport.trained(out, name());
    }

    /** The class the trained net gives each point of a grid over the unit square, at its free fixed point. */
    static XYChart boundary(NetworkSpec trained, LabeledData test) {
        DenseReference ref = new DenseReference(trained);
        int grid = 60;
        List<List<Double>> xs = List.of(new ArrayList<>(), new ArrayList<>());
        List<List<Double>> ys = List.of(new ArrayList<>(), new ArrayList<>());
        int[] outs = trained.outputs();
        for (int a = 0; a < grid; a++) {
            for (int b = 0; b < grid; b++) {
                double[] x = {(a + 0.5) / grid, (b + 0.5) / grid};
                double[] s;
                try {
                    s = ref.fixedPoint(x, 0.0, null, 5_000);
                } catch (IllegalStateException notSettled) {
                    continue; // no fixed point from rest here: leave the cell blank
                }
                double[] o = new double[outs.length];
                for (int k = 0; k < outs.length; k++) o[k] = s[outs[k]];
                int c = Argmax.of(o);
                xs.get(c).add(x[0]);
                ys.get(c).add(x[1]);
            }
        }
        XYChart chart = new XYChartBuilder().width(600).height(600).title("Decision boundary at the free fixed point")
                .xAxisTitle("x (scaled)").yAxisTitle("y (scaled)").build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(9);
        Color[] light = {new Color(180, 200, 255), new Color(255, 200, 170)};
        Color[] dark = {new Color(20, 60, 200), new Color(200, 60, 20)};
        for (int c = 0; c < 2; c++) {
            if (!xs.get(c).isEmpty()) {
                XYSeries area = chart.addSeries("net says " + c, xs.get(c), ys.get(c));
                area.setMarker(SeriesMarkers.SQUARE).setMarkerColor(light[c]);
            }
        }
        for (int c = 0; c < 2; c++) {
            List<Double> px = new ArrayList<>();
            List<Double> py = new ArrayList<>();
            for (int k = 0; k < test.size(); k++) {
                if (test.label(k) == c) {
                    px.add(test.x()[k][0]);
                    py.add(test.x()[k][1]);
                }
            }
            if (!px.isEmpty()) {
                XYSeries pts = chart.addSeries("test class " + c, px, py);
                pts.setMarker(SeriesMarkers.CIRCLE).setMarkerColor(dark[c]);
            }
        }
        return chart;
    }

}
