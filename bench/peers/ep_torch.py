#!/usr/bin/python3
"""fashion-ep in plain PyTorch: the peer `bench epoch` times the simulator against.

It computes what the simulator computes for fashion-ep (a layered EP net, 784-500-10 by default, trained by
centered EP at block granularity with a link delay of one step), written as one thread of whole-layer tensor
operations instead of actors and messages. The run's initial network, its example order per epoch and the
signed beta of every training episode come from the simulator's side (PeerExport writes them, see --init); the
images are read from the same IDX files.

The semantics it reproduces (network/.../SynchronousSimulation.java, SliceEpisode.java, PhaseSchedule.java,
CenteredEP.java, TwoSampleRule.java), time counted in steps of dt:

* Units: s <- s - dt * (s - rho'(s) * (h + b) [+ beta * (s - y) for the outputs in a nudged phase]), explicit
  Euler, rho(s) = sigmoid(4 s - 2), rho' = 4 rho (1 - rho) taken from the rho of the current state.
* Link delay of one step: the field h of the step t -> t+1 is sum_j W_ij rho_j(t - 1) (at t = 0: the initial
  state), so every layer sees its neighbours one step late; the inputs are clamped, their rho constant within an
  episode (a pixel p is presented as rho(rho^-1(p)), p kept 1e-3 inside (0, 1): the export's pixel_rho table).
* An episode (a minibatch): with units.reset, the first step of every episode but the run's first returns the
  free units to s = 0 and they hold it for the next H = 1 step (ResetHold): the free phase integrates T1 - 2
  steps (T1 in the run's first episode). The free state at the end of the free phase is scored (loss
  1/2 |s_out - y|^2 summed over the minibatch, accuracy by argmax, the first maximum winning).
  Training episodes go on with T2 steps at +beta, then the -beta phase: its first step returns the units to the
  free state (so it integrates T2 - 1 steps), and its first integrated step still sees the neighbours' rho of
  the +beta state (the one-step delay).
* Centered EP: C = <rho_i rho_j> over the minibatch at the end of the +beta and of the -beta phase (a bias: its
  unit's <rho>); at the end of the episode W += -eta * (-(C+ - C-) / (2 beta)) (times rate-decay^epoch), the
  input projection at learning.rates[0], the one above at learning.rates[1], each layer's biases at the rate of
  the projection below it. The new weights act from the next episode on.
* Each epoch: the training episodes in the exported order (a remainder smaller than a batch dropped), then the
  test set in order, in batches (the last one wrapped around and its padding left out of the figures).

Usage:  ep_torch.py --init FILE.npz [--train-size N] [--test-size M] [--epochs E] [--float32] [--threads K]
                    [--save OUT.npz]
The last line printed is one JSON object: seconds (the epochs' wall time, data loading excluded), the last
epoch's train/test loss and accuracy, loss sums, the final weights' checksums.
"""
import argparse
import gzip
import json
import os
import sys
import time
import zipfile


def parse_args(argv):
    p = argparse.ArgumentParser(description="fashion-ep's dynamics in PyTorch (the peer of `synaptor bench epoch`)")
    p.add_argument("--init", required=True, help="the .npz PeerExport wrote: initial network, orders, betas, settings")
    p.add_argument("--train-size", type=int, help="training images (default: the export's; must equal it)")
    p.add_argument("--test-size", type=int, help="test images (default: the export's)")
    p.add_argument("--epochs", type=int, help="epochs (default: the export's; at most as many as it has orders for)")
    p.add_argument("--float32", action="store_true", help="compute in float32 (default float64)")
    p.add_argument("--threads", type=int, default=1, help="torch and BLAS threads (default 1)")
    p.add_argument("--save", help="write the final weights, biases and per-episode figures to this .npz")
    p.add_argument("--progress", action="store_true", help="a line per epoch on stderr")
    return p.parse_args(argv)


ARGS = parse_args(sys.argv[1:])
# BLAS threads are fixed when the library loads: before importing torch.
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = str(ARGS.threads)

import numpy as np  # noqa: E402
import torch  # noqa: E402

torch.set_num_threads(ARGS.threads)


# ----------------------------------------------------------------------------------------------- inputs

