#!/usr/bin/python3
"""Brian2 (cython target, one thread) on `synaptor bench langevin`'s network, as a peer measured beside it.

The network (LangevinNetwork): N double-well units, E = sum_i a (s_i^2 - 1)^2 - 1/2 sum_ij W_ij tanh(s_i) tanh(s_j),
each unit following, by Euler-Maruyama with step dt,

    s_i <- s_i - dt [4 a s_i (s_i^2 - 1) - (1 - tanh^2 s_i) h_i] + sqrt(2 T dt) xi_i,
    h_i(t) = sum_j W_ij tanh(s_j(max(0, t - D)))           (links of D steps; the benchmark's D is 1)

with the same couplings W_ij = W_ji, read from an .npz that the Java side writes (io.synaptor.bench.LangevinExport).
tanh is evaluated once per unit per step (a state variable set at the step's start, summed by the synapses), never
per synapse. A synaptic update is one W_ij tanh(s_j) added into a field: 2 x (coupled pairs) per step.

Timing: one untimed run of the same length first (Brian2 generates and compiles its code then; the compiled
modules are cached under ~/.cython), then --repeats timed runs from the benchmark's start (every unit at rest),
each timed by Brian2's own clock of its main loop (device._last_run_time: the steps, not the per-run preparation);
the best is reported, like the Java side's best of three. The wall time of the whole run() call is printed too.

Check (--check, needs a file written with --check-steps K): the network at T = 0 from the file's start state for
K steps; the largest difference from the Java reference loop's trajectory (LangevinNetwork.run) over all K steps.

The last line printed is machine-readable, key=value pairs:
    brian2-langevin size=N synapses=S steps=STEPS seconds=SEC updates_per_second=RATE wall_seconds=... [max_difference=...]

Needs Debian's python3-brian (with python3-dev and g++ for the cython target); run it with /usr/bin/python3
(Debian's Python, which sees dist-packages), e.g.

    /usr/bin/python3 bench/peers/langevin_brian2.py --size 1000 --connectivity 0.1 --steps 1000 --check 100
    /usr/bin/python3 bench/peers/langevin_brian2.py --net net.npz --steps 1000

Without --net the script writes the network itself (java, the project built by ./synaptor) to a temporary file.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
import warnings

warnings.filterwarnings("ignore")  # pythran's and numpy's FutureWarnings on Debian 12's stack

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def export(size, connectivity, check_steps, delay, out):
    """The network written by the Java side (the project built by ./synaptor on first use)."""
    jar = os.path.join(ROOT, "bench", "target", "synaptor-bench-0.1.0-SNAPSHOT.jar")
    cp_file = os.path.join(ROOT, "bench", "target", "classpath.txt")
    if not (os.path.exists(jar) and os.path.exists(cp_file)):
        subprocess.run([os.path.join(ROOT, "synaptor"), "--version"], check=True, stdout=subprocess.DEVNULL)
    with open(cp_file) as f:
        cp = jar + ":" + f.read().strip()
    subprocess.run(["java", "-cp", cp, "io.synaptor.bench.LangevinExport", "--size", str(size),
                    "--connectivity", repr(connectivity), "--check-steps", str(check_steps),
                    "--delay", str(delay), "--out", out], check=True, stdout=sys.stderr)


class Langevin:
    """The network in Brian2: one NeuronGroup of N units, one Synapses object of 2 x pairs directed couplings."""

    def __init__(self, net, delay, temperature, order="pre"):
        import brian2 as b2
        self.b2 = b2
        b2.prefs.codegen.target = "cython"
        b2.prefs.logging.console_log_level = "WARNING"
        n = int(net["size"])
        self.n = n
        self.delay = delay
        b2.start_scope()
        b2.defaultclock.dt = float(net["dt"]) * b2.second
        # Time in units of tau = 1 s: ds/dt = -dE/ds / tau + sqrt(2 T / tau) xi (Euler-Maruyama: + sqrt(2 T dt) N(0, 1)).
        eqs = """
        ds/dt = (-4*a*s*(s*s - 1) + (1 - th*th)*h)/tau + sqrt(2*T/tau)*xi : 1
        th : 1
        thd : 1
        h : 1
        a : 1 (shared, constant)
        T : 1 (shared, constant)
        """
        self.group = b2.NeuronGroup(n, eqs, method="euler", namespace={"tau": 1 * b2.second})
        self.group.a = float(net["barrier"])
        self.group.T = temperature
        if delay == 0:
            # h(t) from tanh(s(t)): tanh once per unit, at the step's start, before the synapses sum it.
            self.group.run_regularly("th = tanh(s)", when="start")
            source = "th"
        elif delay == 1:
            # thd holds tanh(s(t - 1)) (tanh(s(0)) at t = 0: th starts as tanh of the start state).
            self.group.run_regularly("thd = th\nth = tanh(s)", when="start")
            source = "thd"
        else:
            raise ValueError("only delays 0 and 1 are implemented, got %d" % delay)
        i, j, w = (np.asarray(net[k]) for k in ("i", "j", "w"))
        pre = np.concatenate([i, j])
        post = np.concatenate([j, i])
        weight = np.concatenate([w, w])
        # "pre" (default): by presynaptic unit, then postsynaptic, Brian2's fastest here (consecutive synapses add
        # into different fields). "post": by postsynaptic unit, then presynaptic: runs of adds into one field, each
        # waiting for the one before (a dependency through memory), about 2x slower. "drawn": the pairs as drawn
        # (i -> j), then their mirrors (j -> i), what connect() gets without sorting: ~30% slower than "pre". In all
        # three each field adds its terms by ascending presynaptic unit, the order of the Java reference's sparse
        # product (EJML CSC, column by column), so the orders give the same bits.
        if order == "pre":
            perm = np.lexsort((post, pre))
        elif order == "post":
            perm = np.lexsort((pre, post))
        elif order == "drawn":
            perm = np.arange(len(pre))
        else:
            raise ValueError("unknown synapse order '%s' (known: pre, post, drawn)" % order)
        self.synapses = b2.Synapses(self.group, self.group, "w : 1 (constant)\nh_post = w*%s_pre : 1 (summed)" % source)
        self.synapses.connect(i=pre[perm], j=post[perm])
        self.synapses.w = weight[perm]
        self.count = len(perm)
        self.network = b2.Network(self.group, self.synapses)

    def reset(self, state):
        self.group.s = state
        th = np.tanh(state)
        self.group.th = th
        self.group.thd = th

    def run(self, steps):
        """Runs steps steps; (seconds of Brian2's main loop, seconds of the whole run() call)."""
        t0 = time.perf_counter()
        self.network.run(steps * self.b2.defaultclock.dt)
        wall = time.perf_counter() - t0
        return self.b2.get_device()._last_run_time, wall

    def states(self):
        return np.array(self.group.s[:])


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--net", help=".npz written by io.synaptor.bench.LangevinExport (default: write one)")
    p.add_argument("--size", type=int, default=1000, help="N, when the script writes the network (default 1000)")
    p.add_argument("--connectivity", type=float, default=0.1, help="share of pairs coupled, likewise (default 0.1)")
    p.add_argument("--steps", type=int, default=1000, help="steps per timed run (default 1000)")
    p.add_argument("--repeats", type=int, default=3, help="timed runs after the untimed one; the best is reported (default 3)")
    p.add_argument("--delay", type=int, help="link delay in steps, 0 or 1 (default: the file's, else 1)")
    p.add_argument("--check", type=int, default=0, metavar="K",
                   help="first compare K noiseless steps with the Java reference (the file needs --check-steps >= K)")
    p.add_argument("--order", choices=("pre", "post", "drawn"), default="pre",
                   help="order of the synapses in Brian2's arrays (default pre: by presynaptic unit, its fastest)")
    a = p.parse_args()

    tmp = None
    path = a.net
    if path is None:
        tmp = tempfile.TemporaryDirectory()
        path = os.path.join(tmp.name, "langevin.npz")
        export(a.size, a.connectivity, a.check, 1 if a.delay is None else a.delay, path)
    net = dict(np.load(path))
    delay = int(net["delay"]) if a.delay is None else a.delay
    n = int(net["size"])

    try:
        import brian2
    except ImportError:
        sys.exit("Brian2 is missing: apt-get install python3-brian python3-dev g++, and run this with /usr/bin/python3")
    print("Brian2 %s, cython target (Cython %s), one thread; N = %d, %d coupled pairs, delay %d, T = %g, dt = %g"
          % (brian2.__version__, __import__("Cython").__version__, n, len(net["w"]), delay, float(net["temperature"]),
             float(net["dt"])), file=sys.stderr)

    worst = None
    if a.check > 0:
        if "check_states" not in net or net["check_states"].shape[0] <= a.check:
            sys.exit("--check %d needs a file written with --check-steps >= %d" % (a.check, a.check))
        if delay != int(net["delay"]):
            sys.exit("--check: the file's trajectory has delay %d, not %d" % (int(net["delay"]), delay))
        quiet = Langevin(net, delay, 0.0, a.order)
        quiet.reset(net["check_initial"])
        want = net["check_states"]
        worst = 0.0
        first = None
        for t in range(1, a.check + 1):
            quiet.run(1)
            worst = max(worst, float(np.max(np.abs(quiet.states() - want[t]))))
            first = worst if first is None else first
        moved = float(np.max(np.abs(want[a.check] - want[0])))
        print("check: T = 0, %d steps from the file's start state (which moves by up to %.3g): max |Brian2 - Java reference|"
              " = %.3g after 1 step, %.3g over all %d" % (a.check, moved, first, worst, a.check), file=sys.stderr)

    model = Langevin(net, delay, float(net["temperature"]), a.order)
    rest = np.zeros(n)
    model.reset(rest)
    t0 = time.perf_counter()
    model.run(a.steps)
    print("untimed first run (code generation and compilation): %.2f s" % (time.perf_counter() - t0), file=sys.stderr)
    best, best_wall = float("inf"), float("inf")
    for r in range(a.repeats):
        model.reset(rest)
        loop, wall = model.run(a.steps)
        if not np.all(np.isfinite(model.states())):
            sys.exit("the Langevin network diverged")
        print("run %d of %d: %.4f s (main loop), %.4f s (run() call): %.0f M synaptic updates/s"
              % (r + 1, a.repeats, loop, wall, model.count * a.steps / loop / 1e6), file=sys.stderr)
        best = min(best, loop)
        best_wall = min(best_wall, wall)
    line = ("brian2-langevin size=%d synapses=%d steps=%d seconds=%.6f updates_per_second=%.6g wall_seconds=%.6f"
            % (n, model.count, a.steps, best, model.count * a.steps / best, best_wall))
    if worst is not None:
        line += " max_difference=%.3g" % worst
    print(line)
    sys.stdout.flush()
    if tmp is not None:
        tmp.cleanup()


if __name__ == "__main__":
    main()
