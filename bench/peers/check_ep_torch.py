#!/usr/bin/python3
"""Checks ep_torch.py against the simulator on a small fashion-ep run.

From the repository root (the simulator built, e.g. by `./synaptor list` once):

    /usr/bin/python3 bench/peers/check_ep_torch.py [--train-size 200] [--test-size 100] [--epochs 1] [--seed 1]
                                                   [--dir DIR] [--tolerance 1e-12] [--set KEY=VALUE]...

It writes the run's initial network and orders with io.synaptor.bench.PeerExport, runs
`./synaptor run fashion-ep` with the same settings (the actors, block granularity), runs the peer in float64 on
the export, and compares every epoch's train/test loss and accuracy (metrics.csv) and the trained weights and
biases (network.npz) with the peer's. Exit status 1 when a loss differs by more than the tolerance (relative),
an accuracy differs at all, or a weight or bias by more than the tolerance times the largest |weight|.
"""
import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--train-size", type=int, default=200)
    p.add_argument("--test-size", type=int, default=100)
    p.add_argument("--epochs", type=int, default=1)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--dir", help="keep the files here (default: a temporary directory)")
    p.add_argument("--tolerance", type=float, default=1e-12)
    p.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", help="another fashion-ep setting, for both sides")
    a = p.parse_args()
    work = a.dir or tempfile.mkdtemp(prefix="ep-torch-check-")
    os.makedirs(work, exist_ok=True)
    sets = ["training.train-size=%d" % a.train_size, "training.test-size=%d" % a.test_size,
            "training.epochs=%d" % a.epochs] + a.set
    set_args = [x for kv in sets for x in ("--set", kv)]

    jar = os.path.join(ROOT, "bench/target/synaptor-bench-0.1.0-SNAPSHOT.jar")
    cp_file = os.path.join(ROOT, "bench/target/classpath.txt")
    sim_dir = os.path.join(work, "sim")
    # ./synaptor builds what is missing first; then the class path exists for PeerExport.
    if os.path.exists(sim_dir):
        sys.exit("check_ep_torch.py: %s exists; give an empty --dir" % sim_dir)
    subprocess.run([os.path.join(ROOT, "synaptor"), "run", "fashion-ep", "--seed", str(a.seed), "--out", sim_dir] + set_args,
                   check=True, stdout=subprocess.DEVNULL)
    init = os.path.join(work, "init.npz")
    with open(cp_file) as f:
        cp = jar + ":" + f.read().strip()
    subprocess.run(["java", "-cp", cp, "io.synaptor.bench.PeerExport", "--out", init, "--seed", str(a.seed)] + set_args,
                   check=True, stdout=subprocess.DEVNULL)
    saved = os.path.join(work, "peer.npz")
    out = subprocess.run([sys.executable, os.path.join(ROOT, "bench/peers/ep_torch.py"), "--init", init, "--save", saved,
                          "--progress"], check=True, capture_output=True, text=True)
    peer = json.loads(out.stdout.strip().splitlines()[-1])

    ok = True
    print("fashion-ep, %d training + %d test images, %d epoch(s), seed %d; the simulator (actors) vs ep_torch.py (float64)"
          % (a.train_size, a.test_size, a.epochs, a.seed))
    with open(os.path.join(sim_dir, "metrics.csv")) as f:
        rows = list(csv.DictReader(f))
    mine = np.load(saved)
    info, losses = mine["episode_info"], mine["episode_loss"]  # (epoch, training, correct, count), loss sum
    worst = 0.0
    for row in rows:
        e = int(row["epoch"]) - 1
        for training, name in ((1, "train"), (0, "test")):
            sel = (info[:, 0] == e) & (info[:, 1] == training)
            count = info[sel, 3].sum()
            loss = 0.0
            for x in losses[sel]:  # in episode order, as the simulator's epoch table sums them
                loss += x
            loss /= count
            acc = info[sel, 2].sum() / count
            sim_loss, sim_acc = float(row[name + "_loss"]), float(row[name + "_accuracy"])
            rel = abs(loss - sim_loss) / abs(sim_loss)
            worst = max(worst, rel)
            same_acc = acc == sim_acc
            ok &= rel <= a.tolerance and same_acc
            print("  epoch %d %-5s loss  simulator %.17g  peer %.17g  relative difference %.2e;  accuracy %s %s"
                  % (e + 1, name, sim_loss, loss, rel, row[name + "_accuracy"], "same" if same_acc else "DIFFERS: %r" % acc))
    sim = np.load(os.path.join(sim_dir, "network.npz"))
    start = np.load(init)
    for key in ("weights", "biases"):
        x, y = sim[key], mine[key]
        scale = np.abs(x).max()
        diff = np.abs(x - y)
        moved = np.abs(x - start[key])  # what learning changed, on the simulator's side
        change_rel = diff.max() / moved.max() if moved.max() > 0 else 0.0
        ok &= diff.max() <= a.tolerance * scale
        print("  %-7s max |simulator - peer| %.2e (largest |value| %.3g: %.2e of it; largest change by learning %.3g: %.2e of it);"
              " %.1f%% identical to the bit" % (key, diff.max(), scale, diff.max() / scale, moved.max(), change_rel,
                                                  100.0 * (x == y).mean()))
    print("  peer: %.2f s for the epochs (%s)" % (peer["seconds"], out.stderr.strip().splitlines()[-1] if out.stderr.strip() else ""))
    print("EQUAL within %.0e (largest relative loss difference %.2e)" % (a.tolerance, worst) if ok
          else "NOT EQUAL within %.0e" % a.tolerance)
    print("files in " + work)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