def read_export(path):
    with zipfile.ZipFile(path) as z:
        settings = json.loads(z.read("settings.json").decode("utf-8"))
    npz = np.load(path)
    arrays = {k: npz[k] for k in ("weights", "biases", "layers", "order", "beta", "pixel_rho")}
    return settings, arrays


def read_idx(path):
    """An IDX file (gzipped or not) as a uint8 array of its shape."""
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = tuple(int.from_bytes(data[4 + 4 * k: 8 + 4 * k], "big") for k in range(dims))
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


# ----------------------------------------------------------------------------------------------- the model

class Peer:
    def __init__(self, settings, arrays, dtype):
        self.dtype = dtype
        self.layers = [int(n) for n in arrays["layers"]]
        L = len(self.layers)
        self.dt = float(settings["dt"])
        self.T1 = int(settings["free_steps"])
        self.T2 = int(settings["nudge_steps"])
        self.hold = int(settings["reset_hold"])
        self.B = int(settings["batch"])
        self.rates = [float(r) for r in settings["rates"]]
        self.decay = float(settings["rate_decay"])
        w = arrays["weights"]
        b = arrays["biases"]
        # W[l]: layer l x layer l + 1, row-major as the couplings are listed (from-unit major).
        self.W, self.b, at, unit = [], [], 0, 0
        for l in range(L - 1):
            n, m = self.layers[l], self.layers[l + 1]
            self.W.append(torch.tensor(w[at:at + n * m].reshape(n, m), dtype=dtype))
            at += n * m
        for l in range(L):
            self.b.append(torch.tensor(b[unit:unit + self.layers[l]].reshape(-1, 1), dtype=dtype))
            unit += self.layers[l]
        self.pixel_rho = torch.tensor(arrays["pixel_rho"], dtype=dtype)
        self.eye = torch.eye(self.layers[-1], dtype=dtype)
        self.rho0 = [self.rho(torch.zeros(n, self.B, dtype=dtype)) for n in self.layers]  # rho of a unit at rest
        # the correlations at the end of the +beta and of the -beta phase, per projection (reused: 3 MB each)
        self.plus = [torch.empty(n, m, dtype=dtype) for n, m in zip(self.layers, self.layers[1:])]
        self.minus = [torch.empty(n, m, dtype=dtype) for n, m in zip(self.layers, self.layers[1:])]
        self.episode = 0  # the run's episode counter (the first one starts without a reset)

    @staticmethod
    def rho(s):
        # sigma(4 s - 2) as 1 / (1 + exp(-(4 s - 2))), the simulator's ShiftedSigmoid
        return torch.sigmoid(s * 4.0 - 2.0)

    def fields(self, rprev, din):
        """h of every free layer for the step t -> t+1 from the rho at t - 1 (din: the clamped inputs' drive), biases added."""
        L = len(self.layers)
        out = [None] * L
        for l in range(1, L):
            h = din if l == 1 else torch.mm(self.W[l - 1].t(), rprev[l - 1])
            if l + 1 < L:
                h = h + torch.mm(self.W[l], rprev[l + 1])
            out[l] = h + self.b[l]
        return out

    def step(self, s, r, rprev, din, beta=0.0, y=None):
        """One Euler step of every free layer; returns the new states and their rho."""
        L = len(self.layers)
        f = self.fields(rprev, din)
        ns, nr = [None] * L, [None] * L
        for l in range(1, L):
            rp = (r[l] * 4.0) * (1.0 - r[l])
            g = s[l] - rp * f[l]
            if beta != 0.0 and l == L - 1:
                g = g + beta * (s[l] - y)
            ns[l] = s[l] - self.dt * g
            nr[l] = self.rho(ns[l])
        return ns, nr

    def run_episode(self, x_idx, images, labels, valid, train, beta=0.0, epoch=0):
        """One minibatch episode, step by step as the slices take it; returns (loss sum, correct) of its free phase."""
        L, B, T1, T2 = len(self.layers), self.B, self.T1, self.T2
        rho_in = self.pixel_rho[images[x_idx]].t()  # inputs x batch (uint8 pixels -> rates)
        y = self.eye[labels[x_idx]].t()  # one-hot targets, outputs x batch
        din = torch.mm(self.W[0].t(), rho_in)  # the clamped inputs' drive: constant through the episode
        # Every episode but the run's first starts with a reset: its step 0 returns the free units to rest and they
        # hold there through step H (ResetHold), so the first integrated step, like the run's step 0, sees the
        # neighbours at rest. The run's first episode starts from the initial state, also at rest.
        hold_through = -1 if self.episode == 0 else self.hold
        self.episode += 1
        s = [None] + [torch.zeros(n, B, dtype=self.dtype) for n in self.layers[1:]]
        r = list(self.rho0)  # rho of the state at the current time: rho' of the step, and what the neighbours see next
        rprev = list(self.rho0)  # rho one step earlier: what the fields of this step see (the link delay)
        length = T1 + 2 * T2 if train else T1
        restore = T1 + T2  # centered EP: the -beta phase's first step returns to the free state
        score = means_plus = None
        for t in range(length):
            if t == 0 and hold_through >= 0:  # the reset (the state is already at rest here)
                rprev = r
            elif train and t == restore:
                rprev, s, r = r, s_free, r_free
            elif t <= hold_through:  # the hold after a reset: the state stays at rest
                rprev = r
            else:
                b = 0.0 if t < T1 else (beta if t < restore else -beta)
                s, nr = self.step(s, r, rprev, din, b, y)
                rprev, r = r, nr
            now = t + 1  # the state time just reached
            if now == T1:  # the end of the free phase: scored (the prediction made before learning), kept for -beta
                score = self.score(s[L - 1], y, valid)
                s_free, r_free = s, r
            elif train and now == restore:
                means_plus = self.correlations(r, rho_in, self.plus)
            elif train and now == length:
                self.learn(means_plus, self.correlations(r, rho_in, self.minus), beta, epoch)
        return score

    def score(self, out, y, valid):
        """EpisodeScore: the loss 1/2 (s - y)^2 summed example by example, output by output; argmax hits."""
        out, y = out[:, :valid], y[:, :valid]
        d = (out - y).t().reshape(-1)
        loss = float(torch.cumsum((0.5 * d) * d, 0)[-1]) if valid > 0 else 0.0
        return loss, int((out.argmax(0) == y.argmax(0)).sum())

    def correlations(self, r, rho_in, into):
        """<rho_i rho_j> of every projection (rho_i rho_j^T / B, into the buffers given) and <rho> of every free
        layer (a bias's correlation with its constant 1, summed example by example)."""
        rs = [rho_in] + list(r[1:])
        for l in range(len(self.layers) - 1):
            torch.mm(rs[l], rs[l + 1].t(), out=into[l]).mul_(1.0 / self.B)
        return [None] + [torch.cumsum(rs[l], 1)[:, -1:] / self.B for l in range(1, len(self.layers))]

    def learn(self, means_plus, means_minus, beta, epoch):
        """Centered EP at the end of the -beta phase: every weight and bias moves by -eta * estimate * gamma^epoch."""
        factor = self.decay ** epoch  # DecayingRate: gamma^e, 1 in epoch 0
        for l in range(len(self.layers) - 1):
            self.move(self.W[l], self.plus[l].sub_(self.minus[l]), beta, self.rates[l], factor)
            # layer l + 1's biases learn at the rate of the projection below them
            self.move(self.b[l + 1], means_plus[l + 1] - means_minus[l + 1], beta, self.rates[l], factor)

    @staticmethod
    def move(target, diff, beta, rate, factor):
        """target += (-rate) * (-(C+ - C-) / (2 beta)) * factor, with the rule's roundings: the two sign flips
        are exact and dividing by 1 or multiplying by 1 changes nothing, so they are left out (diff is overwritten)."""
        if 2.0 * beta != 1.0:
            diff.div_(2.0 * beta)
        diff.mul_(rate)
        if factor != 1.0:
            diff.mul_(factor)
        target.add_(diff)


