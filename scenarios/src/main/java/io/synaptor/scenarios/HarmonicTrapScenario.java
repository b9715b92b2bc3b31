package io.synaptor.scenarios;

import io.synaptor.scenarios.report.Progress;
import io.synaptor.scenarios.report.Report;
import io.synaptor.network.TrapMoments;
import io.synaptor.neurons.HarmonicTrap;
import io.synaptor.scenarios.trap.TrapPlots;
import io.synaptor.actors.SimulationDiverged;
import io.synaptor.actors.SimulationStalled;
import io.synaptor.actors.TrapRun;
import io.synaptor.network.TrapLearner;
import io.synaptor.synapses.LearningRateProtocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Minimal-dissipation learning (Hnybida &amp; Verret 2025; REFERENCES.md, "Minimal-dissipation
 * learning"): a harmonic-trap energy-based model learned by persistent-chain maximum likelihood under
 * five learning-rate protocols, each repeated on fresh particles, with the excess work measured on
 * the particles next to its closed form and to the exact expectation of the simulated scheme.
 */
public final class HarmonicTrapScenario implements Scenario {

    @Override
    public String name() {
        return "harmonic-trap";
    }

    @Override
    public String summary() {
        return "minimal-dissipation learning: a harmonic-trap EBM learned under five learning-rate protocols, excess work vs closed forms (Hnybida & Verret 2025)";
    }

    @Override
    public String description() {
        return """
                Reproduces Hnybida & Verret 2025 (seed 004): persistent chains of particles in the trap
                E = (x − θ)²/2 at inverse temperature β relax at rate μ (x ← x − μ(x − θ)dt + √(2μ dt/β)ξ); a
                learner unit learns θ from the data mean θ* and the particles' mean x̄ its couplings bring
                (θ ← θ + βη(t)(θ* − x̄)dt), and θ goes back to them — all on the common unit and synapse actors,
                so network.delay, network.jitter, units.update and trace.enabled apply (the learning step
                alternates with the particles' as the scheme prescribes: 2D + 2 virtual steps for links of D). Five protocols η(t): constant, quasi_static,
                continuous_optimal, discontinuous_optimal (jumps at 0 and τ) and slow_driving. The work
                each change of θ does on the particles is measured where they stand and summed; each
                protocol runs stats.repetitions times on fresh particles (standard error over them).
                Summary: excess_work_<p>, excess_work_<p>_stderr, excess_work_<p>_theory (derived closed
                form), excess_work_<p>_expected (exact expectation of the simulated scheme at this N and
                dt), excess_work_<p>_references (REFERENCES.md's formula, where it gives one),
                final_theta_error_<p> (mean over repetitions of |θ(τ) − θ*|), delta (θ* − θ₀),
                least_work_protocol (lowest measured work among the protocols within 5% of |Δ|).
                Plots: ridge_<p>.png (p_s and p_m at several times, θ(t), θ*), theta.png, excess_work.png,
                excess_work_totals.png. metrics.csv: protocol, step, t, eta, theta, particle_mean, work,
                work_theory, work_expected (step −1: before the start jump; S + 1: after the end jump).""";
    }

    @Override
    public boolean runsOnCluster() {
        return false; // the common actors, wired in one JVM by TrapRun: the cluster's entities are built from an EqProp SimulationSpec
    }

    private static List<Setting> trapSettings() {
        return List.of(
                Setting.real("trap.mu", 1.0, 1e-6, 1e6, "μ: the particles' relaxation rate (mobility of the trap E = (x − θ)²/2)"),
                Setting.real("trap.beta", 1.0, 1e-6, 1e6, "β: inverse temperature (the model density is N(θ, 1/β))"),
                Setting.real("trap.theta0", -1.0, -1e6, 1e6, "θ₀: the model's initial parameter (the particles start at rest about it)"),
                Setting.real("trap.theta-star", 0.0, -1e6, 1e6, "θ*: the data mean, the target"),
                Setting.real("learning.tau", 5.0, 1e-6, 1e6, "τ: the duration of learning"),
                Setting.real("learning.rate", 0.5, 0.0, 1e6, "η of the constant protocol"),
                Setting.real("learning.quasi-static-rate", 0.1, 0.0, 1e6, "η of the quasi-static protocol (η ≪ μ)"),
                Setting.integer("particles.count", 1000, 1, 10_000_000, "N: particles (persistent chains) per repetition"),
                Setting.integer("particles.slices", 2, 1, 10_000, "particle actors per repetition, each with a slice of the particles"),
                Setting.integer("time.steps", 1000, 1, 100_000_000, "S: Euler–Maruyama steps in τ (dt = τ/S)"),
                Setting.integer("stats.repetitions", 32, 2, 100_000, "independent repetitions per protocol (the standard errors are over them)"),
                Setting.integer("plot.snapshots", 11, 2, 1000, "times at which the ridge plots show p_s (repetition 0)"));
    }

    @Override
    public List<Setting> settings() {
        List<Setting> s = new java.util.ArrayList<>(trapSettings());
        s.addAll(Common.actorTimingSettings("when particle slices relax"));
        return s;
    }

    @Override
    public Report run(Settings s, long seed, Progress progress) {
        double mu = s.getDouble("trap.mu");
        double beta = s.getDouble("trap.beta");
        double theta0 = s.getDouble("trap.theta0");
        double thetaStar = s.getDouble("trap.theta-star");
        double tau = s.getDouble("learning.tau");
        int steps = s.getInt("time.steps");
        int particles = s.getInt("particles.count");
        int slices = s.getInt("particles.slices");
        int reps = s.getInt("stats.repetitions");
        double delta = thetaStar - theta0;
        double dt = tau / steps;
        if (delta == 0) throw new BadInput("trap.theta-star must differ from trap.theta0: with Δ = θ* − θ₀ = 0 there is nothing to learn");
        if (mu * dt >= 1) {
            throw new BadInput(String.format("time.steps must be more than μτ = %g (got %d): the Euler step overshoots the trap's centre when μ·dt ≥ 1",
                    mu * tau, steps));
        }
        if (slices > particles) throw new BadInput("particles.slices (" + slices + ") must not exceed particles.count (" + particles + ")");

        LearningRateProtocol.Task task = new LearningRateProtocol.Task(mu, beta, tau, delta);
        List<LearningRateProtocol> protocols = LearningRateProtocol.NAMES.stream().map(n -> LearningRateProtocol.named(n, task,
                s.getDouble("learning.rate"), s.getDouble("learning.quasi-static-rate"))).toList();
        int shots = Math.min(s.getInt("plot.snapshots"), steps + 1);
        boolean[] snapshotSteps = new boolean[steps + 1];
        for (int k = 0; k < shots; k++) snapshotSteps[(int) Math.round((double) k * steps / (shots - 1))] = true;
        TrapRun.Plan plan = new TrapRun.Plan(new HarmonicTrap(mu, beta), theta0, thetaStar, steps, particles, slices,
                reps, seed, snapshotSteps);

        TrapRun.Outcome outcome;
        progress.start(name(), (long) protocols.size() * reps);
        try {
            outcome = TrapRun.run(protocols, plan, Common.actorEngine(s, seed, (slices + 1) * protocols.size() * reps), progress::step);
        } catch (SimulationDiverged e) {
            throw new RunFailed("the run diverged: " + e.getMessage() + "; try a smaller learning.rate or more time.steps", e);
        } catch (SimulationStalled e) {
            throw new RunFailed(e.getMessage(), e);
        } finally {
            progress.close();
        }
        Map<String, List<TrapRun.Repetition>> runs = outcome.repetitions();

        Report report = new Report(List.of("protocol", "step", "t", "eta", "theta", "particle_mean", "work", "work_theory", "work_expected"));
        List<TrapPlots.Path> thetaPaths = new ArrayList<>();
        List<TrapPlots.Path> workPaths = new ArrayList<>();
        List<TrapPlots.Path> theoryPaths = new ArrayList<>();
        int n = protocols.size();
        double[] measured = new double[n];
        double[] stderr = new double[n];
        double[] theory = new double[n];
        double[] thetaError = new double[n];
        report.line(String.format("%-22s %22s %10s %10s %10s %12s", "protocol", "excess work ± stderr", "theory", "expected", "REFERENCES", "|θ(τ) − θ*|"));
        for (int p = 0; p < n; p++) {
            LearningRateProtocol protocol = protocols.get(p);
            String key = protocol.name();
            List<TrapLearner.Trajectory> list = runs.get(key).stream().map(TrapRun.Repetition::trajectory).toList();
            TrapMoments.Expected expected = TrapMoments.of(protocol, theta0, thetaStar, steps, particles);
            double[] totals = list.stream().mapToDouble(TrapLearner.Trajectory::workFinal).toArray();
            measured[p] = mean(totals);
            stderr[p] = Math.sqrt(variance(totals, measured[p]) / reps);
            theory[p] = protocol.totalExcessWork();
            thetaError[p] = list.stream().mapToDouble(t -> Math.abs(t.thetaFinal() - thetaStar)).average().orElseThrow();
            report.metric("excess_work_" + key, measured[p])
                    .metric("excess_work_" + key + "_stderr", stderr[p])
                    .metric("excess_work_" + key + "_theory", theory[p])
                    .metric("excess_work_" + key + "_expected", expected.workFinal());
            if (!Double.isNaN(protocol.referencesWork())) report.metric("excess_work_" + key + "_references", protocol.referencesWork());
            report.metric("final_theta_error_" + key, thetaError[p]);
            report.line(String.format("%-22s %10.5f ± %9.5f %10.5f %10.5f %10s %12.5f", key, measured[p], stderr[p], theory[p],
                    expected.workFinal(), Double.isNaN(protocol.referencesWork()) ? "—" : String.format("%.5f", protocol.referencesWork()),
                    thetaError[p]));

            // means over repetitions, step by step; the path has the jumps at 0 and τ as vertical steps
            double[] t = new double[steps + 3];
            double[] th = new double[steps + 3];
            double[] w = new double[steps + 3];
            double[] wTheory = new double[steps + 3];
            for (int k = 0; k < steps + 3; k++) {
                int step = k - 1;
                t[k] = Math.min(Math.max(step, 0), steps) * dt;
                double xbar;
                double wExpected;
                double eta;
                if (step < 0) {
                    th[k] = theta0;
                    w[k] = 0;
                    xbar = list.stream().mapToDouble(r -> r.particleMean()[0]).average().orElseThrow();
                    wExpected = 0;
                    wTheory[k] = 0;
                    eta = Double.NaN;
                } else if (step <= steps) {
                    th[k] = list.stream().mapToDouble(r -> r.theta()[step]).average().orElseThrow();
                    w[k] = list.stream().mapToDouble(r -> r.work()[step]).average().orElseThrow();
                    xbar = list.stream().mapToDouble(r -> r.particleMean()[step]).average().orElseThrow();
                    wExpected = expected.work()[step];
                    wTheory[k] = protocol.excessWork(t[k]);
                    eta = protocol.eta(t[k]);
                } else {
                    th[k] = list.stream().mapToDouble(TrapLearner.Trajectory::thetaFinal).average().orElseThrow();
                    w[k] = measured[p];
                    xbar = list.stream().mapToDouble(r -> r.particleMean()[steps]).average().orElseThrow();
                    wExpected = expected.workFinal();
                    wTheory[k] = theory[p];
                    eta = Double.NaN;
                }
                report.row(key, step, t[k], eta, th[k], xbar, w[k], wTheory[k], wExpected);
            }
            thetaPaths.add(new TrapPlots.Path(key, t, th));
            workPaths.add(new TrapPlots.Path(key, t, w));
            theoryPaths.add(new TrapPlots.Path(key, t, wTheory));
            double[] single = new double[steps + 3];
            TrapLearner.Trajectory first = list.get(0);
            for (int k = 0; k < steps + 3; k++) {
                int step = k - 1;
                single[k] = step < 0 ? theta0 : step <= steps ? first.theta()[step] : first.thetaFinal();
            }
            report.plot("ridge_" + key + ".png", TrapPlots.ridge(String.format("%s: p_s, p_m and θ(t) (N = %d, repetition 0)", key, particles),
                    runs.get(key).get(0).snapshots(), dt, beta, new TrapPlots.Path(key, t, single), thetaStar));
        }
        String least = null;
        for (int p = 0; p < n; p++) {
            if (thetaError[p] <= 0.05 * Math.abs(delta) && (least == null || measured[p] < measured[LearningRateProtocol.NAMES.indexOf(least)])) {
                least = protocols.get(p).name();
            }
        }
        report.metric("delta", delta).metric("least_work_protocol", least == null ? "none" : least)
                .metric("repetitions", reps).metric("particles", particles).metric("steps", steps).metric("messages", outcome.messages());
        report.line(String.format("Δ = θ* − θ₀ = %g; least work among the protocols within 5%% of |Δ| of θ* at τ = %g: %s", delta, tau,
                least == null ? "none" : least));
        report.plot("theta.png", TrapPlots.theta(thetaPaths, thetaStar));
        report.plot("excess_work.png", TrapPlots.work(workPaths, theoryPaths));
        report.plot("excess_work_totals.png", TrapPlots.totals(LearningRateProtocol.NAMES, measured, stderr, theory));
        return report;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double d : v) s += d;
        return s / v.length;
    }

    private static double variance(double[] v, double mean) {
        double s = 0;
        for (double d : v) s += (d - mean) * (d - mean);
        return s / (v.length - 1);
    }
}