def main():
    settings, arrays = read_export(ARGS.init)
    if settings.get("scenario") != "fashion-ep":
        sys.exit("ep_torch.py: the export is of %s, not fashion-ep" % settings.get("scenario"))
    train_size = ARGS.train_size if ARGS.train_size is not None else int(settings["train_size"])
    test_size = ARGS.test_size if ARGS.test_size is not None else int(settings["test_size"])
    epochs = ARGS.epochs if ARGS.epochs is not None else int(settings["epochs"])
    if train_size != int(settings["train_size"]):
        sys.exit("ep_torch.py: --train-size %d, but the export's orders are permutations of %d images"
                 % (train_size, int(settings["train_size"])))
    if epochs > arrays["order"].shape[0]:
        sys.exit("ep_torch.py: %d epochs asked, the export has orders for %d" % (epochs, arrays["order"].shape[0]))
    dtype = torch.float32 if ARGS.float32 else torch.float64
    t_load = time.perf_counter()
    train_x = torch.from_numpy(read_idx(settings["train_images"])[:train_size].reshape(train_size, -1).astype(np.int64))
    train_y = torch.from_numpy(read_idx(settings["train_labels"])[:train_size].astype(np.int64))
    test_x = torch.from_numpy(read_idx(settings["test_images"])[:test_size].reshape(test_size, -1).astype(np.int64))
    test_y = torch.from_numpy(read_idx(settings["test_labels"])[:test_size].astype(np.int64))
    peer = Peer(settings, arrays, dtype)
    load_seconds = time.perf_counter() - t_load
    B = peer.B
    train_episodes = train_size // B
    test_episodes = (test_size + B - 1) // B
    episodes = []  # (epoch, training, loss sum, correct, count)
    t0 = time.perf_counter()
    with torch.no_grad():
        for e in range(epochs):
            order = torch.from_numpy(arrays["order"][e].astype(np.int64))
            for k in range(train_episodes):
                beta = float(arrays["beta"][e * train_episodes + k])
                loss, correct = peer.run_episode(order[k * B:(k + 1) * B], train_x, train_y, B, True, beta, e)
                episodes.append((e, 1, loss, correct, B))
            for k in range(test_episodes):
                idx = torch.arange(k * B, (k + 1) * B) % test_size
                valid = min(B, test_size - k * B)
                loss, correct = peer.run_episode(idx, test_x, test_y, valid, False)
                episodes.append((e, 0, loss, correct, valid))
            if ARGS.progress:
                tr = [x for x in episodes if x[0] == e and x[1] == 1]
                te = [x for x in episodes if x[0] == e and x[1] == 0]
                print("epoch %d: train accuracy %.4f loss %.5f | test accuracy %.4f loss %.5f  (%.1f s)" % (
                    e + 1, sum(x[3] for x in tr) / max(1, sum(x[4] for x in tr)),
                    sum(x[2] for x in tr) / max(1, sum(x[4] for x in tr)),
                    sum(x[3] for x in te) / sum(x[4] for x in te), sum(x[2] for x in te) / sum(x[4] for x in te),
                    time.perf_counter() - t0), file=sys.stderr, flush=True)
    seconds = time.perf_counter() - t0

    last = epochs - 1

    def figures(training):
        rows = [x for x in episodes if x[0] == last and x[1] == training]
        loss = 0.0
        for x in rows:  # in episode order, as the simulator's epoch table adds them
            loss += x[2]
        count = sum(x[4] for x in rows)
        return loss, sum(x[3] for x in rows), count

    tr_loss, tr_correct, tr_count = figures(1)
    te_loss, te_correct, te_count = figures(0)
    weights = torch.cat([w.reshape(-1) for w in peer.W]).double()
    biases = torch.cat([b.reshape(-1) for b in peer.b]).double()
    if ARGS.save:
        ep = np.array([[x[0], x[1], x[3], x[4]] for x in episodes], dtype=np.int64)
        np.savez(ARGS.save, weights=weights.numpy(), biases=biases.numpy(),
                 episode_loss=np.array([x[2] for x in episodes]), episode_info=ep)
    result = {
        "peer": "pytorch", "torch": torch.__version__, "dtype": "float32" if ARGS.float32 else "float64",
        "threads": ARGS.threads, "epochs": epochs, "train_size": train_size, "test_size": test_size,
        "seconds": seconds, "load_seconds": load_seconds,
        "images_per_second": epochs * (train_size + test_size) / seconds,
        "train_loss": tr_loss / tr_count if tr_count else float("nan"),
        "train_accuracy": tr_correct / tr_count if tr_count else float("nan"),
        "test_loss": te_loss / te_count, "test_accuracy": te_correct / te_count,
        "train_loss_sum": tr_loss, "test_loss_sum": te_loss,
        "weights_sum": float(weights.sum()), "weights_abs_sum": float(weights.abs().sum()),
        "biases_sum": float(biases.sum()),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
